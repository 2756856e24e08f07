// One table export in its own thread: rows streamed from the worker's own connection into the job's file.
import { parentPort, workerData } from 'node:worker_threads';
import type { ExportJobResult } from '../../shared/api/index';
import { jobWorkerContext } from '../jobs/workerJobs';
import { MIME } from './exportedFile';
import { exportFileName, type ExportTask } from './exportJobs';
import { ExportCancelledError, writeTable } from './tables';

if (!parentPort) throw new Error('exportWorker must run in a worker thread');
const { task, shouldStop, post, run } = jobWorkerContext<ExportTask, ExportJobResult>(parentPort, workerData);

void run(
  async (db) => {
    const written = await writeTable(db, task.table, task.format, task.file, { shouldStop, onProgress: (done, total) => post({ type: 'progress', fraction: done / Math.max(total, 1) }) });
    return { fileName: exportFileName(task.table, task.format), mimeType: MIME[task.format], bytes: written.bytes, rows: written.rows };
  },
  (error) => error instanceof ExportCancelledError,
);
