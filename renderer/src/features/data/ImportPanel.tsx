import { useState } from 'react';
import { IMPORT_KINDS, importProblemMessage, type ImportKind, type ImportReport } from '../../../../shared/imports';
import { useAtlasApi } from '../../api/useApi';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../app/JobProgress';
import { readFileAsBase64, saveFile, saveText } from '../../app/saveFile';
import { useI18n } from '../../i18n/I18n';

interface ChosenFile {
  name: string;
  base64: string;
}

/** A file checked and previewed first (problems, column mapping, first rows), then written in one go. */
export function ImportPanel() {
  const { t, locale } = useI18n();
  const api = useAtlasApi();
  const job = useJob('import');
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);

  const status = job.status;
  const running = job.active;
  const outcome = status?.state === 'done' ? status.result : null;
  const report = outcome?.report ?? null;

  const check = (chosen: ChosenFile, mapping?: ImportReport['mapping']) => {
    setCommitting(false);
    job.start({ kind, fileName: chosen.name, base64: chosen.base64, commit: false, ...(mapping ? { mapping } : {}) });
  };
  const commit = (chosen: ChosenFile, mapping: ImportReport['mapping']) => {
    setCommitting(true);
    job.start({ kind, fileName: chosen.name, base64: chosen.base64, mapping, commit: true });
  };

  const onFile = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    input.value = ''; // choosing the same file again (after fixing it) must fire again
    if (!picked) return;
    setReadError(null);
    try {
      const chosen = { name: picked.name, base64: await readFileAsBase64(picked) };
      setFile(chosen);
      check(chosen);
    } catch (error) {
      setReadError((error as Error).message);
    }
  };

  const changeKind = (next: ImportKind) => {
    setKind(next);
    setFile(null);
    job.reset();
  };

  const template = async (format: 'csv' | 'xlsx') => saveFile(await api.call('import.template', { kind, format, language: locale }));

  const remap = (fieldKey: string, header: string | null) => {
    if (!file || !report) return;
    check(file, { ...report.mapping, [fieldKey]: header });
  };

  const fieldLabel = (f: ImportReport['fields'][number]) => (locale === 'zh-CN' ? f.headerZh : f.header);

  return (
    <section className="data-panel import-panel" data-testid="import-panel">
      <h2>{t('data.importTitle')}</h2>
      <p className="intro">{t('data.intro')}</p>
      <div className="toolbar">
        <label>
          {t('data.kind')}{' '}
          <select value={kind} onChange={(e) => changeKind(e.target.value as ImportKind)} disabled={running} data-testid="import-kind">
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`data.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('data.template')}:</span>
        <button type="button" onClick={() => void template('csv')} data-testid="template-csv">
          CSV
        </button>
        <button type="button" onClick={() => void template('xlsx')} data-testid="template-xlsx">
          XLSX
        </button>
        <label className={`file-button${running ? ' disabled' : ''}`}>
          {t('data.chooseFile')}
          <input type="file" accept=".csv,.txt,.xlsx,text/csv" disabled={running} onChange={(e) => void onFile(e.currentTarget)} data-testid="import-file" />
        </label>
        {running && (
          <>
            <JobProgress status={status} testId="import-progress" />
            <span className="muted">{t(committing ? 'data.writing' : 'data.checking')}</span>
            <button type="button" onClick={job.cancel}>
              {t('data.cancel')}
            </button>
          </>
        )}
        {status?.state === 'cancelled' && <span className="muted">{t('data.cancelled')}</span>}
        {(readError ?? job.error ?? status?.error) && <span className="error">{readError ?? job.error ?? status?.error}</span>}
      </div>

      {report && file && (
        <div data-testid="import-report">
          <p className="facts-line">
            {t('data.file')}: <strong>{report.fileName}</strong> · {t('data.encoding')}: {report.encoding || '—'} · {t('data.rows')}: {report.rows} ·{' '}
            {t('data.newRows')} {report.inserted} · {t('data.updatedRows')} {report.updated}
          </p>
          {report.committed ? (
            <p className="success" data-testid="import-done">
              ✓ {t('data.done')}: {t('data.newRows')} {report.inserted}, {t('data.updatedRows')} {report.updated}
            </p>
          ) : report.problemCount > 0 ? (
            <p className="error" data-testid="import-problem-count">
              {report.problemCount} {t('data.problemCount')}
            </p>
          ) : (
            <p className="success">
              {t('data.ready')}{' '}
              <button type="button" className="primary" onClick={() => commit(file, report.mapping)} data-testid="import-commit">
                {t('data.commit')} ({report.rows})
              </button>
            </p>
          )}

          {report.problemCount > 0 && (
            <>
              <h3>
                {t('data.problems')} {report.problemCount > report.problems.length && <span className="muted small">{t('data.problemsShown')}</span>}
              </h3>
              {outcome?.rejectsCsv && (
                <button type="button" onClick={() => saveText(report.fileName.replace(/\.[^.]*$/, '') + '-rejects.csv', 'text/csv;charset=utf-8', outcome.rejectsCsv!)} data-testid="import-rejects">
                  {t('data.rejects')}
                </button>
              )}
              <table className="data-table compact problems-table" data-testid="import-problems">
                <thead>
                  <tr>
                    <th>{t('data.row')}</th>
                    <th>{t('data.column')}</th>
                    <th>{t('data.value')}</th>
                    <th>{t('data.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p, i) => (
                    <tr key={i}>
                      <td className="num">{p.row || '—'}</td>
                      <td>{p.column || p.field}</td>
                      <td className="cell-value">{p.value}</td>
                      <td>{importProblemMessage(p, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          {report.headers.length > 0 && !report.committed && (
            <>
              <h3>{t('data.mapping')}</h3>
              <table className="data-table compact mapping-table" data-testid="import-mapping">
                <thead>
                  <tr>
                    <th>{t('data.field')}</th>
                    <th>{t('data.column')}</th>
                    <th>{t('data.format')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.fields.map((f) => (
                    <tr key={f.key}>
                      <td>
                        {fieldLabel(f)}
                        {f.required && <span className="required"> *</span>}
                      </td>
                      <td>
                        <select value={report.mapping[f.key] ?? ''} disabled={running} onChange={(e) => remap(f.key, e.target.value || null)} data-testid={`map-${f.key}`}>
                          <option value="">{t('data.notImported')}</option>
                          {report.headers.map((h) => (
                            <option key={h} value={h}>
                              {h}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="muted">{locale === 'zh-CN' ? f.formatZh : f.format}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          {report.sample.length > 0 && !report.committed && (
            <>
              <h3>{t('data.sample')}</h3>
              <div className="sample-scroll">
                <table className="data-table compact" data-testid="import-sample">
                  <thead>
                    <tr>
                      {report.headers.map((h) => (
                        <th key={h}>{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {report.sample.map((row, i) => (
                      <tr key={i}>
                        {report.headers.map((h, j) => (
                          <td key={h}>{row[j] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
