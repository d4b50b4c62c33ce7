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
import { deckSlides } from './map/export/deck/slide-model';
import { deckMapSize } from './map/export/deck/slide-layout';
import { renderEvents } from './map/export/deck/render-events';
import { toBase64 } from './map/export/deck/make-deck';
import './app.css';
import './ui/layout.css';
import './ui/import/import.css';
import './ui/edit/edit.css';

declare global {
  interface Window {
    /** The store, for browser tests, the benchmark and the briefing CLI (read and drive, like a user). */
    tripwireStore?: typeof store;
    /** Briefing export, for the `npm run brief` CLI and browser tests. */
    tripwireExport?: {
      render: (options: ExportOptions) => Promise<ExportResult>;
      /**
       * One image per event, in the order given, each framed on its event as of the end of its span
       * (the loop the "Deck…" dialog uses too), PNGs as base64; `onProgress` after each one.
       */
      renderEvents: (
        options: Omit<ExportOptions, 'subject' | 'frame'> & { eventIds: string[] },
        onProgress?: (progress: { index: number; total: number; eventId: string; fileName: string; width: number; height: number; seconds: number }) => void,
      ) => Promise<{ eventId: string; base64: string; altText: string; fileName: string; width: number; height: number; caption: ExportResult['model']['caption'] }[]>;
      /** Pixel size of a slide's map image for a slide of this pixel size. */
      deckMapSize: typeof deckMapSize;
      /** A .pptx of every event, from map images (PNG base64 by event id) rendered with `mapOnly`. */
      deck: (title: string | undefined, images: Record<string, string>) => Promise<Uint8Array>;
    };
  }
}
window.tripwireStore = store;
window.tripwireExport = {
  render: (options) => exportBriefing(store, options),
  renderEvents: async (options, onProgress) => {
    let started = Date.now();
    const rendered = await renderEvents(store, {
      ...options,
      onProgress: ({ index, total, event, result }) => {
        if (!result) started = Date.now();
        else onProgress?.({ index, total, eventId: event.id, fileName: result.fileName, width: result.width, height: result.height, seconds: (Date.now() - started) / 1000 });
      },
    });
    return rendered.map(({ event, result }) => ({ eventId: event.id, base64: toBase64(result.png), altText: result.altText, fileName: result.fileName, width: result.width, height: result.height, caption: result.model.caption }));
  },
  deckMapSize,
  // Loaded on demand: PptxGenJS is large and only the CLI's --format pptx needs it.
  deck: async (title, images) => (await import('./map/export/deck/pptx-deck')).buildDeck(deckSlides(store.getState(), title), images),
};

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
