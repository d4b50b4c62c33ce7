// Draws the current state onto a hidden map of exactly the export's size and pixel ratio, waits
// until it has finished drawing, and copies the pixels. Only these hidden maps keep their drawing
// buffer (preserveDrawingBuffer), so the live map pays nothing for exports.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createMap } from '../basemap-support';
import type { TripwireStore } from '../../data/store';
import type { Bounds } from '../../data/slices/view';
import type { Camera } from '../../data/url-state';
import { bbox } from '@turf/turf';
import { visibleEvents } from '../../data/selectors';
import { layersOf, type MapLayers } from '../../layers';
import { INITIAL_GLOBAL_STATE } from '../../layers/expressions';
import { buildStyle } from '../../layers/style';
import { drawFirstFrameComplete } from '../first-frame';
import { GPU_EVENTS_LAYER } from '../events-drawer';
import { startSync } from '../sync';
import type { Padding } from '../../briefing/framing';

export type Frame = { bounds: Bounds; padding?: number | Padding; maxZoom?: number } | { camera: Camera };

/** What a drawn frame actually shows: layer modules with at least one feature drawn, and events. */
export interface DrawnContent {
  layerIds: Set<string>;
  eventIds: Set<string>;
}

export interface MapImage {
  canvas: HTMLCanvasElement;
  drawn: DrawnContent;
  /** Zoom and centre latitude of the drawn map, for the scale bar. */
  zoom: number;
  latitude: number;
  bearing: number;
  /** The camera that reproduces this frame in the app. */
  camera: Camera;
}

const ALL_SOURCES_LOADED_TIMEOUT_MS = 60_000;

function waitUntilDrawn(map: MapLibreMap): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error('the export map did not finish drawing within 60 s')), ALL_SOURCES_LOADED_TIMEOUT_MS);
    const check = () => {
      if (map.loaded() && map.areTilesLoaded()) {
        window.clearTimeout(timer);
        resolve();
      } else {
        map.once('idle', check);
      }
    };
    map.once('idle', check);
    map.triggerRepaint();
  });
}

/**
 * Read back from the drawn map, so the legend lists only what the image shows. Events are drawn by
 * the GPU points layer (and routes by feature-state), which cannot be queried: an event counts
 * when it shows now and its box meets the frame.
 */
function drawnContent(map: MapLibreMap, store: TripwireStore): DrawnContent {
  const drawnIn = (layerIds: string[]) => map.queryRenderedFeatures({ layers: layerIds.filter((id) => map.getLayer(id)) });
  const layerIds = new Set(layersOf(store.getState().scenario, store.getState().basemap?.modules).toggleable.filter((module) => drawnIn(module.layers.map((layer) => layer.id)).length > 0).map((module) => module.id));
  const eventIds = new Set<string>();
  if (map.getLayer(GPU_EVENTS_LAYER) && map.getLayoutProperty(GPU_EVENTS_LAYER, 'visibility') !== 'none') {
    const bounds = map.getBounds();
    const state = store.getState();
    for (const event of visibleEvents(state.events, state)) {
      const [west, south, east, north] = bbox(event.geometry);
      if (west <= bounds.getEast() && east >= bounds.getWest() && south <= bounds.getNorth() && north >= bounds.getSouth()) eventIds.add(event.id);
    }
  }
  if (eventIds.size > 0) layerIds.add('events');
  return { layerIds, eventIds };
}

/** A hidden map kept for the images of one pack, with what it was made for. */
interface PooledMap {
  map: MapLibreMap;
  container: HTMLElement;
  layers: MapLayers;
  stopSync: () => void;
}

/**
 * The hidden export maps of one run of images, one per size: a pack's slides share one map
 * instead of paying for a new map's style, sources and glyphs every slide (the bulk of a slide's
 * time). Made on first use; `dispose()` when the run is done.
 */
export class ExportMapPool {
  private readonly maps = new Map<string, PooledMap>();

  async mapFor(store: TripwireStore, { width, height, pixelRatio, frame }: MapImageRequest): Promise<{ map: MapLibreMap; fresh: boolean }> {
    const key = `${width}x${height}@${pixelRatio}`;
    const layers = layersOf(store.getState().scenario, store.getState().basemap?.modules);
    const kept = this.maps.get(key);
    if (kept?.layers === layers) return { map: kept.map, fresh: false };
    if (kept) this.remove(key);
    const made = await makeExportMap(store, layers, { width, height, pixelRatio, frame });
    this.maps.set(key, made);
    return { map: made.map, fresh: true };
  }

  dispose() {
    for (const key of [...this.maps.keys()]) this.remove(key);
  }

  private remove(key: string) {
    const pooled = this.maps.get(key);
    if (!pooled) return;
    this.maps.delete(key);
    pooled.stopSync();
    pooled.map.remove();
    pooled.container.remove();
  }
}

interface MapImageRequest {
  width: number;
  height: number;
  pixelRatio: number;
  frame: Frame;
}

const cameraOptions = (frame: Frame) => ('camera' in frame ? frame.camera : { bounds: frame.bounds, fitBoundsOptions: { padding: frame.padding ?? 0, maxZoom: frame.maxZoom ?? 12 } });

async function makeExportMap(store: TripwireStore, layers: MapLayers, { width, height, pixelRatio, frame }: MapImageRequest): Promise<PooledMap> {
  const container = document.createElement('div');
  container.style.cssText = `position:fixed;left:-${width + 100}px;top:0;width:${width}px;height:${height}px;`;
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const map = createMap({
    container,
    style: buildStyle(layers.all, INITIAL_GLOBAL_STATE, document.baseURI),
    pixelRatio,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    interactive: false,
    attributionControl: false,
    renderWorldCopies: false,
    fadeDuration: 0,
    // Made where its first picture is, so it loads only the tiles that picture needs.
    ...cameraOptions(frame),
  });
  drawFirstFrameComplete(map);
  // The data goes in with the style, so every source loads at once and the first frame is complete.
  const pooled: PooledMap = { map, container, layers, stopSync: () => {} };
  map.once('style.load', () => (pooled.stopSync = startSync(map, store, { followCamera: false, layers })));
  try {
    await new Promise<void>((resolve, reject) => {
      map.once('load', () => resolve());
      map.once('error', (event) => reject(event.error));
    });
  } catch (error) {
    pooled.stopSync();
    map.remove();
    container.remove();
    throw error;
  }
  return pooled;
}

/**
 * The current state drawn at `frame` on a hidden map of exactly this size and pixel ratio. With a
 * `pool`, the map is kept for the next image; without one, it is made and removed.
 */
export async function renderMapImage(store: TripwireStore, request: MapImageRequest, pool?: ExportMapPool): Promise<MapImage> {
  const own = pool ?? new ExportMapPool();
  try {
    const { map, fresh } = await own.mapFor(store, request);
    if (!fresh) {
      const { frame } = request;
      if ('camera' in frame) map.jumpTo(frame.camera);
      else map.fitBounds(frame.bounds, { padding: frame.padding ?? 0, maxZoom: frame.maxZoom ?? 12, animate: false });
    }
    await waitUntilDrawn(map);
    const copy = document.createElement('canvas');
    copy.width = map.getCanvas().width;
    copy.height = map.getCanvas().height;
    copy.getContext('2d', { willReadFrequently: true })!.drawImage(map.getCanvas(), 0, 0);
    const { lng, lat } = map.getCenter();
    const camera: Camera = { center: [lng, lat], zoom: map.getZoom(), bearing: map.getBearing() };
    return { canvas: copy, drawn: drawnContent(map, store), zoom: camera.zoom, latitude: lat, bearing: camera.bearing, camera };
  } finally {
    if (!pool) own.dispose();
  }
}
