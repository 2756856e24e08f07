import type { Db } from './db';

export type MetaKey = 'demo_generated_on' | 'demo_seed';

export function getMeta(db: Db, key: MetaKey): string | null {
  const row = db.prepare('SELECT value FROM app_meta WHERE key = ?').pluck().get(key) as string | undefined;
  return row ?? null;
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The day "the last 12 months" end on: the demo's own day for a demo database (its history is relative to it), else today. */
export function reportingDay(db: Db, today: string): string {
  return getMeta(db, 'demo_generated_on') ?? today;
}
