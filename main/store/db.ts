// Opening a Service Atlas database: refuse anything that is not ours (or is newer than this build) before writing a
// single byte, then switch on WAL and foreign keys and bring the schema up to date.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index';
import { databaseReplaced, storeFailureKind } from './storeErrors';

export type Db = Database;

/** 'SAtl' in ASCII: marks a SQLite file as a Service Atlas database (PRAGMA application_id). */
export const APPLICATION_ID = 0x5341746c;

export type StoreOpenErrorCode = 'missing' | 'not_sqlite' | 'foreign' | 'too_new' | 'corrupt' | 'read_only' | 'cannot_open';

export class StoreOpenError extends Error {
  constructor(
    readonly code: StoreOpenErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

export interface OpenOptions {
  /** Fail instead of creating a new empty database. */
  mustExist?: boolean;
}

/**
 * In `npm start` the Electron shell runs with its own ABI: the launcher points us at a binding built for it, so the
 * Node build that the tests use is never replaced (both commands work, in either order).
 */
export const nativeBinding = (): string | undefined => process.env.SERVICE_ATLAS_SQLITE_BINDING || undefined;

function connect(file: string, options: OpenOptions): Db {
  try {
    return new BetterSqlite3(file, { fileMustExist: options.mustExist ?? false, nativeBinding: nativeBinding() });
  } catch (error) {
    const message = (error as Error).message;
    if (/does not exist|unable to open/i.test(message) && options.mustExist && !fs.existsSync(file)) {
      throw new StoreOpenError('missing', `Database file not found: ${file}`);
    }
    throw unreadable(file, error);
  }
}

/** Why SQLite could not open or first read a file that is there (or could be): a read-only place, or the file's state. */
function unreadable(file: string, error: unknown): StoreOpenError {
  const code = (error as { code?: unknown }).code;
  if (!fs.existsSync(path.dirname(path.resolve(file)))) return new StoreOpenError('cannot_open', `Cannot open database ${file}: its folder does not exist.`);
  if (storeFailureKind(code) === 'read_only') {
    return new StoreOpenError(
      'read_only',
      `Cannot open database ${file}: its folder or the file is read-only, and SQLite writes beside the file (its -wal and -shm files) even to read it. Move it to a folder you can write to, or make the folder writable.`,
    );
  }
  if (code === 'SQLITE_NOTADB') return new StoreOpenError('not_sqlite', `${file} is not a Service Atlas database: it is not a SQLite file.`);
  return new StoreOpenError('cannot_open', `Cannot open database ${file}: ${(error as Error).message}`);
}

/** The file each connection opened, as the file system knows it, to notice when another takes its place. */
const openedFiles = new WeakMap<Db, { file: string; dev: number; ino: number }>();

function rememberFile(db: Db, file: string): void {
  if (file === ':memory:') return;
  const { dev, ino } = fs.statSync(file);
  openedFiles.set(db, { file, dev, ino });
}

/**
 * Writes to a file that was deleted or replaced (rm, demo --force, a copy over it) would go to the orphaned file and
 * be lost at the next start; the connection cannot tell by itself, so writes check first.
 */
export function assertDatabaseFileInPlace(db: Db): void {
  const opened = openedFiles.get(db);
  if (!opened) return;
  let now: fs.Stats;
  try {
    now = fs.statSync(opened.file);
  } catch {
    throw databaseReplaced(opened.file);
  }
  if (now.dev !== opened.dev || now.ino !== opened.ino) throw databaseReplaced(opened.file);
}

/**
 * Runs `write` in one transaction that takes the write lock before its first read. A deferred transaction that has
 * read cannot wait for the lock (SQLite fails it at once, since its snapshot may be stale), so every write goes
 * through here; one that still finds the lock taken after busy_timeout fails with SQLITE_BUSY (a StoreFailure 'busy'
 * for the caller). Inside another transaction it is a savepoint of that one.
 */
export function writeTransaction<T>(db: Db, write: () => T): T {
  if (db.inTransaction) return db.transaction(write)();
  assertDatabaseFileInPlace(db);
  return db.transaction(write).immediate();
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = connect(file, options);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    assertServiceAtlasDatabase(db, file);
    db.pragma('foreign_keys = ON');
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    // Statements that fire triggers (the P&L roll-up's) keep a statement journal; in memory rather than in a temp
    // file, which halves the time to import 100,000 tickets.
    db.pragma('temp_store = MEMORY');
    const version = schemaVersion(db);
    if (version > 0 && version < LATEST_SCHEMA_VERSION && file !== ':memory:') {
      // An upgrade cannot be undone by rolling back once it has committed: keep the user's data as it was first.
      db.prepare('VACUUM INTO ?').run(preMigrationBackupFile(file, version, new Date()));
    }
    migrate(db);
    rememberFile(db, file);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreOpenError) throw error;
    throw unreadable(file, error);
  }
}

/** How long a write waits for another connection's write lock (a big import holds it for seconds). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Throws unless `file` may be replaced by one of our databases: missing, empty, or marked as ours, damaged or not (a
 * restore is how a damaged database is mended). Reads the header itself, so a damaged file is still recognised.
 */
export function assertOwnDatabaseFile(file: string): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
    throw new StoreOpenError('not_sqlite', `${file} is not a SQLite file, so not a Service Atlas database; it was left untouched.`);
  }
  // The header on disk lags behind a WAL not yet checkpointed: SQLite's own view decides where it can be read.
  let applicationId = header.readUInt32BE(68);
  let objects = 1;
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
      objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    // Damaged past reading: the header's mark decides.
  }
  if (applicationId === APPLICATION_ID) return;
  if (objects > 0) throw new StoreOpenError('foreign', `${file} is a SQLite database of another application, not a Service Atlas database; it was left untouched.`);
}

function assertServiceAtlasDatabase(db: Db, file: string): void {
  let applicationId: number;
  let userVersion: number;
  let objectCount: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    userVersion = db.pragma('user_version', { simple: true }) as number;
    objectCount = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
  } catch (error) {
    throw unreadable(file, error);
  }
  const isEmpty = applicationId === 0 && userVersion === 0 && objectCount === 0;
  if (isEmpty) return;

  if (applicationId !== APPLICATION_ID) {
    throw new StoreOpenError('foreign', `${file} is a SQLite database of another application, not a Service Atlas database; it was left untouched.`);
  }
  if (userVersion > LATEST_SCHEMA_VERSION) {
    throw new StoreOpenError(
      'too_new',
      `${file} was written by a newer Service Atlas (schema ${userVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update the app; the file was left untouched.`,
    );
  }
}

/** Where the copy taken before a schema upgrade goes: beside the database, named by version and time. */
export function preMigrationBackupFile(file: string, fromVersion: number, now: Date): string {
  return `${file}.schema${fromVersion}-${fileStamp(now)}.bak`;
}

/** 20261125-133000: sorts by time, and is safe in file names everywhere. */
export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the current version, or up to `target` (tests step through them one by one). The
 * version is read again under the write lock: two processes opening an old file at once upgrade it once.
 */
export function migrate(db: Db, target = LATEST_SCHEMA_VERSION): void {
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db) || migration.version > target) continue;
    writeTransaction(db, () => {
      if (migration.version <= schemaVersion(db)) return;
      migration.up(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
}
