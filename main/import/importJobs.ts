// Imports run as jobs in their own worker thread (see main/jobs/workerJobs.ts): a 100,000-row file takes seconds, and
// the core keeps answering the UI meanwhile. The worker writes through its own connection (WAL lets both work).
import path from 'node:path';
import type { ImportJobResult } from '../../shared/api/index';
import type { ImportKind } from '../../shared/imports';
import { WorkerJobs, type WorkerJobsOptions } from '../jobs/workerJobs';
import type { ColumnMapping } from './validate';

export interface ImportTask {
  databaseFile: string;
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  mapping?: ColumnMapping | undefined;
  commit: boolean;
}

// A whole workbook is read into memory (up to MAX_IMPORT_FILE_BYTES of file): the heap limit leaves room for that.
export class ImportJobs extends WorkerJobs<ImportTask, ImportJobResult> {
  constructor(workerFile = path.join(__dirname, 'importWorker.js'), options: WorkerJobsOptions = {}) {
    super(workerFile, { maxHeapMb: 2048, ...options });
  }
}
