// Opening a Service Atlas database: refuse anything that is not ours (or is newer than this build) before writing a
// single byte, then switch on WAL and foreign keys and bring the schema up to date.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index';

export type Db = Database;

/** 'SAtl' in ASCII: marks a SQLite file as a Service Atlas database (PRAGMA application_id). */
export const APPLICATION_ID = 0x5341746c;

export type StoreOpenErrorCode = 'missing' | 'not_sqlite' | 'foreign' | 'too_new' | 'corrupt' | 'cannot_open';

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

function connect(file: string, options: OpenOptions): Db {
  // In `npm start` the Electron shell runs with its own ABI: the launcher points us at a binding built for it, so the
  // Node build that the tests use is never replaced (both commands work, in either order).
  const nativeBinding = process.env.SERVICE_ATLAS_SQLITE_BINDING || undefined;
  try {
    return new BetterSqlite3(file, { fileMustExist: options.mustExist ?? false, nativeBinding });
  } catch (error) {
    const message = (error as Error).message;
    if (/does not exist|unable to open/i.test(message) && options.mustExist) {
      throw new StoreOpenError('missing', `Database file not found: ${file}`);
    }
    throw new StoreOpenError('cannot_open', `Cannot open database ${file}: ${message}`);
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = connect(file, options);
  try {
    assertServiceAtlasDatabase(db, file);
    db.pragma('foreign_keys = ON');
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    // Statements that fire triggers (the P&L roll-up's) keep a statement journal; in memory rather than in a temp
    // file, which halves the time to import 100,000 tickets.
    db.pragma('temp_store = MEMORY');
    const version = schemaVersion(db);
    if (version > 0 && version < LATEST_SCHEMA_VERSION && file !== ':memory:') {
      // An upgrade cannot be undone by rolling back once it has committed: keep the user's data as it was first.
      db.prepare('VACUUM INTO ?').run(preMigrationBackupFile(file, version, new Date()));
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
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
    throw new StoreOpenError('not_sqlite', `${file} is not a Service Atlas database: it is not a SQLite file (${(error as Error).message}).`);
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

/** SQLite reports damage only when a damaged page is read; this turns its terse error into what to do about it. */
export function damagedDatabaseMessage(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') return null;
  return `The database file is damaged (${(error as Error).message}). Nothing was changed; restore it from a backup (service-atlas restore --db FILE --from BACKUP).`;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the current version, or up to `target` (tests step through them one by one). */
export function migrate(db: Db, target = LATEST_SCHEMA_VERSION): void {
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db) || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
