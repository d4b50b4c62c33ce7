import { StrictMode } from 'react';
import { session } from './session';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { startHashOf, startScenario, startTeam } from './actions';
import { pageTeam } from './ui/team/page-team';
import { TeamGate } from './ui/team/SignInPage';
import { store } from './data/store';
import { startUrlSync } from './data/url-sync';
import { layersOf } from './layers';
import { startBasemap } from './map/own-basemap';
import { createMainMapHolder, MainMapProvider } from './map/map-context';
import { prewarmMaps } from './map/MapView';
import type { ExportOptions, ExportResult } from './map/export/export-briefing';
import type { RenderEventsOptions } from './map/export/render-events';
import type { MadeDeck, MakeDeckOptions } from './map/export/make-deck';

/** One finished slide, as the CLI prints it. */
interface SlideProgress {
  index: number;
  total: number;
  eventId: string;
  fileName: string;
  width: number;
  height: number;
  seconds: number;
}
import './app.css';
import './ui/layout.css';
import './ui/import/import.css';
import './ui/edit/edit.css';

declare global {
  interface Window {
    /** The store, for browser tests, the benchmark and the briefing CLI (read and drive, like a user). */
    tripwireStore?: typeof store;
    /**
     * The page's main map, for browser tests, the benchmark and the briefing CLI: set when it has
     * loaded, gone once it is removed. Set here only; the app's own code reads the map context.
     */
    tripwireMap?: MapLibreMap;
    /** Briefing export, for the `npm run brief` CLI and browser tests. */
    tripwireExport?: {
      render: (options: ExportOptions) => Promise<ExportResult>;
      /**
       * One image per event, in the order given, each framed on its event as of the end of its span
       * (the loop the "Deck…" dialog uses too), PNGs as base64; `onProgress` after each one.
       */
      renderEvents: (
        options: Omit<ExportOptions, 'subject' | 'frame'> & { eventIds: string[] },
        onProgress?: (progress: SlideProgress) => void,
      ) => Promise<{ eventId: string; base64: string; altText: string; fileName: string; width: number; height: number; caption: ExportResult['model']['caption']; subjectProblems: string[] }[]>;
      /** A whole deck (.pptx, or a .zip of PNGs), as the "Deck…" dialog makes it, as base64. */
      makeDeck: (options: Omit<MakeDeckOptions, 'signal' | 'onProgress'>, onProgress?: (progress: SlideProgress) => void) => Promise<Omit<MadeDeck, 'bytes'> & { base64: string }>;
    };
  }
}
window.tripwireStore = store;

/** The main map, shared with the components through MainMapProvider (MapView fills it). */
const mainMap = createMainMapHolder();
// In the same task as MapView sets or clears it: a test that waits for the map finds it loaded.
mainMap.subscribe((map) => {
  if (map) window.tripwireMap = map;
  else delete window.tripwireMap;
});

/** Times each slide (from its start to its PNG) and reports it when done, in the shape the CLI prints. */
function slideProgress(onProgress?: (progress: SlideProgress) => void): RenderEventsOptions['onProgress'] {
  // Slides overlap (one encodes while the next draws): each keeps its own start.
  const started = new Map<number, number>();
  return ({ index, total, event, result }) => {
    if (!result) started.set(index, Date.now());
    else onProgress?.({ index, total, eventId: event.id, fileName: result.fileName, width: result.width, height: result.height, seconds: (Date.now() - started.get(index)!) / 1000 });
  };
}

// The export and deck code load on first use: the first frame does not need them.
window.tripwireExport = {
  render: async (options) => (await import('./map/export/export-briefing')).exportBriefing(store, options, mainMap.get()),
  renderEvents: async (options, onProgress) => {
    const [{ renderEvents }, { toBase64 }] = await Promise.all([import('./map/export/render-events'), import('./map/export/make-deck')]);
    const rendered = await renderEvents(store, { ...options, onProgress: slideProgress(onProgress) });
    return rendered.map(({ event, result, subjectProblems }) => ({ eventId: event.id, base64: toBase64(result.png), altText: result.altText, fileName: result.fileName, width: result.width, height: result.height, caption: result.model.caption, subjectProblems }));
  },
  makeDeck: async (options, onProgress) => {
    const { makeDeck, toBase64 } = await import('./map/export/make-deck');
    const { bytes, ...deck } = await makeDeck(store, { ...options, onProgress: slideProgress(onProgress) });
    return { ...deck, base64: toBase64(bytes) };
  },
};

// MapLibre's worker (its script fetched and compiled, then the basemap tiles it will cut) starts
// now, while the scenario loads, instead of when the map is made once the scenario is in.
prewarmMaps();

// The basemap (a deployment's archive, a link's, the file chosen last time) is settled while the scenario loads; the map waits for both.
void startBasemap(store, window.location.search);

// A link to a shared scenario (`?shared=`) names it on the team server, not in this browser's library.
const started = startScenario(session, startHashOf(window.location.hash, window.location.search)).then(() => {
  startUrlSync(store, () => layersOf(store.getState().scenario).toggleable.map((layer) => layer.id));
});

// Served by a team server? Then sign in (or find the session), and open the shared scenario a link
// names once the first scenario is on screen. Under `npm start` one same-origin request finds none.
void startTeam(pageTeam, { search: window.location.search, started });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <MainMapProvider holder={mainMap}>
        <TeamGate>
          <App />
        </TeamGate>
      </MainMapProvider>
    </ErrorBoundary>
  </StrictMode>,
);
