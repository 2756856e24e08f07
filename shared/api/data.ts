// The data itself: any table as a spreadsheet, backups of the database and restoring one of them.
import { z } from 'zod';
import type { JobStatus } from '../jobs';
import { channel } from './channel';
import { fileFormat, jobId, none } from './common';

/** A finished export: its file waits on the core, to be fetched with `export.chunk`. */
export interface ExportJobResult {
  fileName: string;
  mimeType: string;
  bytes: number;
  rows: number;
}
export type ExportJobStatus = JobStatus<ExportJobResult>;

/** Part of an export's file: `base64` holds the bytes from `offset` on (at most a few MB); done at `totalBytes`. */
export interface ExportChunk {
  fileName: string;
  mimeType: string;
  totalBytes: number;
  offset: number;
  base64: string;
}

export interface BackupEntry {
  fileName: string;
  bytes: number;
  /** ISO time the backup was written. */
  createdAt: string;
}

export const dataChannels = {
  'data.tables': channel(none).returns<string[]>(),
  /** Any table as CSV or XLSX, written by a job: the file is streamed on the core's side and fetched in chunks. */
  'export.start': channel(z.object({ table: z.string().regex(/^[a-z_0-9]{1,64}$/, 'must be a table name'), format: fileFormat }).strict()).returns<ExportJobStatus>(),
  'export.status': channel(jobId).returns<ExportJobStatus>(),
  'export.cancel': channel(jobId).returns<ExportJobStatus>(),
  'export.chunk': channel(z.object({ jobId: jobId.shape.jobId, offset: z.number().int().min(0) }).strict()).returns<ExportChunk>(),
  'data.backups': channel(none).returns<BackupEntry[]>(),
  'data.backup': channel(none).returns<BackupEntry>(),
  /** A backup by its file name in the database's backups folder: the renderer never names arbitrary paths. */
  'data.restore': channel(z.object({ fileName: z.string().regex(/^[\w.-]{1,200}\.sqlite$/, 'must be a backup file name') }).strict()).returns<BackupEntry>(),
};
