import { useEffect, useState } from 'react';
import { useApiQuery, useAtlasApi } from '../../api/useApi';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../app/JobProgress';
import { saveExport } from '../../app/saveFile';
import { useI18n } from '../../i18n/I18n';

/** Any table as CSV or XLSX: written by a job on the core (progress, cancel), then fetched and saved. */
export function ExportPanel() {
  const { t } = useI18n();
  const api = useAtlasApi();
  const tables = useApiQuery('data.tables', {});
  const job = useJob('export');
  const [table, setTable] = useState('tickets');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedJob, setSavedJob] = useState<string | null>(null);
  const status = job.status;

  useEffect(() => {
    if (status?.state !== 'done' || savedJob === status.jobId) return;
    setSavedJob(status.jobId);
    saveExport(api, status.jobId).catch((e: unknown) => setSaveError((e as Error).message));
  }, [api, status, savedJob]);

  const exportAs = (format: 'csv' | 'xlsx') => {
    setSaveError(null);
    job.start({ table, format });
  };
  const error = saveError ?? job.error ?? status?.error;
  return (
    <section className="data-panel" data-testid="export-panel">
      <h2>{t('data.exportTitle')}</h2>
      <div className="toolbar">
        <label>
          {t('data.table')}{' '}
          <select value={table} onChange={(e) => setTable(e.target.value)} disabled={job.active} data-testid="export-table">
            {tables.state === 'ready' &&
              tables.value.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
          </select>
        </label>
        <button type="button" disabled={job.active} onClick={() => exportAs('csv')} data-testid="table-export-csv">
          CSV
        </button>
        <button type="button" disabled={job.active} onClick={() => exportAs('xlsx')} data-testid="table-export-xlsx">
          XLSX
        </button>
        {job.active && (
          <>
            <JobProgress status={status} testId="export-progress" />
            <span className="muted">{t('data.exporting')}</span>
            <button type="button" onClick={job.cancel} data-testid="export-cancel">
              {t('data.cancel')}
            </button>
          </>
        )}
        {status?.state === 'cancelled' && <span className="muted">{t('data.exportCancelled')}</span>}
        {error && <span className="error">{error}</span>}
      </div>
    </section>
  );
}
