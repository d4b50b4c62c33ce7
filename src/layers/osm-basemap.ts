// An OpenStreetMap archive in the Protomaps "v4" schema, drawn with Protomaps' maintained style
// (@protomaps/basemaps) made to keep the page offline: every text-font becomes the project's
// local font stacks (the style has no `glyphs`, so MapLibre draws with the machine's fonts), and
// nothing asks for a sprite (the town dots are the app's own, supplied by src/map/basemap-support.ts;
// points of interest keep their names and lose their icons). Loaded only when such a basemap is
// chosen (a dynamic import): the embedded map's first frame does not need the style library.
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';
import { BASEMAP_LABELS_LAYER_ID, BASEMAP_LAYER_ID } from './basemap';
import { type BasemapFlavor, type BasemapModules, OSM_CREDIT, type OpenedArchive } from './basemap-choice';
import { fonts } from './palette';
import type { LayerModule } from './types';

export const OSM_SOURCE = 'osm-basemap';

const attribution = '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a> · <a href="https://protomaps.com">Protomaps</a>';

/** Protomaps names Noto Sans faces; ours lists them first, then fonts most machines have. */
function localStack(font: string): string[] {
  if (/italic/i.test(font)) return fonts.italic;
  if (/medium|bold|semibold/i.test(font)) return fonts.bold;
  return fonts.regular;
}

const isFontStack = (value: unknown): value is string[] => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && /^Noto Sans/.test(item));

/** Every font stack anywhere in a layer (text-font, and the per-script `text-font` of a format expression). */
function withLocalFonts<T>(value: T): T {
  if (isFontStack(value)) return localStack(value[0]!) as T;
  if (Array.isArray(value)) return value.map(withLocalFonts) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withLocalFonts(inner)])) as T;
  return value;
}

/** The sprite's images the app draws itself, by Protomaps' names. */
const OWN_IMAGES: Record<string, string> = { capital: 'basemap-capital', townspot: 'basemap-town' };

/** Icons come from a sprite we do not load: the app's own dots for towns, none for anything else. */
function withoutSprite(layer: LayerSpecification): LayerSpecification | null {
  if (layer.type === 'fill' && layer.paint?.['fill-pattern']) return null;
  if (layer.type === 'line' && layer.paint?.['line-pattern']) return null;
  if (layer.type !== 'symbol' || !layer.layout?.['icon-image']) return layer;
  if (layer.id === 'places_locality') {
    // ['step', ['zoom'], ['case', capital?, 'capital', 'townspot'], 8, '']: a dot below zoom 8, then none.
    const dot: unknown = ['case', ['==', ['get', 'capital'], 'yes'], OWN_IMAGES.capital, OWN_IMAGES.townspot];
    return { ...layer, layout: { ...layer.layout, 'icon-image': ['step', ['zoom'], dot, 8, ['literal', '']] as never } } as LayerSpecification;
  }
  const layout = Object.fromEntries(Object.entries(layer.layout).filter(([key]) => !key.startsWith('icon-')));
  return { ...layer, layout } as LayerSpecification;
}

const module = (id: string, title: string, layers: LayerSpecification[], sources: LayerModule['sources']): LayerModule => ({
  id,
  title,
  source: OSM_CREDIT,
  toggleable: false,
  legend: null,
  sources,
  layers,
  interactiveLayerIds: [],
});

export function osmBasemapModules(archive: OpenedArchive, flavor: BasemapFlavor): BasemapModules {
  const all = (protomapsLayers(OSM_SOURCE, namedFlavor(flavor), { lang: 'en' }) as LayerSpecification[])
    .map((layer) => withoutSprite(withLocalFonts(layer)))
    .filter((layer) => layer !== null)
    // Prefixed: Protomaps' ids ("water", "roads_major", …) must not meet a scenario's.
    .map((layer) => ({ ...layer, id: `osm-${layer.id}` }));
  const source = { type: 'vector' as const, tiles: [archive.tiles], minzoom: archive.minzoom, maxzoom: archive.maxzoom, attribution };
  return {
    key: `${archive.tiles}|${flavor}`,
    ground: module(BASEMAP_LAYER_ID, 'Basemap', all.filter((layer) => layer.type !== 'symbol'), { [OSM_SOURCE]: source }),
    labels: module(BASEMAP_LABELS_LAYER_ID, 'Place names', all.filter((layer) => layer.type === 'symbol'), {}),
  };
}
