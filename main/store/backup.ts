// Backups and restores with SQLite's own machinery: the online backup API copies a database page by page while the
// app keeps working, and every copy is checked (integrity, ours, not newer than this build) before it is trusted.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { APPLICATION_ID, assertOwnDatabaseFile, type Db, fileStamp, nativeBinding, StoreOpenError } from './db';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { StoreFailure, storeFailureKind, type StoreFailureKind } from './storeErrors';

export interface BackupInfo {
  file: string;
  bytes: number;
  schemaVersion: number;
}

const openReadOnly = (file: string) =>
  new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });

/** Opens a backup read-only and checks it through; the connection is closed again. Messages name the file only. */
export function checkBackupFile(file: string): BackupInfo {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new StoreOpenError('missing', `Backup file not found: ${name}`);
  let db: Db;
  try {
    db = openReadOnly(file);
  } catch (error) {
    throw new StoreOpenError('cannot_open', `Cannot open backup ${name}: ${(error as Error).message}`);
  }
  try {
    let applicationId: number;
    let schemaVersion: number;
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw new StoreOpenError('not_sqlite', `${name} is not a SQLite database: ${(error as Error).message}`);
    }
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    } catch (error) {
      integrity = [(error as Error).message];
    }
    if (applicationId !== APPLICATION_ID) throw new StoreOpenError('foreign', `${name} is not a Service Atlas backup.`);
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      throw new StoreOpenError('too_new', `${name} comes from a newer Service Atlas (schema ${schemaVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}).`);
    }
    if (integrity.join() !== 'ok') throw new StoreOpenError('corrupt', `${name} fails SQLite's integrity check: ${integrity.slice(0, 3).join('; ')}`);
    return { file, bytes: fs.statSync(file).size, schemaVersion };
  } finally {
    db.close();
  }
}

const FILE_SYSTEM_FAILURES: Record<string, StoreFailureKind> = { ENOSPC: 'disk_full', EACCES: 'read_only', EPERM: 'read_only', EROFS: 'read_only' };
const REASONS: Partial<Record<StoreFailureKind, string>> = { disk_full: 'the disk is full', read_only: 'its folder is read-only' };

/** Why a backup could not be written where it was to go (the database itself is fine). */
function destinationFailure(file: string, error: unknown): StoreFailure {
  const code = String((error as { code?: unknown }).code ?? 'unknown error');
  const kind = FILE_SYSTEM_FAILURES[code] ?? storeFailureKind(code) ?? 'io_error';
  const reason = code === 'ENOTDIR' || code === 'EEXIST' ? 'something that is not a folder stands where its folder should be' : (REASONS[kind] ?? code);
  return new StoreFailure(kind, `The backup could not be written to ${path.basename(file)}: ${reason}. The database was not changed.`);
}

export interface BackupOptions {
  /** Never replace a file: a name already taken gets -2, -3… (the app's own timestamped names). */
  unique?: boolean;
}

/**
 * A consistent copy of the open database, taken while others keep reading and writing; checked before it is given
 * its name, so a backup file is never a half-written one. The copy is written in a folder of its own with a name
 * nobody can guess (a link planted at a known temporary path would send it elsewhere, and two backups at once would
 * share it), and is made a single self-contained file: no -wal or -shm beside it.
 */
export async function backupDatabase(db: Db, file: string, options: BackupOptions = {}): Promise<BackupInfo> {
  const folder = path.dirname(path.resolve(file));
  let staging: string;
  try {
    fs.mkdirSync(folder, { recursive: true });
    staging = fs.mkdtempSync(path.join(folder, '.backup-'));
  } catch (error) {
    throw destinationFailure(file, error);
  }
  try {
    const copy = path.join(staging, 'copy.sqlite');
    try {
      await db.backup(copy);
      const written = new BetterSqlite3(copy, { nativeBinding: nativeBinding() });
      try {
        written.pragma('journal_mode = DELETE');
      } finally {
        written.close();
      }
    } catch (error) {
      // The copy is new, so damage can only be the database's own: that is for the caller to report as such.
      if (storeFailureKind((error as { code?: unknown }).code) === 'damaged') throw error;
      throw destinationFailure(file, error);
    }
    const info = checkBackupFile(copy);
    const published = publish(copy, file, options.unique ?? false);
    return { ...info, file: published };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function publish(copy: string, file: string, unique: boolean): string {
  try {
    if (!unique) {
      fs.renameSync(copy, file);
      return file;
    }
    const extension = path.extname(file);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? file : `${file.slice(0, file.length - extension.length)}-${n}${extension}`;
      try {
        // A hard link fails rather than replace a file (or follow a link) already at the name.
        fs.linkSync(copy, candidate);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } catch (error) {
    throw destinationFailure(file, error);
  }
}

/**
 * Replaces the database at `target` with a checked backup. Connections already open on `target` (the app's own)
 * see the restored data at their next statement: SQLite's backup API writes through the pager, under its locks.
 * A file at `target` that is not a Service Atlas database (another application's, or not SQLite) is left alone.
 */
export async function restoreDatabase(target: string, backupFile: string): Promise<BackupInfo> {
  const info = checkBackupFile(backupFile);
  assertOwnDatabaseFile(target);
  const source = openReadOnly(backupFile);
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
