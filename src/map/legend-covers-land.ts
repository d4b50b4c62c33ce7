// Whether the legend, open, would hide land the scenario's default view is about: on a tablet it
// then starts folded to its title. A width rule folded it at 768×1024 too, where the open legend
// sits over empty sea above the view; at 1024×768 it covers China and Korea.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../data/slices/view';

/** The basemap's land fill (src/layers/basemap.ts). A remote basemap has other layer names. */
const LAND_LAYER_ID = 'basemap-land';

/**
 * Whether `box` (page pixels, the open legend's) covers any land drawn inside the default view's
 * bounds as the map shows them now. Without the offline basemap's land layer it answers yes: the
 * legend then folds, as it did before this rule.
 */
export function legendCoversLand(map: MapLibreMap, box: DOMRect, [west, south, east, north]: Bounds): boolean {
  if (!map.getLayer(LAND_LAYER_ID)) return true;
  const frame = map.getContainer().getBoundingClientRect();
  const topLeft = map.project([west, north]);
  const bottomRight = map.project([east, south]);
  // The legend's box and the view's, both in the map's own pixels: only where they overlap counts.
  const left = Math.max(box.left - frame.left, topLeft.x);
  const top = Math.max(box.top - frame.top, topLeft.y);
  const right = Math.min(box.right - frame.left, bottomRight.x);
  const bottom = Math.min(box.bottom - frame.top, bottomRight.y);
  if (right <= left || bottom <= top) return false;
  return map.queryRenderedFeatures([[left, top], [right, bottom]], { layers: [LAND_LAYER_ID] }).length > 0;
}
