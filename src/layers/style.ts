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

/**
 * An optional remote basemap (VITE_BASEMAP_STYLE_URL, off by default): its own sources and layers
 * replace ours at the bottom, and every data layer of the registry goes on top, unchanged.
 * Only used when someone configures it: it makes requests to another origin.
 */
export function onRemoteBasemap(remote: StyleSpecification, modules: readonly LayerModule[], globalState: Record<string, unknown> = {}): StyleSpecification {
  const data = buildStyle(modules, globalState);
  return { ...remote, state: { ...remote.state, ...data.state }, sources: { ...remote.sources, ...data.sources }, layers: [...remote.layers, ...data.layers] };
}
