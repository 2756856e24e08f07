// Exports run as jobs in their own worker thread (see main/jobs/workerJobs.ts): the worker streams the table into a
// file of the core's own temp folder, and the renderer fetches it in bounded chunks (exportChunk), so that neither a
// whole workbook nor its base64 ever sits in one message.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportChunk, ExportJobResult } from '../../shared/api/index';
import type { JobStatus } from '../../shared/jobs';
import { WorkerJobs, type WorkerJobsOptions } from '../jobs/workerJobs';
import { MIME } from './exportedFile';
import type { ExportFormat } from './tables';

export interface ExportTask {
  databaseFile: string;
  table: string;
  format: ExportFormat;
  /** Where the worker writes the file (the core's temp folder, named by the job). */
  file: string;
}

/** Bytes a chunk carries at most: about 5.6 MB of base64, well within what both transports carry at once. */
export const EXPORT_CHUNK_BYTES = 4 * 1024 * 1024;

export class ExportJobs extends WorkerJobs<ExportTask, ExportJobResult> {
  private readonly files = new Map<string, string>();
  private folder: string | null = null;

  // Streaming keeps the worker small whatever the table's size: a tight heap limit catches a regression.
  constructor(workerFile = path.join(__dirname, 'exportWorker.js'), options: WorkerJobsOptions = {}) {
    super(workerFile, { maxHeapMb: 256, ...options });
  }

  startExport(task: Omit<ExportTask, 'file'>): JobStatus<ExportJobResult> {
    this.folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'service-atlas-exports-'));
    const file = path.join(this.folder, `${crypto.randomUUID()}.${task.format}`);
    const status = this.start({ ...task, file });
    this.files.set(status.jobId, file);
    return status;
  }

  /** `null`: no such job, or it has no file (yet). */
  chunk(jobId: string, offset: number): ExportChunk | null {
    const status = this.status(jobId);
    const file = this.files.get(jobId);
    if (status?.state !== 'done' || !status.result || !file) return null;
    const { fileName, mimeType, bytes } = status.result;
    const length = Math.max(0, Math.min(EXPORT_CHUNK_BYTES, bytes - offset));
    const buffer = Buffer.alloc(length);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buffer, 0, length, offset);
    } finally {
      fs.closeSync(fd);
    }
    return { fileName, mimeType, totalBytes: bytes, offset, base64: buffer.toString('base64') };
  }

  override async close(): Promise<void> {
    await super.close();
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
  }

  protected override forgotten(status: JobStatus<ExportJobResult>): void {
    const file = this.files.get(status.jobId);
    if (file) fs.rmSync(file, { force: true });
    this.files.delete(status.jobId);
  }
}

export const exportFileName = (table: string, format: ExportFormat) => `service-atlas-${table}.${format}`;
