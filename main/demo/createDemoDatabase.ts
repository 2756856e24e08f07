import fs from 'node:fs';
import { chinaDate } from '../../shared/time';
import { openDatabase } from '../store/db';
import { generateDemo, type DemoSummary } from './generator';

export interface CreateDemoOptions {
  force?: boolean;
  seed?: number;
  today?: string;
}

/** Creates a demo database file: refuses to replace an existing file unless forced, and never leaves a half-written one. */
export function createDemoDatabase(file: string, options: CreateDemoOptions = {}): DemoSummary {
  if (fs.existsSync(file) && !options.force) {
    throw new Error(`${file} already exists; pass --force to replace it.`);
  }
  // Written beside the target and renamed over it at the end, so a failure leaves the old file (or none) in place.
  const partial = `${file}.partial-${process.pid}`;
  removeDatabaseFiles(partial);
  try {
    const db = openDatabase(partial);
    try {
      const summary = generateDemo(db, { seed: options.seed, today: options.today ?? chinaDate(new Date()) });
      db.pragma('wal_checkpoint(TRUNCATE)');
      return summary;
    } finally {
      db.close();
    }
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  } finally {
    if (fs.existsSync(partial)) {
      removeDatabaseFiles(file);
      fs.renameSync(partial, file);
    }
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}
