import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerModule } from './types';
import { BASEMAP_MAX_ZOOM, BASEMAP_TILES_PATH } from './basemap-tiles';
import { fonts, palette } from './palette';

// The embedded basemap: Natural Earth shapes built by `npm run geo:basemap` into public/geo/,
// which the build cuts into vector tiles (scripts/vite-basemap-tiles.ts) for a faster first frame.
// URLs are relative to the page, so the build works from any folder and offline.
export const BASEMAP_SOURCE = 'basemap';
export const BASEMAP_LABELS_SOURCE = 'basemap-labels';


const labelKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

/** `focusCountries`: the countries the scenario is about (its document's), drawn a shade darker, to pull the eye without colour. */
const groundLayers = (focusCountries: readonly string[]): LayerSpecification[] => [
  { id: 'basemap-water', type: 'background', paint: { 'background-color': palette.water } },
  {
    id: 'basemap-land',
    type: 'fill',
    source: BASEMAP_SOURCE,
    'source-layer': 'countries',
    paint: {
      'fill-color': [
        'case',
        ['in', ['get', 'name'], ['literal', focusCountries]],
        palette.landFocus,
        palette.land,
      ],
      'fill-antialias': true,
    },
  },
  {
    id: 'basemap-coast',
    type: 'line',
    source: BASEMAP_SOURCE,
    'source-layer': 'lines',
    filter: ['==', ['get', 'kind'], 'coast'],
    paint: { 'line-color': palette.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 7, 1.2] },
  },
  {
    id: 'basemap-border',
    type: 'line',
    source: BASEMAP_SOURCE,
    'source-layer': 'lines',
    filter: ['==', ['get', 'kind'], 'border'],
    paint: { 'line-color': palette.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 7, 1.4] },
  },
  {
    id: 'basemap-border-disputed',
    type: 'line',
    source: BASEMAP_SOURCE,
    'source-layer': 'lines',
    filter: ['==', ['get', 'kind'], 'disputed'],
    paint: { 'line-color': palette.disputedBorder, 'line-width': 1.2, 'line-dasharray': [3, 2] },
  },
];

// Labels sit above every data layer so that no ADIZ fill or track hides a place name.
const labelLayers: LayerSpecification[] = [
  {
    id: 'basemap-sea-labels',
    type: 'symbol',
    source: BASEMAP_LABELS_SOURCE,
    filter: labelKind('sea'),
    minzoom: 2,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': fonts.italic,
      'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 15],
      'text-letter-spacing': 0.08,
      'text-max-width': 12,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': palette.seaLabel, 'text-halo-color': palette.water, 'text-halo-width': 1 },
  },
  {
    id: 'basemap-country-labels',
    type: 'symbol',
    source: BASEMAP_LABELS_SOURCE,
    filter: ['all', labelKind('country'), ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 3.5, 2, 4.5, 4]]],
    layout: {
      'text-field': ['upcase', ['get', 'name']],
      'text-font': fonts.bold,
      'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 16],
      'text-letter-spacing': 0.12,
      'text-max-width': 8,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': palette.countryLabel, 'text-halo-color': palette.halo, 'text-halo-width': 1.2 },
  },
  {
    id: 'basemap-city-dots',
    type: 'circle',
    source: BASEMAP_LABELS_SOURCE,
    filter: labelKind('city'),
    paint: {
      'circle-radius': ['case', ['get', 'capital'], 3.5, 3],
      'circle-color': palette.cityLabel,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['case', ['get', 'capital'], 1.5, 1],
    },
  },
  {
    id: 'basemap-city-labels',
    type: 'symbol',
    source: BASEMAP_LABELS_SOURCE,
    filter: labelKind('city'),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': ['case', ['get', 'capital'], ['literal', fonts.bold], ['literal', fonts.regular]],
      'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 14],
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.6,
      'text-justify': 'auto',
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': palette.cityLabel, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
  },
];

const attribution = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';

export const BASEMAP_LAYER_ID = 'basemap';

export const basemapLayerFor = (focusCountries: readonly string[] = []): LayerModule => ({
  id: BASEMAP_LAYER_ID,
  title: 'Basemap',
  source: 'Natural Earth (public domain)',
  toggleable: false,
  legend: null,
  sources: {
    [BASEMAP_SOURCE]: { type: 'vector', tiles: [`${BASEMAP_TILES_PATH}/{z}/{x}/{y}.pbf`], maxzoom: BASEMAP_MAX_ZOOM, attribution },
  },
  layers: groundLayers(focusCountries),
  interactiveLayerIds: [],
});

export const basemapLabelsLayer: LayerModule = {
  id: 'basemap-labels',
  title: 'Place names',
  source: 'Natural Earth; positions placed by hand; city coordinates from GeoNames',
  toggleable: false,
  legend: null,
  sources: { [BASEMAP_LABELS_SOURCE]: { type: 'geojson', data: 'geo/basemap-labels.geojson' } },
  layers: labelLayers,
  interactiveLayerIds: [],
};
