import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, ScaleControl } from 'maplibre-gl';
import { store, useStore } from '../data/store';
import { THEATERS } from '../data/theaters';
import { LAYER_REGISTRY } from '../layers';
import { INITIAL_GLOBAL_STATE } from '../layers/expressions';
import { palette } from '../layers/palette';
import { buildStyle } from '../layers/style';
import { drawFirstFrameComplete } from './first-frame';
import { startSync } from './sync';

const INSET = THEATERS['ukraine-russia'];
/** The main map counts as "far from Ukraine" when its centre is east of this longitude. */
const SHOW_EAST_OF = 60;

/**
 * A fixed inset of Ukraine and western Russia (Bakhmut, Moscow, Patriot Park, Kyiv), so those
 * events stay in sight while the main map shows East Asia. It is a second, non-interactive map
 * drawn from the same style and synced from the same store; a click moves the main map there.
 */
export function InsetMap() {
  const containerRef = useRef<HTMLDivElement>(null);
  const mainCenterLon = useStore((state) => state.camera?.center[0] ?? 140);
  const visible = mainCenterLon > SHOW_EAST_OF;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new MapLibreMap({
      container,
      style: buildStyle(LAYER_REGISTRY, INITIAL_GLOBAL_STATE, document.baseURI),
      bounds: INSET.bounds,
      fitBoundsOptions: { padding: 4 },
      interactive: false,
      attributionControl: false,
      renderWorldCopies: false,
    });
    drawFirstFrameComplete(map);
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 70 }), 'bottom-left');
    let stopSync: (() => void) | undefined;
    // Data with the style, as in MapView: every source loads at once.
    map.once('style.load', () => (stopSync = startSync(map, store, { followCamera: false })));
    map.once('load', () => (window.tripwireInset = map));
    return () => {
      stopSync?.();
      delete window.tripwireInset;
      map.remove();
    };
  }, []);

  return (
    <button
      type="button"
      className="inset-map"
      hidden={!visible}
      aria-label={`Inset: ${INSET.label}. Click to move the main map there.`}
      onClick={() => store.getState().requestFrame(INSET.bounds, 12)}
    >
      <span className="inset-title">{INSET.label}</span>
      <div ref={containerRef} className="inset-canvas" data-testid="inset-map" style={{ background: palette.water }} />
    </button>
  );
}
