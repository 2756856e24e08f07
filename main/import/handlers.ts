// The import channels: import jobs (check, preview, write) and the templates to fill in.
import { jobHandlers, type DomainHandlers, type HandlerContext } from '../api/context';
import { exportedFile } from '../export/exportedFile';
import { toCsv, toXlsx } from '../export/spreadsheet';
import { importTemplate } from './importFile';

export function importHandlers({ databaseFile, importJobs }: HandlerContext): DomainHandlers<'import'> {
  const jobs = jobHandlers(importJobs, 'import job');
  return {
    'import.start': ({ kind, fileName, base64, mapping, commit }) =>
      importJobs.start({ databaseFile, kind, fileName, bytes: Buffer.from(base64, 'base64'), mapping, commit }),
    'import.status': jobs.status,
    'import.cancel': jobs.cancel,
    'import.template': async ({ kind, format, language }) => {
      const { headers, example } = importTemplate(kind, language);
      const fileName = `service-atlas-${kind}-template.${format}`;
      return exportedFile(fileName, format, format === 'csv' ? toCsv(headers, [example]) : await toXlsx(kind, headers, [example]));
    },
  };
}
