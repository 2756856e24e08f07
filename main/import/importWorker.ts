// One import (or its preview) in its own thread; cancelling rolls back whatever it had written.
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportJobResult } from '../../shared/api/index';
import { jobWorkerContext } from '../jobs/workerJobs';
import { ImportCancelledError, importFile } from './importFile';
import type { ImportTask } from './importJobs';

if (!parentPort) throw new Error('importWorker must run in a worker thread');
const { task, shouldStop, post, run } = jobWorkerContext<ImportTask, ImportJobResult>(parentPort, workerData);

/** Reading and checking take about the first half of the time, writing the rest. */
const PHASE_START = { read: 0, check: 0.1, write: 0.5 } as const;

void run(
  (db) =>
    importFile(
      db,
      { kind: task.kind, fileName: task.fileName, bytes: task.bytes, mapping: task.mapping, commit: task.commit, actor: 'app' },
      {
        shouldStop,
        onProgress: (phase, done, total) => post({ type: 'progress', fraction: PHASE_START[phase] + (phase === 'write' ? 0.5 * (done / Math.max(total, 1)) : 0) }),
      },
    ),
  (error) => error instanceof ImportCancelledError,
);
