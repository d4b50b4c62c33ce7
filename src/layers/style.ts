import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerModule } from './types';

/**
 * The whole MapLibre style, built once from the layer registry. No `glyphs` and no `sprite`:
 * MapLibre then draws labels with the machine's own fonts and the page stays offline.
 * `pageUrl` (document.baseURI) makes vector tile URLs absolute: MapLibre fetches tiles in its
 * worker, where a relative URL would resolve against the worker's script, not the page.
 */
export function buildStyle(modules: readonly LayerModule[], globalState: Record<string, unknown>, pageUrl: string): StyleSpecification {
  const sources: Record<string, SourceSpecification> = Object.assign({}, ...modules.map((module) => module.sources));
  return {
    version: 8,
    name: 'Tripwire offline basemap',
    state: Object.fromEntries(Object.entries(globalState).map(([key, value]) => [key, { default: value }])),
    sources: Object.fromEntries(Object.entries(sources).map(([id, source]) => [id, withAbsoluteTiles(source, pageUrl)])),
    layers: modules.flatMap((module) => module.layers),
  } as StyleSpecification;
}

function withAbsoluteTiles(source: SourceSpecification, pageUrl: string): SourceSpecification {
  if (!('tiles' in source) || !source.tiles) return source;
  // Joined as text: new URL() would percent-encode the {z}/{x}/{y} placeholders.
  const directory = new URL('./', pageUrl).href;
  return { ...source, tiles: source.tiles.map((tile) => (/^[a-z][a-z0-9+.-]*:/i.test(tile) ? tile : directory + tile)) };
}

/**
 * An optional remote basemap (VITE_BASEMAP_STYLE_URL, off by default): its own sources and layers
 * replace ours at the bottom, and every data layer of the registry goes on top, unchanged.
 * Only used when someone configures it: it makes requests to another origin.
 */
export function onRemoteBasemap(remote: StyleSpecification, modules: readonly LayerModule[], globalState: Record<string, unknown>, pageUrl: string): StyleSpecification {
  const data = buildStyle(modules, globalState, pageUrl);
  return { ...remote, state: { ...remote.state, ...data.state }, sources: { ...remote.sources, ...data.sources }, layers: [...remote.layers, ...data.layers] };
}
