import { useLayoutEffect, useRef, useState } from 'react';
import { AttributionControl, GPUInitializationError, type Map as MapLibreMap, NavigationControl, prewarm, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { store } from '../data/store';
import type { MapLayers } from '../layers';
import { INITIAL_GLOBAL_STATE } from '../layers/expressions';
import { buildStyle, onRemoteBasemap } from '../layers/style';
import { BASEMAP_LAYER_ID, basemapLabelsLayer } from '../layers/basemap';
import type { Bounds } from '../data/slices/view';
import { palette } from '../layers/palette';
import { afterGpuCatchesUp, drawFirstFrameComplete } from './first-frame';
import { createMap } from './basemap-support';
import { startInteractions } from './interactions';
import { startSync } from './sync';
import { startPresenceMarkers } from './presence-markers';
import { useMainMapHolder } from './map-context';

/**
 * A phone's or tablet's map is narrow, so the default view is fitted to its width, and fitted edge
 * to edge the names at its sides were cut off (the article's Beijing and Ieodo (Socotra Rock) on
 * the left). Places are named on the left of their point by preference (scenario-layers.ts) and
 * group labels on the right (the Kurils'), so the west side keeps a name's room and the east a
 * shorter one. A desktop's wide map has that room beside the view already, and keeps its fit.
 */
const NARROW_VIEW_PADDING = { left: 100, right: 70, top: 10, bottom: 10 };

// Vite emits the worker as its own file; without this the production build cannot start it.
setWorkerUrl(workerUrl);

/** Starts MapLibre's worker (fetching and compiling its script) before any map is made: main.tsx calls it at once. */
export function prewarmMaps(): void {
  prewarm();
}

/** Off by default (the page stays offline); set at build time to draw on a remote basemap instead. */
const REMOTE_BASEMAP_STYLE_URL: string | undefined = import.meta.env.VITE_BASEMAP_STYLE_URL || undefined;

export interface MapViewProps {
  layers: MapLayers;
  /** Where it opens: the scenario's default view. */
  bounds: Bounds;
  /** The id of the element that describes what the map shows: the canvas's text alternative. */
  describedBy: string;
  /** A media query for the narrow layouts (phone and tablet), where the opening view gets NARROW_VIEW_PADDING. */
  narrowQuery: string;
  onStarted: () => void;
  onDrawn: (drawn: boolean) => void;
}

/**
 * Creates the one MapLibre map of the app, anew only when the set of layers it draws changes,
 * and removes it on unmount; once loaded it is the main map of the MainMapProvider around it
 * (map-context.tsx). `onStarted()` once the map is made (or could not be): the panels wait for it.
 * `onDrawn(true)` once its first complete frame is on screen (the inset waits for it).
 */
export function MapView({ layers, bounds, describedBy, narrowQuery, onStarted, onDrawn }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mainMap = useMainMapHolder();
  const [contextLost, setContextLost] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  // Where the map opens, once: a head read back from the edit journal is a new object with equal
  // views, and must not make a new map (a scenario opened later is framed by its camera request).
  const [openingBounds] = useState(bounds);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container || failure) return;
    let map: MapLibreMap;
    try {
      map = createMap({
        container,
        ...(REMOTE_BASEMAP_STYLE_URL
          ? {
              style: REMOTE_BASEMAP_STYLE_URL,
              transformStyle: (_previous, remote) =>
                onRemoteBasemap(remote, layers.all.filter((layer) => layer.id !== BASEMAP_LAYER_ID && layer !== basemapLabelsLayer), INITIAL_GLOBAL_STATE, document.baseURI),
            }
          : { style: buildStyle(layers.all, INITIAL_GLOBAL_STATE, document.baseURI) }),
        bounds: openingBounds,
        fitBoundsOptions: { padding: window.matchMedia(narrowQuery).matches ? NARROW_VIEW_PADDING : 10 },
        attributionControl: false,
        renderWorldCopies: false,
      });
    } catch (error) {
      // Reported from a task: the constructor failing is an event from outside React. No WebGL is
      // found out here, not by a test context beforehand: creating one cost 50–200 ms of cold load here.
      const message =
        error instanceof GPUInitializationError
          ? 'This browser cannot draw the map: WebGL 2 is unavailable or disabled.'
          : `The map could not start: ${error instanceof Error ? error.message : String(error)}`;
      queueMicrotask(() => setFailure(message));
      onStarted();
      return;
    }
    drawFirstFrameComplete(map);
    // The canvas's text alternative: the up-to-date summary of what it shows (ScreenReaderMap).
    map.getCanvas().setAttribute('aria-describedby', describedBy);
    map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.addControl(
      new AttributionControl({ compact: false, customAttribution: '<a href="https://maplibre.org/">MapLibre</a>' }),
      'bottom-right',
    );
    // MapLibre asks the browser to restore a lost context; the panels keep working meanwhile.
    map.on('webglcontextlost', () => setContextLost(true));
    map.on('webglcontextrestored', () => setContextLost(false));
    const stops: (() => void)[] = [];
    // The data goes to the sources as soon as the style exists, so MapLibre's worker tiles it
    // while the basemap is still loading, rather than after the first full frame ('load').
    // Where others on a shared scenario are looking: this map only, never an export's (presence-markers.ts).
    map.once('style.load', () =>
      stops.push(startSync(map, store, { followCamera: true, layers }), startInteractions(map, store, layers.interactiveLayerIds), startPresenceMarkers(map, store)),
    );
    map.once('load', () => {
      mainMap?.set(map);
      setDrawn(true);
    });
    // Told only once the first complete frame is up (nothing left to load or place) and the GPU
    // has drawn it: the inset's WebGL context, made before, held the page ~1–1.5 s here (BENCHMARKS.md).
    map.once('idle', () => afterGpuCatchesUp(map, () => onDrawn(true)));
    onStarted();
    return () => {
      stops.forEach((stop) => stop());
      if (mainMap?.get() === map) mainMap.set(null);
      map.remove();
    };
  }, [failure, onStarted, onDrawn, layers, openingBounds, describedBy, narrowQuery, mainMap]);

  if (failure) {
    return (
      <div className="map-failure" role="alert">
        <strong>The map cannot be shown.</strong>
        <p>{failure}</p>
        <p>Try a recent Chrome, Edge or Firefox with hardware acceleration (or software WebGL) enabled.</p>
      </div>
    );
  }
  return (
    <>
      {/* Sea-coloured until the first complete frame (first-frame.ts). */}
      <div ref={containerRef} className="map-container" data-testid="map" style={{ background: palette.water }} />
      {!drawn && (
        <p className="map-loading" role="status">
          Drawing the map…
        </p>
      )}
      {contextLost && (
        <div className="context-lost" role="alert" data-testid="context-lost">
          The map lost its graphics context (the GPU was reset or is busy). Trying to restore it… The event list, timeline and
          details keep working; if the map does not come back, reload the page.
        </div>
      )}
    </>
  );
}
