// The channels about the database itself: what it holds, any table as a spreadsheet, backups and restoring one.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../shared/api/index';
import { jobHandlers, type DomainHandlers, type HandlerContext } from '../api/context';
import { FieldError, InvalidArgumentError, notFound } from '../api/errors';
import { appVersion } from '../paths';
import { backupDatabase, defaultBackupFile, restoreDatabase } from './backup';
import { migrate, schemaVersion, StoreOpenError } from './db';
import { getMeta } from './meta';
import { tableCounts } from './overview';
import { listTables } from './tables';
import { countOpenTickets } from './tickets';

export function appHandlers({ db, databaseFile }: HandlerContext): DomainHandlers<'app'> {
  return {
    'app.info': () => ({
      version: appVersion,
      databaseFile: path.basename(databaseFile),
      schemaVersion: schemaVersion(db),
      demoGeneratedOn: getMeta(db, 'demo_generated_on'),
      counts: { ...tableCounts(db), openTickets: countOpenTickets(db) },
    }),
  };
}

export function dataHandlers({ db, databaseFile, now, planJobs, networkJobs, importJobs, exportJobs }: HandlerContext): DomainHandlers<'data'> {
  const backupsDir = path.dirname(defaultBackupFile(databaseFile, now()));
  const backupEntry = (file: string): BackupEntry => {
    const stat = fs.statSync(file);
    return { fileName: path.basename(file), bytes: stat.size, createdAt: stat.mtime.toISOString() };
  };
  const exports = jobHandlers(exportJobs, 'export');

  return {
    'data.tables': () => listTables(db),
    'export.start': ({ table, format }) => {
      if (!listTables(db).includes(table)) notFound(`No table named ${table}`);
      return exportJobs.startExport({ databaseFile, table, format });
    },
    'export.status': exports.status,
    'export.cancel': exports.cancel,
    'export.chunk': ({ jobId, offset }) => {
      const status = exportJobs.status(jobId) ?? notFound(`No export ${jobId}`);
      if (status.state !== 'done' || !status.result) throw new FieldError(`Export ${jobId} is ${status.state}, it has no file to fetch.`, 'jobId');
      if (offset > status.result.bytes) throw new FieldError(`The file has ${status.result.bytes} bytes; offset ${offset} is past its end.`, 'offset');
      return exportJobs.chunk(jobId, offset)!;
    },
    'data.backups': () => {
      if (!fs.existsSync(backupsDir)) return [];
      return fs
        .readdirSync(backupsDir)
        .filter((name) => name.endsWith('.sqlite'))
        .map((name) => backupEntry(path.join(backupsDir, name)))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    'data.backup': async () => backupEntry((await backupDatabase(db, defaultBackupFile(databaseFile, now()), { unique: true })).file),
    'data.restore': async ({ fileName }) => {
      const file = path.join(backupsDir, fileName);
      if (!fs.existsSync(file)) notFound(`No backup named ${fileName}`);
      if ([planJobs, networkJobs, importJobs, exportJobs].some((jobs) => jobs.hasActive())) {
        throw new InvalidArgumentError('Wait for running plans, optimisations, imports and exports to finish (or cancel them) before restoring.');
      }
      // A store error names no argument of its own (it is raised for the app's database and new backups too): here
      // the file it refuses is the one `fileName` chose.
      await restoreDatabase(databaseFile, file).catch((error: unknown) => {
        throw error instanceof StoreOpenError ? new FieldError(error.message, 'fileName') : error;
      });
      // An older backup comes back at its own schema: bring it up to this version's.
      migrate(db);
      return backupEntry(file);
    },
  };
}
