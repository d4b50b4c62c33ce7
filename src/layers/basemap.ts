import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerModule } from './types';
import { BASEMAP_ARCHIVE_PATH, BASEMAP_MAX_ZOOM } from './basemap-tiles';
import { fonts, palette } from './palette';

// The embedded basemap: Natural Earth 1:10m ground, GSHHG lakes and rivers, and place names for
// the whole world, cut at build time into one PMTiles archive (scripts/geo/, scripts/vite-basemap-tiles.ts)
// and read in ranges through the pmtiles protocol (src/map/pmtiles-protocol.ts). The URL is relative
// to the page, so the build works from any folder and offline.
export const BASEMAP_SOURCE = 'basemap';

export const BASEMAP_CREDIT = 'Natural Earth (public domain); lakes and rivers: GSHHG (LGPL); place names: GeoNames (CC BY 4.0)';

/** A name is drawn from its `minzoom` on (basemap-places.ts chose it by population or size for the whole world). */
const fromItsZoom: ExpressionSpecification = ['<=', ['get', 'minzoom'], ['zoom']];
const placeKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

const ground = (sourceLayer: string) => ({ source: BASEMAP_SOURCE, 'source-layer': sourceLayer }) as const;

/** `focusCountries`: the countries the scenario is about (its document's), drawn a shade darker, to pull the eye without colour. */
const groundLayers = (focusCountries: readonly string[]): LayerSpecification[] => [
  { id: 'basemap-water', type: 'background', paint: { 'background-color': palette.water } },
  {
    id: 'basemap-land',
    type: 'fill',
    ...ground('countries'),
    paint: {
      'fill-color': ['case', ['in', ['get', 'name'], ['literal', focusCountries]], palette.landFocus, palette.land],
      'fill-antialias': true,
    },
  },
  { id: 'basemap-lakes', type: 'fill', ...ground('water'), paint: { 'fill-color': palette.water, 'fill-outline-color': palette.lakeShore } },
  {
    id: 'basemap-rivers',
    type: 'line',
    ...ground('rivers'),
    minzoom: 3,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': palette.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 8, 1.2, 12, 2] },
  },
  {
    id: 'basemap-coast',
    type: 'line',
    ...ground('lines'),
    filter: ['==', ['get', 'kind'], 'coast'],
    paint: { 'line-color': palette.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 7, 1.2] },
  },
  {
    id: 'basemap-border',
    type: 'line',
    ...ground('lines'),
    filter: ['==', ['get', 'kind'], 'border'],
    paint: { 'line-color': palette.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 7, 1.4] },
  },
  {
    id: 'basemap-border-disputed',
    type: 'line',
    ...ground('lines'),
    filter: ['==', ['get', 'kind'], 'disputed'],
    paint: { 'line-color': palette.disputedBorder, 'line-width': 1.2, 'line-dasharray': [3, 2] },
  },
];

/** Larger names for larger water: oceans, then seas and gulfs, then straits and bays. */
const marineSize: ExpressionSpecification = [
  'interpolate', ['linear'], ['zoom'],
  2, ['match', ['get', 'rank'], 1, 13, 2, 11.5, 10.5],
  7, ['match', ['get', 'rank'], 1, 17, 2, 16, 3, 15, 4, 13.5, 12.5],
];

/** Cities by size: a capital or a city of millions reads first. */
const citySize: ExpressionSpecification = [
  'interpolate', ['linear'], ['zoom'],
  3, ['case', ['get', 'capital'], 11.5, ['>=', ['get', 'population'], 3e6], 11, 10.5],
  8, ['case', ['get', 'capital'], 15, ['>=', ['get', 'population'], 1e6], 14, ['>=', ['get', 'population'], 1e5], 13, 12],
];

/**
 * One symbol for a town's dot and its name, so that a name MapLibre leaves out for want of room
 * takes its dot with it (the dots are drawn by src/map/basemap-support.ts).
 */
const townLayer = (id: string, capitals: boolean): LayerSpecification => ({
  id,
  type: 'symbol',
  ...ground('places'),
  filter: ['all', placeKind('city'), ['==', ['get', 'capital'], capitals], fromItsZoom],
  layout: {
    'icon-image': capitals ? 'basemap-capital' : 'basemap-town',
    // Where the scenario has a dot on the town (an event in Seoul), the name goes beside that dot
    // without its own: the events' keep-out square takes the icon's place, not the name's.
    'icon-optional': true,
    'text-field': ['get', 'name'],
    'text-font': capitals ? fonts.bold : fonts.regular,
    'text-size': citySize,
    'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
    'text-radial-offset': 0.7,
    'text-justify': 'auto',
    'text-padding': 3,
    'symbol-sort-key': ['get', 'rank'],
  },
  paint: { 'text-color': palette.cityLabel, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
});

export const BASEMAP_NAME_LAYERS = ['basemap-capital-labels', 'basemap-country-labels', 'basemap-sea-labels', 'basemap-city-labels'];

// Place names sit above the scenario's shapes (no ADIZ fill or track hides a name) and below its
// own labels, which MapLibre places first: a basemap name gives way to the scenario's. Among the
// names, the top layer is placed first: capitals (Sanaa before YEMEN), countries, seas, then
// towns where room is left.
const labelLayers: LayerSpecification[] = [
  townLayer('basemap-city-labels', false),
  {
    id: 'basemap-sea-labels',
    type: 'symbol',
    ...ground('places'),
    filter: ['all', placeKind('marine'), fromItsZoom],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': fonts.italic,
      'text-size': marineSize,
      'text-letter-spacing': ['match', ['get', 'rank'], 1, 0.2, 2, 0.12, 0.06],
      'text-max-width': ['match', ['get', 'rank'], 1, 14, 8],
      'text-padding': 6,
      // A gulf's name may move off a scenario's label or marker that sits on its point (incidents
      // happen in the middle of the water the name names): first a little, then a line or two.
      'text-variable-anchor-offset': ['center', [0, 0], 'top', [0, 1.2], 'bottom', [0, -1.2], 'top', [0, 2.6], 'bottom', [0, -2.6], 'left', [1.5, 0], 'right', [-1.5, 0]],
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': palette.seaLabel, 'text-halo-color': palette.water, 'text-halo-width': 1 },
  },
  {
    id: 'basemap-country-labels',
    type: 'symbol',
    ...ground('places'),
    filter: ['all', placeKind('country'), fromItsZoom],
    layout: {
      'text-field': ['upcase', ['get', 'name']],
      'text-font': fonts.bold,
      'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 4, 12, 7, 16],
      'text-letter-spacing': 0.12,
      'text-max-width': 8,
      'text-padding': 4,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': palette.countryLabel, 'text-halo-color': palette.halo, 'text-halo-width': 1.2 },
  },
  townLayer('basemap-capital-labels', true),
];

const attribution = '<a href="https://www.naturalearthdata.com/">Natural Earth</a> · GSHHG · <a href="https://www.geonames.org/">GeoNames</a>';

export const BASEMAP_LAYER_ID = 'basemap';
export const BASEMAP_LABELS_LAYER_ID = 'basemap-labels';

export const basemapLayerFor = (focusCountries: readonly string[] = []): LayerModule => ({
  id: BASEMAP_LAYER_ID,
  title: 'Basemap',
  source: BASEMAP_CREDIT,
  toggleable: false,
  legend: null,
  sources: {
    [BASEMAP_SOURCE]: { type: 'vector', tiles: [`pmtiles://${BASEMAP_ARCHIVE_PATH}/{z}/{x}/{y}`], maxzoom: BASEMAP_MAX_ZOOM, attribution },
  },
  layers: groundLayers(focusCountries),
  interactiveLayerIds: [],
});

export const basemapLabelsLayer: LayerModule = {
  id: BASEMAP_LABELS_LAYER_ID,
  title: 'Place names',
  source: BASEMAP_CREDIT,
  toggleable: false,
  legend: null,
  sources: {},
  layers: labelLayers,
  interactiveLayerIds: [],
};
