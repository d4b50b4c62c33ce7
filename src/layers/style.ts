import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { BASEMAP_LABELS_LAYER_ID } from './basemap';
import { KEEP_OUT_METADATA } from './events';
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
    layers: inPlacementOrder(modules),
  } as StyleSpecification;
}

/**
 * The modules' layers bottom first, except that the data's own labels (symbol layers of the
 * scenario's geography and events) go above the basemap's place names: MapLibre places the top
 * layer's labels first, so a town's name gives way to the scenario's label instead of hiding it,
 * while the names still sit above every zone fill and track. Between them, the events' keep-out
 * layer: placed after the scenario's labels (which may sit by their dots), before the basemap's.
 */
function inPlacementOrder(modules: readonly LayerModule[]): LayerSpecification[] {
  const all = modules.flatMap((module) => module.layers.map((layer) => ({ layer, isDataLabel: layer.type === 'symbol' && module.id !== BASEMAP_LABELS_LAYER_ID })));
  const keepsOut = (layer: LayerSpecification) => Boolean((layer.metadata as Record<string, unknown> | undefined)?.[KEEP_OUT_METADATA]);
  const dataLabels = all.filter((entry) => entry.isDataLabel).map((entry) => entry.layer);
  return [...all.filter((entry) => !entry.isDataLabel).map((entry) => entry.layer), ...dataLabels.filter(keepsOut), ...dataLabels.filter((layer) => !keepsOut(layer))];
}

function withAbsoluteTiles(source: SourceSpecification, pageUrl: string): SourceSpecification {
  if (!('tiles' in source) || !source.tiles) return source;
  // Joined as text: new URL() would percent-encode the {z}/{x}/{y} placeholders.
  const directory = new URL('./', pageUrl).href;
  const absolute = (tile: string) => (/^[a-z][a-z0-9+.-]*:/i.test(tile) ? tile : directory + tile);
  // pmtiles://geo/x.pmtiles/{z}/{x}/{y} names an archive relative to the page too.
  return { ...source, tiles: source.tiles.map((tile) => (tile.startsWith('pmtiles://') ? `pmtiles://${absolute(tile.slice('pmtiles://'.length))}` : absolute(tile))) };
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
