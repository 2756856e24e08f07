// Any table of the store, read out whole for export. Table names come from the schema itself, never from user text
// spliced into SQL: a name that is not one of ours is refused.
import type { Db } from './db';

export interface TableDump {
  name: string;
  columns: string[];
  rows: IterableIterator<unknown[]>;
}

export function listTables(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

export class UnknownTableError extends Error {
  override name = 'UnknownTableError';
}

export function dumpTable(db: Db, table: string): TableDump {
  if (!listTables(db).includes(table)) throw new UnknownTableError(`No table named ${JSON.stringify(table)}; tables: ${listTables(db).join(', ')}`);
  const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
  const rows = db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>;
  return { name: table, columns, rows };
}
