import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { ApiContext } from './api/useApi';
import { App } from './app/App';
import { I18nProvider } from './i18n/I18n';
import './styles.css';

const api = createApi();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <I18nProvider>
        <App transport={api.transport} />
      </I18nProvider>
    </ApiContext.Provider>
  </StrictMode>,
);
