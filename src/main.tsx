import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { loadScenario } from './data/load';
import { browserStorage, store } from './data/store';
import { restoreImports } from './data/restore-imports';
import { startUrlSync } from './data/url-sync';
import { layersOf } from './layers';
import { exportBriefing, type ExportOptions, type ExportResult } from './map/export/export-briefing';
import './app.css';
import './ui/import/import.css';

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

void loadScenario(store).then(() => {
  startUrlSync(store, layersOf(store.getState().scenario).toggleable.map((layer) => layer.id));
  // After the built-in scenario: the first frame never waits for a large saved import.
  void restoreImports(store, browserStorage());
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
