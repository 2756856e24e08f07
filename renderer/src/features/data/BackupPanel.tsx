import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../../shared/api/index';
import { useAtlasApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18n';

/** Backups taken while the app runs, and restoring one of them. */
export function BackupPanel() {
  const { t, locale } = useI18n();
  const api = useAtlasApi();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  useEffect(() => {
    let current = true;
    api.call('data.backups', {}).then(
      (list) => current && setBackups(list),
      (e: unknown) => current && setMessage({ text: (e as Error).message, error: true }),
    );
    return () => {
      current = false;
    };
  }, [api, refresh]);

  const act = (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    work()
      .catch((e: unknown) => setMessage({ text: (e as Error).message, error: true }))
      .finally(() => setBusy(false));
  };
  const backUp = () =>
    act(async () => {
      const entry = await api.call('data.backup', {});
      setMessage({ text: `${t('data.backupDone')}${entry.fileName}`, error: false });
      setRefresh((n) => n + 1);
    });
  const restore = (fileName: string) => {
    if (!window.confirm(t('data.restoreConfirm'))) return;
    act(async () => {
      await api.call('data.restore', { fileName });
      setMessage({ text: t('data.restored'), error: false });
      // Every view holds data read before the restore: start afresh.
      setTimeout(() => window.location.reload(), 800);
    });
  };
  const size = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false });

  return (
    <section className="data-panel" data-testid="backup-panel">
      <h2>{t('data.backupTitle')}</h2>
      <p className="intro">{t('data.backupIntro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={backUp} data-testid="backup-now">
          {t('data.backupNow')}
        </button>
        {message && (
          <span className={message.error ? 'error' : 'success'} data-testid="backup-message">
            {message.text}
          </span>
        )}
      </div>
      {backups?.length === 0 && <p className="muted">{t('data.noBackups')}</p>}
      {backups && backups.length > 0 && (
        <table className="data-table compact" data-testid="backup-list">
          <thead>
            <tr>
              <th>{t('data.backupFile')}</th>
              <th>{t('data.createdAt')}</th>
              <th className="num">{t('data.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.fileName}>
                <td>{b.fileName}</td>
                <td>{when(b.createdAt)}</td>
                <td className="num">{size(b.bytes)}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => restore(b.fileName)}>
                    {t('data.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
