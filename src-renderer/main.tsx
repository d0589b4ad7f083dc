import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme/tokens.css';
import './theme/base.css';
import './components/buttons.css';
import './components/settings-fields.css';
import './components/dialog.css';
import './components/form-controls.css';
import './components/code-views.css';
import './components/notices.css';
import { App } from './App';
import { parseHash } from './routes';
import { loadDrafts } from './stores/builder-drafts';

// Opened on the builder, its draft is asked for now, while the page's code is still on its way (a call
// waits for the socket to open), rather than once the page has arrived and rendered.
if (parseHash(window.location.hash).page === 'builder') void loadDrafts();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
