import type { Db } from './db';

export type MetaKey = 'demo_generated_on' | 'demo_seed';

export function getMeta(db: Db, key: MetaKey): string | null {
  const row = db.prepare('SELECT value FROM app_meta WHERE key = ?').pluck().get(key) as string | undefined;
  return row ?? null;
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
