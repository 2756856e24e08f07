// What can go wrong with the storage under a working database, in words the user can act on. SQLite's own text names
// neither the cause nor what to do about it, and carries no hint of whether trying again helps.
import path from 'node:path';

/**
 * busy: another connection kept the write lock past the wait (trying again later helps); disk_full, read_only,
 * io_error: the storage refuses the write; replaced: the open file is no longer the one at its path; damaged: a read
 * hit a damaged page. In every case nothing of the failed write was kept.
 */
export type StoreFailureKind = 'busy' | 'disk_full' | 'read_only' | 'io_error' | 'replaced' | 'damaged';

export class StoreFailure extends Error {
  override name = 'StoreFailure';
  constructor(
    readonly kind: StoreFailureKind,
    message: string,
  ) {
    super(message);
  }
}

const NOTHING_CHANGED = 'Nothing was changed';

const MESSAGES: Record<Exclude<StoreFailureKind, 'replaced' | 'damaged'>, string> = {
  busy: `The database is busy with another write (an import, a restore, or another copy of Service Atlas on the same file). ${NOTHING_CHANGED}; try again in a moment.`,
  disk_full: `The disk holding the database is full. ${NOTHING_CHANGED}; free some space and try again.`,
  read_only: `The database cannot be written: its file or folder is read-only. ${NOTHING_CHANGED}; move the database to a folder you can write to, or make it writable.`,
  io_error: `The disk reported an error while the database was being written or read. ${NOTHING_CHANGED}; check the disk and try again.`,
};

/** SQLite reports damage only when a damaged page is read; its own words say where, so they stay. */
const damagedMessage = (detail: string) =>
  `The database file is damaged (${detail}). ${NOTHING_CHANGED}; restore it from a backup (service-atlas restore --db FILE --from BACKUP).`;

/** The kind of storage failure a SQLite error code names, if it names one (codes as better-sqlite3 reports them). */
export function storeFailureKind(code: unknown): Exclude<StoreFailureKind, 'replaced'> | null {
  if (typeof code !== 'string') return null;
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'busy';
  if (code === 'SQLITE_FULL') return 'disk_full';
  if (/^SQLITE_(READONLY|PERM|CANTOPEN)/.test(code)) return 'read_only';
  if (/^SQLITE_IOERR/.test(code)) return 'io_error';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return 'damaged';
  return null;
}

/** The error as a StoreFailure when it is one or a SQLite error that names a storage failure; null otherwise. */
export function asStoreFailure(error: unknown): StoreFailure | null {
  if (error instanceof StoreFailure) return error;
  const kind = storeFailureKind((error as { code?: unknown } | null)?.code);
  if (!kind) return null;
  return new StoreFailure(kind, kind === 'damaged' ? damagedMessage((error as Error).message) : MESSAGES[kind]);
}

export function databaseReplaced(file: string): StoreFailure {
  return new StoreFailure(
    'replaced',
    `The database file ${path.basename(file)} was deleted or replaced while Service Atlas was running, so this change was not saved. Restart Service Atlas to work on the file now at that path.`,
  );
}
