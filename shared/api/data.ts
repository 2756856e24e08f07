// The data itself: any table as a spreadsheet, backups of the database and restoring one of them.
import { z } from 'zod';
import { channel } from './channel';
import { fileFormat, none, type ExportedFile } from './common';

export interface BackupEntry {
  fileName: string;
  bytes: number;
  /** ISO time the backup was written. */
  createdAt: string;
}

export const dataChannels = {
  'data.tables': channel(none).returns<string[]>(),
  'data.export': channel(z.object({ table: z.string().regex(/^[a-z_0-9]{1,64}$/, 'must be a table name'), format: fileFormat }).strict()).returns<ExportedFile>(),
  'data.backups': channel(none).returns<BackupEntry[]>(),
  'data.backup': channel(none).returns<BackupEntry>(),
  /** A backup by its file name in the database's backups folder: the renderer never names arbitrary paths. */
  'data.restore': channel(z.object({ fileName: z.string().regex(/^[\w.-]{1,200}\.sqlite$/, 'must be a backup file name') }).strict()).returns<BackupEntry>(),
};
