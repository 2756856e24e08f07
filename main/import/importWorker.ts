// One import (or its preview) in its own thread; cancelling rolls back whatever it had written.
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportJobResult } from '../../shared/contract';
import { jobWorkerContext } from '../jobs/workerJobs';
import { openDatabase } from '../store/db';
import { ImportCancelledError, importFile } from './importFile';
import type { ImportTask } from './importJobs';

if (!parentPort) throw new Error('importWorker must run in a worker thread');
const { task, shouldStop, post } = jobWorkerContext<ImportTask, ImportJobResult>(parentPort, workerData);

/** Reading and checking take about the first half of the time, writing the rest. */
const PHASE_START = { read: 0, check: 0.1, write: 0.5 } as const;

void (async () => {
  const db = openDatabase(task.databaseFile, { mustExist: true });
  try {
    const outcome = await importFile(
      db,
      { kind: task.kind, fileName: task.fileName, bytes: task.bytes, mapping: task.mapping, commit: task.commit, actor: 'app' },
      {
        shouldStop,
        onProgress: (phase, done, total) => post({ type: 'progress', fraction: PHASE_START[phase] + (phase === 'write' ? 0.5 * (done / Math.max(total, 1)) : 0) }),
      },
    );
    post({ type: 'done', result: outcome });
  } catch (error) {
    post(error instanceof ImportCancelledError ? { type: 'cancelled' } : { type: 'failed', message: (error as Error).message });
  } finally {
    db.close();
  }
})();
