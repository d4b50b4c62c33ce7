// The geography form's fields ⇄ a feature of the scenario (and, for "New layer", the layer).
// The result is checked as the whole document would be when opened, and each problem is put
// beside the field it is about, so nothing is saved that the app would later refuse to open.
import { booleanPointInPolygon } from '@turf/turf';
import { parseIsoPartialDate } from '../dates';
import type { ValidationIssue } from '../validate';
import type { LayerStyle, ScenarioFeature, ScenarioHead, ScenarioLayer } from '../scenario-schema';
import { checkHead, featureIdsOf, layerOfFeature, uniqueId, withFeature, withLayer } from './geography-edits';

/** The layer select's value for "a new layer" (never a layer id: ids are kebab-case). */
export const NEW_LAYER = 'new layer';

/** The kinds of layer a drawn shape can start; disputed and reference layers are edited, not started. */
export const DRAWABLE_KINDS = ['zones', 'routes', 'places'] as const;
export type DrawableKind = (typeof DRAWABLE_KINDS)[number];

export type ShapeType = 'Polygon' | 'LineString' | 'Point';
export type DrawnShape = GeoJSON.Polygon | GeoJSON.LineString | GeoJSON.Point;

/** What each kind of layer draws (scenario-layers.ts): a point in a zones layer would be invisible. */
export const SHAPES_OF_KIND: Record<LayerStyle['kind'], readonly ShapeType[]> = {
  zones: ['Polygon', 'LineString'],
  routes: ['LineString'],
  places: ['Point'],
  disputed: ['Polygon', 'LineString'],
  reference: [],
};

/** A feature's `kind` when the form leaves it empty. */
const KIND_WORD: Record<DrawableKind, string> = { zones: 'zone', routes: 'route', places: 'place' };
const LEGEND_SHAPE = { zones: 'fill', routes: 'line' } as const;
/** Map source and style layer ids of the app's own layers: a layer named "Events" must not take them. */
const RESERVED_LAYER_ID = /^(events?|basemap|tripwire-draw)(-|$)/;

/** The form's fields, as typed. */
export interface GeographyFormValues {
  /** An existing layer's id, or NEW_LAYER. */
  layerId: string;
  layerTitle: string;
  layerKind: DrawableKind;
  layerColor: string;
  name: string;
  label: string;
  kind: string;
  source: string;
  sourceUrl: string;
  validFrom: string;
  validTo: string;
  date: string;
  approximate: boolean;
  notes: string;
}

export type GeographyField = keyof GeographyFormValues | 'shape';
export type GeographyIssues = Partial<Record<GeographyField, string>>;

export const drawableLayers = (head: ScenarioHead): ScenarioLayer[] => head.layers.filter((layer) => (DRAWABLE_KINDS as readonly string[]).includes(layer.style.kind));

/** The fields for `feature` (being edited) or for a new feature in the scenario's first drawable layer. */
export function geographyFormValuesOf(head: ScenarioHead, feature: ScenarioFeature | null): GeographyFormValues {
  const layer = feature ? layerOfFeature(head, feature.properties.id) : drawableLayers(head)[0];
  const p = feature?.properties;
  return {
    layerId: layer?.id ?? NEW_LAYER,
    layerTitle: '',
    layerKind: 'zones',
    layerColor: '#c2410c',
    name: p?.name ?? '',
    label: p?.label ?? '',
    kind: p?.kind ?? '',
    source: p?.source ?? '',
    sourceUrl: p?.sourceUrl ?? '',
    validFrom: p?.validFrom ?? '',
    validTo: p?.validTo ?? '',
    date: p?.date ?? '',
    approximate: p?.approximate ?? false,
    notes: p?.notes ?? '',
  };
}

/** The kind of layer the form values put their feature in. */
export const formLayerKind = (head: ScenarioHead, values: GeographyFormValues): LayerStyle['kind'] =>
  values.layerId === NEW_LAYER ? values.layerKind : (head.layers.find((layer) => layer.id === values.layerId)?.style.kind ?? 'zones');

export type GeographyFormResult = { head: ScenarioHead; feature: ScenarioFeature; issues: null } | { head: null; feature: null; issues: GeographyIssues };

/**
 * The head with the form values' feature saved, or the problems by field. `shape`: the shape drawn
 * (null: keep the edited feature's). `editing`: the feature being edited (its id, layer and the
 * properties the form does not show stay), or null for a new one.
 */
export function headWithFormValues(head: ScenarioHead, values: GeographyFormValues, { shape, editing }: { shape: DrawnShape | null; editing: ScenarioFeature | null }): GeographyFormResult {
  const layerKind = formLayerKind(head, values);
  const geometry = shape ?? editing?.geometry ?? null;
  const shapeIssue = !geometry
    ? 'needed: choose a shape and draw it on the map'
    : shape && !SHAPES_OF_KIND[layerKind].includes(shape.type)
      ? `a ${layerKind} layer draws ${SHAPES_OF_KIND[layerKind].map((type) => SHAPE_WORDS[type]).join(' and ')}: draw one of those, or choose another layer`
      : null;

  let next = head;
  let layerId = values.layerId;
  if (values.layerId === NEW_LAYER) {
    const layer = newLayer(head, values);
    next = withLayer(next, layer);
    layerId = layer.id;
  }
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  const properties: Record<string, unknown> = {
    ...editing?.properties,
    id: editing?.properties.id ?? uniqueId(values.name, featureIdsOf(head)),
    name: values.name.trim(),
    kind: optional(values.kind) ?? (layerKind in KIND_WORD ? KIND_WORD[layerKind as DrawableKind] : 'area'),
    source: values.source.trim(),
    sourceUrl: optional(values.sourceUrl),
    notes: optional(values.notes),
    approximate: values.approximate || undefined,
    validFrom: optional(values.validFrom),
    validTo: optional(values.validTo),
    // Only routes appear on a day; elsewhere a date the form does not show is kept as it was.
    date: layerKind === 'routes' ? optional(values.date) : editing?.properties.date,
    label: optional(values.label),
  };
  if (shape && (layerKind === 'zones' || layerKind === 'disputed')) properties.labelAnchor = labelAnchorFor(shape, editing?.properties.labelAnchor);
  for (const key of Object.keys(properties)) if (properties[key] === undefined) delete properties[key];

  // Without a shape yet, a stand-in one lets every other field be checked in the same pass.
  const feature = { type: 'Feature', geometry: geometry ?? { type: 'Point', coordinates: [0, 0] }, properties } as ScenarioFeature;
  next = withFeature(next, layerId, feature);
  const issues = byField(checkHead(next));
  if (shapeIssue) issues.shape = shapeIssue;
  if (Object.keys(issues).length > 0) return { head: null, feature: null, issues };
  return { head: next, feature, issues: null };
}

const SHAPE_WORDS: Record<ShapeType, string> = { Polygon: 'areas', LineString: 'lines', Point: 'points' };

/** A new layer titled and coloured as the form values say; its id from its title, unlike any other layer's. */
function newLayer(head: ScenarioHead, values: GeographyFormValues): ScenarioLayer {
  const taken = new Set(head.layers.map((layer) => layer.id));
  const fromTitle = uniqueId(values.layerTitle, taken, 'layer');
  const id = RESERVED_LAYER_ID.test(fromTitle) ? uniqueId(`layer ${fromTitle}`, taken) : fromTitle;
  const color = values.layerColor;
  return {
    id,
    title: values.layerTitle.trim(),
    // The legend's and the export footer's line: where this layer's shapes come from.
    source: values.source.trim(),
    style: { kind: values.layerKind, color },
    // As the map draws them: zones filled and outlined, places white with a coloured ring.
    legend:
      values.layerKind === 'places' ? { shape: 'point', color: '#ffffff', outline: color } : { shape: LEGEND_SHAPE[values.layerKind], color, ...(values.layerKind === 'zones' ? { outline: color } : {}) },
    features: [],
  };
}

/** The feature properties the form shows, each its own field. */
const PROPERTY_FIELDS = new Set<string>(['name', 'label', 'kind', 'source', 'sourceUrl', 'validFrom', 'validTo', 'date', 'approximate', 'notes']);

/** "layers[2].features[0].properties.validTo", "layers[2] (id "x") › features[0] › properties.id" → the field. */
function byField(issues: readonly ValidationIssue[]): GeographyIssues {
  const fields: GeographyIssues = {};
  for (const { location, message } of issues) {
    const property = /properties\.(\w+)/.exec(location)?.[1];
    const layerField = /^layers\[\d+\](?:\.| › )(title|source|id|style)/.exec(location)?.[1];
    let field: GeographyField;
    if (property) field = property === 'id' ? 'name' : PROPERTY_FIELDS.has(property) ? (property as GeographyField) : 'name';
    else if (/features\[\d+\](\.| › )geometry/.test(location)) field = 'shape';
    else if (layerField) field = layerField === 'source' ? 'source' : layerField === 'style' ? 'layerColor' : 'layerTitle';
    else field = 'name';
    // A duplicate id is about the name it was made from, said in words the analyst can act on.
    fields[field] ??= message.startsWith('duplicate id') ? `${message}: choose another name` : message;
  }
  return fields;
}

/**
 * Where a zone's label goes (labels are written eastward from it): inside the shape, near its
 * west edge at mid-height; a line's at its middle vertex. An anchor still inside a reshaped zone
 * stays, as does a line's (placed by hand, it is where the analyst wants it).
 */
export function labelAnchorFor(shape: DrawnShape, previous?: [number, number]): [number, number] | undefined {
  if (shape.type === 'Point') return previous;
  if (shape.type === 'LineString') return previous ?? (shape.coordinates[Math.floor(shape.coordinates.length / 2)] as [number, number]);
  if (previous && booleanPointInPolygon(previous, shape)) return previous;
  const ring = shape.coordinates[0]!;
  const lons = ring.map(([lon]) => lon!);
  const lats = ring.map(([, lat]) => lat!);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  for (const share of [0.5, 0.3, 0.7]) {
    const lat = south + share * (north - south);
    // The westmost crossing of that latitude with the outline, a little inside.
    const crossings = ring.slice(1).flatMap(([lon, la], index) => {
      const [lon0, la0] = ring[index]!;
      if ((la0! - lat) * (la! - lat) > 0 || la0 === la) return [];
      return [lon0! + ((lat - la0!) / (la! - la0!)) * (lon! - lon0!)];
    });
    const candidate: [number, number] = [round(Math.min(...crossings) + 0.04 * (east - west)), round(lat)];
    if (crossings.length > 0 && booleanPointInPolygon(candidate, shape)) return candidate;
  }
  return ring[0] as [number, number];
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** The first day a feature is on the map: its start, its route's day, or the last day it is valid, if `day` is outside. */
export function dayShowing(feature: ScenarioFeature, day: number): number {
  const { validFrom, validTo, date } = feature.properties;
  const from = validFrom ?? date;
  const start = from ? parseIsoPartialDate(from)!.start : -Infinity;
  const end = validTo ? parseIsoPartialDate(validTo)!.end : Infinity;
  return day < start ? start : day > end ? end : day;
}

/** The shape as the map can reshape it, or null: multi-part shapes and polygons with holes are edited in the file. */
export function editableShape(geometry: ScenarioFeature['geometry']): DrawnShape | null {
  if (geometry.type === 'Point' || geometry.type === 'LineString') return geometry;
  if (geometry.type === 'Polygon' && geometry.coordinates.length === 1) return geometry;
  return null;
}

/** The head with feature `featureId` reshaped (its label moved into the new shape if it fell outside), and what the checks say. */
export function headWithShape(head: ScenarioHead, featureId: string, shape: DrawnShape): { head: ScenarioHead; issues: ValidationIssue[] } {
  const layer = layerOfFeature(head, featureId);
  const feature = layer?.features.find((candidate) => candidate.properties.id === featureId);
  if (!layer || !feature) return { head, issues: [{ location: featureId, message: 'is no longer in the scenario' }] };
  const anchored = layer.style.kind === 'zones' || layer.style.kind === 'disputed';
  // A feature without a label anchor is not labelled on the map; reshaping it does not label it.
  const previous = feature.properties.labelAnchor;
  const labelAnchor = anchored && previous ? labelAnchorFor(shape, previous) : previous;
  const next = withFeature(head, layer.id, { ...feature, geometry: shape as ScenarioFeature['geometry'], properties: { ...feature.properties, ...(labelAnchor ? { labelAnchor } : {}) } });
  return { head: next, issues: checkHead(next) };
}
