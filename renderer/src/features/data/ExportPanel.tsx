import { useState } from 'react';
import { useApiQuery, useAtlasApi } from '../../api/useApi';
import { saveFile } from '../../app/saveFile';
import { useI18n } from '../../i18n/I18n';

/** Any table of the database as CSV or XLSX. */
export function ExportPanel() {
  const { t } = useI18n();
  const api = useAtlasApi();
  const tables = useApiQuery('data.tables', {});
  const [table, setTable] = useState('tickets');
  const [error, setError] = useState<string | null>(null);
  const exportAs = (format: 'csv' | 'xlsx') => {
    setError(null);
    api.call('data.export', { table, format }).then(saveFile, (e: unknown) => setError((e as Error).message));
  };
  return (
    <section className="data-panel" data-testid="export-panel">
      <h2>{t('data.exportTitle')}</h2>
      <div className="toolbar">
        <label>
          {t('data.table')}{' '}
          <select value={table} onChange={(e) => setTable(e.target.value)} data-testid="export-table">
            {tables.state === 'ready' &&
              tables.value.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
          </select>
        </label>
        <button type="button" onClick={() => exportAs('csv')} data-testid="table-export-csv">
          CSV
        </button>
        <button type="button" onClick={() => exportAs('xlsx')} data-testid="table-export-xlsx">
          XLSX
        </button>
        {error && <span className="error">{error}</span>}
      </div>
    </section>
  );
}
