import type { StyleSpecification } from 'maplibre-gl';
import type { LayerModule } from './types';

/**
 * The whole MapLibre style, built once from the layer registry. No `glyphs` and no `sprite`:
 * MapLibre then draws labels with the machine's own fonts and the page stays offline.
 */
export function buildStyle(modules: readonly LayerModule[], globalState: Record<string, unknown> = {}): StyleSpecification {
  return {
    version: 8,
    name: 'Tripwire offline basemap',
    state: Object.fromEntries(Object.entries(globalState).map(([key, value]) => [key, { default: value }])),
    sources: Object.assign({}, ...modules.map((module) => module.sources)),
    layers: modules.flatMap((module) => module.layers),
  } as StyleSpecification;
}
