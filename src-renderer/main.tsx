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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
