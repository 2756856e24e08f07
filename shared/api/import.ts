// Spreadsheet imports: templates to fill in, and import jobs that check (and on request write) a file.
import { z } from 'zod';
import { IMPORT_KINDS, type ImportReport, MAX_IMPORT_FILE_BYTES } from '../imports';
import type { JobStatus } from '../jobs';
import { channel } from './channel';
import { searchText } from '../textRules';
import { fileFormat, jobId, language, type ExportedFile } from './common';

export interface ImportJobResult {
  report: ImportReport;
  rejectsCsv: string | null;
}
export type ImportJobStatus = JobStatus<ImportJobResult>;

/** A file name as the user's system gave it: shown back in messages, never used as a path by the core. */
const fileName = searchText(z.string().min(1).max(255));
const base64 = z.string().max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, `files are limited to ${MAX_IMPORT_FILE_BYTES / 1048576} MB`).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const importChannels = {
  'import.start': channel(
    z
      .object({
        kind: z.enum(IMPORT_KINDS),
        fileName,
        base64,
        /** Field key → the file's header to read it from (null: leave the field empty). */
        mapping: z.record(z.string().max(64), z.string().max(200).nullable()).optional(),
        /** false: check and preview only. */
        commit: z.boolean(),
      })
      .strict(),
  ).returns<ImportJobStatus>(),
  'import.status': channel(jobId).returns<ImportJobStatus>(),
  'import.cancel': channel(jobId).returns<ImportJobStatus>(),
  'import.template': channel(z.object({ kind: z.enum(IMPORT_KINDS), format: fileFormat, language }).strict()).returns<ExportedFile>(),
};
