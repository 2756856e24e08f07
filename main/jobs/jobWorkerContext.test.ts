import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generator';
import { openDatabase } from '../store/db';
import { saveScenario } from '../store/scenarios';
import { makeTempDir } from '../testing/tempDir';
import { jobWorkerContext, type JobWorkerMessage } from './workerJobs';

let temp: ReturnType<typeof makeTempDir>;
let databaseFile: string;
beforeEach(() => {
  temp = makeTempDir();
  databaseFile = path.join(temp.dir, 'atlas.db');
  const db = openDatabase(databaseFile);
  generateDemo(db, { today: '2026-11-25', closedTickets: 50, openTickets: 5 });
  db.close();
});
afterEach(() => temp.cleanup());

describe('a job worker whose work fails on the storage', () => {
  it('reports what happened in words the user can act on, not SQLite\'s text', async () => {
    const messages: Array<JobWorkerMessage<number>> = [];
    const context = jobWorkerContext<{ databaseFile: string }, number>({ postMessage: (m) => messages.push(m as JobWorkerMessage<number>) }, {
      task: { databaseFile },
      cancelFlag: new SharedArrayBuffer(4),
    });
    await context.run((db) => {
      // SQLite reports a file that may not grow as it reports a disk without room (SQLITE_FULL).
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      for (let i = 0; ; i++) saveScenario(db, `scenario ${i}`, { partnerFeeMultiplier: 0.9 }, '2026-11-25 08:00');
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'failed', message: expect.stringMatching(/^The disk holding the database is full/) });
  });
});
