// A scenario's geography layers, drawn from data: each layer names one of a few kinds (zones,
// routes, places, disputed areas) and its colour; features may carry their own colour, dash,
// label position and validity dates. So a new situation needs a document, not code.
// Style layer ids derive from the layer id ("adiz" → "adiz-fill"), so they stay stable.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { ScenarioLayer } from '../data/scenario-schema';
import type { LayerModule } from './types';
import { byInteraction, shownInTime } from './expressions';
import { fonts, palette } from './palette';
import { EMPTY_COLLECTION } from './source-data';

const DASHES = { solid: [1, 0], dashed: [4, 2], dotted: [1.5, 1.5] } as const;

/** The feature's own colour, else the layer's. */
const colorOf = (layer: ScenarioLayer): ExpressionSpecification => ['coalesce', ['get', 'color'], layer.style.color];

/** The feature's own dash; approximate shapes are dashed unless they say otherwise. */
const dashOf: ExpressionSpecification = [
  'match',
  ['coalesce', ['get', 'dash'], ['case', ['==', ['get', 'approximate'], true], 'dashed', 'solid']],
  'dashed',
  ['literal', DASHES.dashed],
  'dotted',
  ['literal', DASHES.dotted],
  ['literal', DASHES.solid],
];

const isArea: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const isLine: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
const isLabelAnchor: ExpressionSpecification = ['has', 'isLabelAnchor'];
/** Features kept for the detail panel and measurements but not drawn (a group drawn island by island). */
const isDrawn: ExpressionSpecification = ['!=', ['get', 'hidden'], true];
const shape = (...filters: ExpressionSpecification[]): FilterSpecification => ['all', isDrawn, ['!', isLabelAnchor], ...filters];
const halo = { 'text-halo-color': palette.halo, 'text-halo-width': 1.5 };

/** Areas with light fills (overlaps stay readable) and strong outlines; boundary lines drawn bold. */
function zones(layer: ScenarioLayer): LayerSpecification[] {
  const source = layer.id;
  const fill = layer.style.fillOpacity ?? 0.1;
  return [
    {
      id: `${layer.id}-fill`,
      type: 'fill',
      source,
      filter: shape(isArea),
      paint: { 'fill-color': colorOf(layer), 'fill-opacity': shownInTime(byInteraction(fill, fill + 0.08, fill + 0.13)), 'fill-antialias': false },
    },
    {
      id: `${layer.id}-outline`,
      type: 'line',
      source,
      filter: shape(),
      paint: {
        'line-color': colorOf(layer),
        'line-opacity': shownInTime(1),
        'line-width': ['case', isLine, 3, byInteraction(1.6, 2.4, 3)],
        'line-dasharray': dashOf,
      },
    },
    {
      id: `${layer.id}-labels`,
      type: 'symbol',
      source,
      filter: ['all', isDrawn, isLabelAnchor],
      layout: {
        'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
        'text-font': fonts.bold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 7, 14],
        'text-anchor': 'left',
        'text-allow-overlap': true,
      },
      paint: { 'text-color': colorOf(layer), 'text-opacity': shownInTime(1), ...halo },
    },
  ];
}

/** Flight, drone and missile routes: appear from the day they happened; arrowheads show direction. */
function routes(layer: ScenarioLayer): LayerSpecification[] {
  const source = layer.id;
  return [
    {
      id: `${layer.id}-line`,
      type: 'line',
      source,
      filter: shape(),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': colorOf(layer), 'line-opacity': shownInTime(1), 'line-width': byInteraction(2, 3, 4), 'line-dasharray': dashOf },
    },
    {
      // Arrowheads drawn as text along the line: no sprite server needed.
      id: `${layer.id}-arrows`,
      type: 'symbol',
      source,
      filter: shape(),
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 90,
        'text-field': '▶',
        'text-font': fonts.regular,
        'text-size': 11,
        'text-keep-upright': false,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': colorOf(layer), 'text-opacity': shownInTime(1) },
    },
  ];
}

/** Named places; those the basemap already names (`onBasemap`) are not drawn twice. */
function places(layer: ScenarioLayer): LayerSpecification[] {
  const source = layer.id;
  const notOnBasemap: ExpressionSpecification = ['!=', ['get', 'onBasemap'], true];
  return [
    {
      id: `${layer.id}-points`,
      type: 'circle',
      source,
      filter: shape(notOnBasemap),
      paint: {
        'circle-opacity': shownInTime(1),
        'circle-stroke-opacity': shownInTime(1),
        'circle-radius': byInteraction(4.5, 6, 7),
        'circle-color': '#ffffff',
        'circle-stroke-color': colorOf(layer),
        'circle-stroke-width': byInteraction(2, 2.5, 3),
      },
    },
    {
      id: `${layer.id}-labels`,
      type: 'symbol',
      source,
      filter: shape(notOnBasemap),
      layout: {
        'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
        'text-font': fonts.regular,
        'text-size': 12,
        'text-max-width': 10,
        'text-variable-anchor': ['right', 'left', 'bottom', 'top'],
        'text-radial-offset': 0.7,
        'text-justify': 'auto',
      },
      paint: { 'text-color': colorOf(layer), 'text-opacity': shownInTime(1), ...halo },
    },
  ];
}

/**
 * Contested land: disputed features hatched-red with a dashed edge and named at their label
 * anchors when zoomed in; the rest outlined thinly. Zoomed out, one group label (the Kurils'
 * two names) stands for all of them.
 */
function disputed(layer: ScenarioLayer): LayerSpecification[] {
  const source = layer.id;
  const isDisputed: ExpressionSpecification = ['==', ['get', 'disputed'], true];
  const group = layer.style.groupLabel;
  const specs: LayerSpecification[] = [
    { id: `${layer.id}-outline`, type: 'line', source, filter: shape(['!', isDisputed]), paint: { 'line-color': colorOf(layer), 'line-width': 1.2 } },
    {
      id: `${layer.id}-disputed-fill`,
      type: 'fill',
      source,
      filter: shape(isDisputed, isArea),
      paint: { 'fill-color': colorOf(layer), 'fill-opacity': byInteraction(0.22, 0.32, 0.4), 'fill-antialias': false },
    },
    {
      id: `${layer.id}-disputed-outline`,
      type: 'line',
      source,
      filter: shape(isDisputed),
      paint: { 'line-color': colorOf(layer), 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
    },
    {
      id: `${layer.id}-disputed-labels`,
      type: 'symbol',
      source,
      filter: ['all', isDrawn, isDisputed, isLabelAnchor],
      ...(group?.maxZoom === undefined ? {} : { minzoom: group.maxZoom }),
      layout: {
        'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
        'text-font': fonts.italic,
        'text-size': 11,
        'text-max-width': 9,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.8,
      },
      paint: { 'text-color': colorOf(layer), ...halo },
    },
  ];
  if (group) {
    specs.push({
      id: `${layer.id}-group-label`,
      type: 'symbol',
      source,
      // One label, at one feature's anchor (a multipolygon would get one per part).
      filter: ['all', ['==', ['get', 'id'], group.featureId], isLabelAnchor],
      ...(group.maxZoom === undefined ? {} : { maxzoom: group.maxZoom }),
      layout: { 'text-field': group.text, 'text-font': fonts.italic, 'text-size': 11, 'text-anchor': 'left', 'text-offset': [1.2, 0] },
      paint: { 'text-color': layer.style.color, ...halo },
    });
  }
  return specs;
}

const KINDS = { zones, routes, places, disputed } as const;
/** The style layer that answers clicks, per kind. */
const INTERACTIVE = { zones: 'fill', routes: 'line', places: 'points', disputed: 'disputed-fill' } as const;
/** How each kind follows the timeline (drawnAt in geography-time.ts); disputed areas do not. */
const TIME_RULE = { zones: 'validity', routes: 'happened', places: 'validity', disputed: undefined } as const;

/** The map layer of one scenario layer; null for reference layers (used for measurement, not drawn). */
export function layerModuleFor(layer: ScenarioLayer): LayerModule | null {
  const kind = layer.style.kind;
  if (kind === 'reference') return null;
  return {
    id: layer.id,
    title: layer.title,
    source: layer.source,
    toggleable: true,
    legend: layer.legend ?? null,
    geographyLayer: layer.id,
    ...(TIME_RULE[kind] ? { geographyTimeRule: TIME_RULE[kind] } : {}),
    sources: { [layer.id]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' } },
    layers: KINDS[kind](layer),
    interactiveLayerIds: [`${layer.id}-${INTERACTIVE[kind]}`],
  };
}
