// First: the page's CSP allows no eval, and schemas are used as soon as the modules below load.
import './strictCsp.ts';
import { createRoot } from 'react-dom/client';
import { App } from './pages/App.tsx';
import { initI18n } from './i18n/index.ts';
import './styles.css';

// Rendered once the page's language is in: no flash of English before Arabic.
void initI18n().then(() => {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App />);
});
