// Backups and restores with SQLite's own machinery: the online backup API copies a database page by page while the
// app keeps working, and every copy is checked (integrity, ours, not newer than this build) before it is trusted.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { APPLICATION_ID, type Db, fileStamp, StoreOpenError } from './db';
import { LATEST_SCHEMA_VERSION } from './migrations/index';

export interface BackupInfo {
  file: string;
  bytes: number;
  schemaVersion: number;
}

/** Opens a backup read-only and checks it through; the connection is closed again. */
export function checkBackupFile(file: string): BackupInfo {
  if (!fs.existsSync(file)) throw new StoreOpenError('missing', `Backup file not found: ${file}`);
  let db: Db;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding: process.env.SERVICE_ATLAS_SQLITE_BINDING || undefined });
  } catch (error) {
    throw new StoreOpenError('cannot_open', `Cannot open backup ${file}: ${(error as Error).message}`);
  }
  try {
    let applicationId: number;
    let schemaVersion: number;
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw new StoreOpenError('not_sqlite', `${file} is not a SQLite database: ${(error as Error).message}`);
    }
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    } catch (error) {
      integrity = [(error as Error).message];
    }
    if (applicationId !== APPLICATION_ID) throw new StoreOpenError('foreign', `${file} is not a Service Atlas backup.`);
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new StoreOpenError('too_new', `${file} comes from a newer Service Atlas (schema ${schemaVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}).`);
    }
    if (integrity.join() !== 'ok') throw new StoreOpenError('corrupt', `${file} fails SQLite's integrity check: ${integrity.slice(0, 3).join('; ')}`);
    return { file, bytes: fs.statSync(file).size, schemaVersion };
  } finally {
    db.close();
  }
}

/** A consistent copy of the open database, taken while others keep reading and writing; checked once written. */
export async function backupDatabase(db: Db, file: string): Promise<BackupInfo> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  await db.backup(partial);
  // Renamed only once complete and checked, so a backup file is never a half-written one.
  checkBackupFile(partial);
  fs.renameSync(partial, file);
  return checkBackupFile(file);
}

/**
 * Replaces the database at `target` with a checked backup. Connections already open on `target` (the app's own)
 * see the restored data at their next statement: SQLite's backup API writes through the pager, under its locks.
 */
export async function restoreDatabase(target: string, backupFile: string): Promise<BackupInfo> {
  const info = checkBackupFile(backupFile);
  const source = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true, nativeBinding: process.env.SERVICE_ATLAS_SQLITE_BINDING || undefined });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  return info;
}

export function defaultBackupFile(databaseFile: string, now: Date): string {
  return path.join(path.dirname(path.resolve(databaseFile)), 'backups', `${path.basename(databaseFile, path.extname(databaseFile))}-${fileStamp(now)}.sqlite`);
}
