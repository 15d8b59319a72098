import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { getLocale, loadLocale } from './lib/i18n';
import './app/styles.css';

const locale = getLocale();
document.documentElement.lang = locale;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The reader's language first (a chunk of its own unless English), so no page is drawn in the wrong one. Should it
// fail to arrive, the app starts in English rather than not at all.
void loadLocale(locale)
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
