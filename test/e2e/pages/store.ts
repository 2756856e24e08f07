// Reads what the app stored, straight from its database file (read-only), to check a screen's writes.
import BetterSqlite3 from 'better-sqlite3';
import type { BrowserModeApp } from '../browserMode';

export function readStore<T>(app: BrowserModeApp, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(app.databaseFile, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
