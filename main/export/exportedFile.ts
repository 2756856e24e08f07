// A spreadsheet as the API hands it to the user to save.
import type { ExportedFile } from '../../shared/api/index';
import type { ExportFormat } from './tables';

export const MIME = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export const exportedFile = (fileName: string, format: ExportFormat, bytes: Buffer | string): ExportedFile => ({
  fileName,
  mimeType: MIME[format],
  base64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64'),
});
