// The benchmark page (bench.html): the app's basemap at the East Asia view and N synthetic events
// drawn by one of three approaches. scripts/bench/ and tests/browser/gpu-points.test.ts drive it
// through window.tripwireBench. Everything it loads comes from this origin.
import { setWorkerUrl, type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { createMap } from '../map/basemap-support';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './bench.css';
import { shuffleSyntheticEvents, SYNTHETIC_LAST_DAY, type SyntheticEvents } from './synthetic-events';
import { basemapLabelsLayer, basemapLayerFor } from '../layers/basemap';
import { INITIAL_GLOBAL_STATE } from '../layers/expressions';
import { palette } from '../layers/palette';
import { buildStyle } from '../layers/style';
import type { TimePointsStats, TimeWindow } from '../map/gpu-points';
import { APPROACHES, startApproach, type Approach, type ApproachName } from './approaches';
import { finishGpuWork, nextRenderedFrame } from './frames';
import type { GenerateRequest } from './generate-worker';

setWorkerUrl(workerUrl);

/** The app's cumulative mode: everything since the beginning, fading over ten years. */
const cumulative = (day: number): TimeWindow => ({ time: day, windowStart: -1e6, fadeDays: 3650 });

export interface LoadReport {
  approach: ApproachName;
  events: number;
  /** Generating the typed arrays in a worker, round trip (what parsing a file would cost in real use). */
  generateMs: number;
  /** From handing the data to the map until the first fully rendered frame with every point. */
  loadMs: number;
  gpuBytes: number | null;
  /** performance.now() marks, to attribute long tasks to generating or to loading. */
  marks: { generateStart: number; generateEnd: number; rendered: number };
}

export interface LoadOptions {
  seed?: number;
  /** Wait for the GPU to finish the first frame (default). False for long-task logs. */
  waitForGpu?: boolean;
  /** 'shuffled' breaks the start-day order, so the GPU layer cannot skip any point (tests). */
  order?: 'by-start' | 'shuffled';
}

export interface TripwireBench {
  map: MapLibreMap;
  approaches: readonly ApproachName[];
  /** Replaces the current points with `count` synthetic events drawn by `approach`. */
  load(approach: ApproachName, count: number, options?: LoadOptions): Promise<LoadReport>;
  /** Cumulative mode at `day` (days since 1970-01-01). */
  setTime(day: number): void;
  setWindow(window: TimeWindow): void;
  repaint(): void;
  /** Resolves when the next frame is fully rendered; call before the change it should wait for. */
  nextRenderedFrame(): Promise<void>;
  /** The loaded events (for tests that work out what should be visible). */
  events(): SyntheticEvents | null;
  gpuBytes(): number | null;
  layerStats(): TimePointsStats | null;
}

declare global {
  interface Window {
    tripwireBench?: TripwireBench;
  }
}

/** `?bare`: only the sea colour, no sources. Its cold load is the floor for the app's (scripts/bench/cold-load.mjs). */
const BARE_STYLE: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'water', type: 'background', paint: { 'background-color': palette.water } }] };

/** `?bounds=west,south,east,north`: the frame (the runner passes a view of the built-in scenario); the world otherwise. */
function boundsFromUrl(): [number, number, number, number] {
  const numbers = (new URLSearchParams(location.search).get('bounds') ?? '').split(',').map(Number);
  return numbers.length === 4 && numbers.every(Number.isFinite) ? (numbers as [number, number, number, number]) : [-180, -80, 180, 80];
}

const map = createMap({
  container: 'map',
  style: new URLSearchParams(location.search).has('bare') ? BARE_STYLE : buildStyle([basemapLayerFor(), basemapLabelsLayer], INITIAL_GLOBAL_STATE, document.baseURI),
  bounds: boundsFromUrl(),
  fitBoundsOptions: { padding: 10 },
  renderWorldCopies: false,
});

let current: { approach: Approach; events: SyntheticEvents } | null = null;

function generateInWorker(request: GenerateRequest): Promise<SyntheticEvents> {
  const worker = new Worker(new URL('./generate-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<SyntheticEvents>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<SyntheticEvents>) => resolve(data);
    worker.onerror = (error) => reject(new Error(`event generator failed: ${error.message}`));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

async function load(approach: ApproachName, count: number, { seed = 1, waitForGpu = true, order = 'by-start' }: LoadOptions = {}): Promise<LoadReport> {
  if (!APPROACHES.includes(approach)) throw new Error(`unknown approach "${approach}"`);
  current?.approach.remove();
  current = null;
  const generateStart = performance.now();
  const generated = await generateInWorker({ count, seed });
  const events = order === 'shuffled' ? shuffleSyntheticEvents(generated, seed) : generated;
  const generateEnd = performance.now();

  const started = startApproach(map, approach, events);
  started.setTime(cumulative(SYNTHETIC_LAST_DAY));
  // Not simply the next `idle`: MapLibre goes idle between the GPU layer's upload slices.
  await started.drawn();
  if (waitForGpu) finishGpuWork(map);
  const renderedAt = performance.now();
  current = { approach: started, events };
  return {
    approach,
    events: count,
    generateMs: generateEnd - generateStart,
    loadMs: renderedAt - generateEnd,
    gpuBytes: started.gpuBytes(),
    marks: { generateStart, generateEnd, rendered: renderedAt },
  };
}

map.once('load', () => {
  window.tripwireBench = {
    map,
    approaches: APPROACHES,
    load,
    setTime: (day) => current?.approach.setTime(cumulative(day)),
    setWindow: (window) => current?.approach.setTime(window),
    repaint: () => map.triggerRepaint(),
    nextRenderedFrame: () => nextRenderedFrame(map),
    events: () => current?.events ?? null,
    gpuBytes: () => current?.approach.gpuBytes() ?? null,
    layerStats: () => current?.approach.layerStats() ?? null,
  };
});
