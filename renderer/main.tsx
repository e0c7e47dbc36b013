import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from './api/client.ts';
import { detectTransport } from './api/transport.ts';
import { App } from './app/App.tsx';
import { AppProvider } from './app/context.tsx';
import { I18nProvider } from './app/i18n.tsx';
import './styles.css';

const api = new ApiClient(detectTransport());
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AppProvider api={api}>
        <App />
      </AppProvider>
    </I18nProvider>
  </StrictMode>,
);
