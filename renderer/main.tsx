import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from './api/client.ts';
import { detectTransport } from './api/transport.ts';
import { App } from './app/App.tsx';
import { AppProvider, reportError } from './app/context.tsx';
import { connectDesktopShell } from './app/desktop-shell.ts';
import { loadCatalogue } from './app/catalogues.ts';
import { I18nProvider, translate } from './app/i18n.tsx';
import { language } from './app/language.ts';
import { guardUnload } from './app/unsaved-edits.ts';
import './styles.css';

const api = new ApiClient(detectTransport());
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

function render(element: HTMLElement): void {
  createRoot(element).render(
    <StrictMode>
      <I18nProvider>
        <AppProvider api={api}>
          <App />
        </AppProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

// A reader who chose Chinese sees Chinese from the first frame: its chunk arrives before the first
// render. A chunk that cannot be fetched leaves the page in English (translate() reads English
// for a language not loaded), and says so.
const started = loadCatalogue(language.get()).then(
  () => render(root),
  (error: unknown) => {
    render(root);
    reportError(translate('app.languageNotLoaded'), error);
  },
);
// The desktop menu's New / Open run here, and it learns the chosen language (nothing in the browser);
// a command given while the page loads is carried out once it has started, in its language.
connectDesktopShell(api, started);
// A reload or a closed window asks first while an editor holds edits not saved.
guardUnload(window);
