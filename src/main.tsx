import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { startScenario } from './data/scenario-actions';
import { startEditSync } from './data/edit-actions';
import { store } from './data/store';
import { startUrlSync } from './data/url-sync';
import { layersOf } from './layers';
import { exportBriefing, type ExportOptions, type ExportResult } from './map/export/export-briefing';
import './app.css';
import './ui/import/import.css';
import './ui/edit/edit.css';

declare global {
  interface Window {
    /** The store, for browser tests, the benchmark and the briefing CLI (read and drive, like a user). */
    tripwireStore?: typeof store;
    /** Briefing export, for the `npm run brief` CLI and browser tests. */
    tripwireExport?: { render: (options: ExportOptions) => Promise<ExportResult> };
  }
}
window.tripwireStore = store;
window.tripwireExport = { render: (options) => exportBriefing(store, options) };

void startScenario(store, window.location.hash).then(() => {
  startUrlSync(store, () => layersOf(store.getState().scenario).toggleable.map((layer) => layer.id));
  startEditSync(store);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
