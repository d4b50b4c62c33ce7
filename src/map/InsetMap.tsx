import { useEffect, useRef } from 'react';
import { ScaleControl, type Map as MapLibreMap } from 'maplibre-gl';
import { createMap } from './basemap-support';
import { store, useStore } from '../data/store';
import type { MapLayers } from '../layers';
import { INITIAL_GLOBAL_STATE } from '../layers/expressions';
import { palette } from '../layers/palette';
import { buildStyle } from '../layers/style';
import type { ScenarioView } from '../data/scenario-schema';
import { isFarFrom } from '../data/scenario-text';
import { drawFirstFrameComplete } from './first-frame';
import { startSync } from './sync';
import { useMainMap } from './map-context';

declare global {
  interface Window {
    /** The inset map, when shown: for browser tests. */
    tripwireInset?: MapLibreMap;
  }
}

/**
 * Whether the main map already shows the inset's theater: its frame holds the view's centre (a
 * wide frame over Moscow and Bakhmut), or it is looking at that view itself.
 */
function mainMapShows(view: ScenarioView, mainCenter: [number, number], mainMap: MapLibreMap | null): boolean {
  const [west, south, east, north] = view.bounds;
  const shown = mainMap?.getBounds();
  return !isFarFrom(view, mainCenter) || (shown?.contains([(west + east) / 2, (south + north) / 2]) ?? false);
}

/**
 * A fixed inset of the scenario's far-away view (the article's: Ukraine and western Russia), so
 * those events stay in sight while the main map shows the rest. It is a second, non-interactive
 * map drawn from the same style and synced from the same store; a click moves the main map there.
 * It hides while the main map already shows that theater.
 */
export function InsetMap({ view, layers }: { view: ScenarioView; layers: MapLayers }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mainCenter = useStore((state) => state.camera?.center ?? null);
  const mainMap = useMainMap();
  const visible = mainCenter === null || !mainMapShows(view, mainCenter, mainMap);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createMap({
      container,
      style: buildStyle(layers.all, INITIAL_GLOBAL_STATE, document.baseURI),
      bounds: view.bounds,
      fitBoundsOptions: { padding: 4 },
      interactive: false,
      attributionControl: false,
      renderWorldCopies: false,
    });
    drawFirstFrameComplete(map);
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 70 }), 'bottom-left');
    let stopSync: (() => void) | undefined;
    // Data with the style, as in MapView: every source loads at once.
    map.once('style.load', () => (stopSync = startSync(map, store, { followCamera: false, layers })));
    map.once('load', () => (window.tripwireInset = map));
    return () => {
      stopSync?.();
      delete window.tripwireInset;
      map.remove();
    };
  }, [view, layers]);

  return (
    <button
      type="button"
      className="inset-map"
      hidden={!visible}
      onClick={() => store.getState().requestFrame(view.bounds, 12)}
    >
      {/* Named by its visible title (a name that differs from what is seen confuses speech input);
          the picture itself, its scale bar included, is hidden from assistive technology. */}
      <span className="inset-title">{view.title}</span>
      <span className="visually-hidden"> (inset map): move the main map there</span>
      <div ref={containerRef} className="inset-canvas" data-testid="inset-map" aria-hidden="true" style={{ background: palette.water }} />
    </button>
  );
}
