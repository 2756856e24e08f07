import { useState } from 'react';
import { useApiQuery } from '../api/useApi';
import { DataView } from '../features/data/DataView';
import { DispatchView } from '../features/dispatch/DispatchView';
import { NetworkView } from '../features/network/NetworkView';
import { ProfitView } from '../features/profit/ProfitView';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';

const ROLES = ['dispatch', 'network', 'profit', 'data'] as const;
type Role = (typeof ROLES)[number];
const ROLE_LABEL: Record<Role, MessageKey> = { dispatch: 'nav.dispatch', network: 'nav.network', profit: 'nav.profit', data: 'nav.data' };

export function App({ transport }: { transport: 'ipc' | 'http' }) {
  const { t, locale, setLocale } = useI18n();
  const [role, setRole] = useState<Role>('dispatch');
  const info = useApiQuery('app.info', {});
  return (
    <div className="app">
      <header className="top-bar">
        <div className="brand">
          <span className="brand-mark">◎</span>
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        <nav className="role-nav" aria-label="roles">
          {ROLES.map((r) => (
            <button key={r} type="button" className={r === role ? 'active' : ''} aria-current={r === role ? 'page' : undefined} onClick={() => setRole(r)} data-testid={`nav-${r}`}>
              {t(ROLE_LABEL[r])}
            </button>
          ))}
        </nav>
        <button type="button" className="lang-switch" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="lang-switch">
          {t('lang.switch')}
        </button>
      </header>
      <main className="content">
        {role === 'dispatch' && <DispatchView />}
        {role === 'network' && <NetworkView />}
        {role === 'profit' && <ProfitView />}
        {role === 'data' && <DataView />}
      </main>
      <footer className="status-bar" data-testid="status-bar">
        <span>{t(transport === 'ipc' ? 'status.transport.ipc' : 'status.transport.http')}</span>
        {info.state === 'ready' && (
          <>
            <span>
              {t('status.database')}: {info.value.databaseFile} (schema {info.value.schemaVersion})
            </span>
            {info.value.demoGeneratedOn && (
              <span>
                {t('status.demoDay')}: {info.value.demoGeneratedOn}
              </span>
            )}
            <span>v{info.value.version}</span>
          </>
        )}
        {info.state === 'error' && <span className="error">{info.message}</span>}
      </footer>
    </div>
  );
}
