// The scenario document (`.tripwire.json`): everything a situation needs: title, sources, views,
// geography layers with their presentation, measurements, event sets and events. This is the
// zod side of public/scenario.schema.json (a unit test keeps the two in step); docs/scenario-format.md
// explains it to people. Events and geography features reuse the schemas of their own files.
import { z } from './zod';
import { finite, fullDate, geographyFeatureSchema, httpUrl, kebabId, partialDate, text } from './schemas';

/** The format version this build reads and writes. */
export const SCENARIO_FORMAT_VERSION = 1;

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb');

export const scenarioSourceSchema = z.strictObject({
  id: kebabId,
  publisher: text(200),
  title: text(300),
  url: httpUrl.optional(),
  author: text(200).optional(),
  /** When the source was published, as precisely as known. */
  date: partialDate.optional(),
  /** Why that date, when the source does not print one. */
  dateReasoning: text(4000).optional(),
  /** The full text, so quotes can be checked and read in context (up to about a book chapter). */
  text: z.string().max(2_000_000, 'must be at most 2,000,000 characters').optional(),
});

const bounds = z
  .tuple([finite, finite, finite, finite])
  .refine(([west, south, east, north]) => west >= -180 && east <= 180 && south >= -90 && north <= 90, 'must lie within −180…180 and −90…90')
  .refine(([west, south, east, north]) => west < east && south < north, 'must be [west, south, east, north] with west < east and south < north');

export const scenarioViewSchema = z.strictObject({
  id: kebabId,
  title: text(60),
  bounds,
});

/**
 * How a layer is drawn. A handful of kinds cover what situations need; the details a kind
 * leaves open (colour per feature, dashes, which names the basemap already writes) are
 * properties of the features, so a new scenario needs no code.
 */
export const layerStyleSchema = z.strictObject({
  kind: z.enum(['zones', 'routes', 'places', 'disputed', 'reference']),
  /** The layer's colour; a feature's own `color` wins. */
  color: hexColor,
  /** How strongly zones are filled (0–1; default 0.1): light, so overlapping zones stay readable. */
  fillOpacity: z.number().min(0).max(1).optional(),
  /** One label for a whole group of features (the Kurils' two names), written next to one of them. */
  groupLabel: z
    .strictObject({
      text: text(200),
      featureId: kebabId,
      /** Shown below this zoom only; above it each feature is labelled on its own. */
      maxZoom: z.number().min(0).max(24).optional(),
    })
    .optional(),
});

export const legendSwatchSchema = z.strictObject({
  shape: z.enum(['fill', 'line', 'dashed-line', 'point', 'hatch']),
  color: hexColor,
  outline: hexColor.optional(),
});

/** Geography features may carry presentation of their own on top of the geography file's fields. */
export const scenarioFeatureSchema = geographyFeatureSchema.extend({
  properties: geographyFeatureSchema.shape.properties.extend({
    color: hexColor.optional(),
    dash: z.enum(['solid', 'dashed', 'dotted']).optional(),
    /** The basemap already names this place: it is not drawn twice (it still answers clicks in the list of places). */
    onBasemap: z.boolean().optional(),
    /** Kept for the detail panel, measurements and links, but not drawn (a group whose parts are drawn one by one). */
    hidden: z.boolean().optional(),
  }),
});

export const scenarioLayerSchema = z.strictObject({
  id: kebabId,
  title: text(200),
  /** One line for the legend and the export footer: where the shapes come from. */
  source: text(500),
  style: layerStyleSchema,
  /** The legend's swatch; absent for layers that are not in the legend (reference outlines). */
  legend: legendSwatchSchema.optional(),
  features: z.array(scenarioFeatureSchema),
});

/** Turf measurements a scenario asks for; the code that measures is general (src/data/facts.ts). */
export const measurementSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('distance'),
    /** A point feature. */
    from: kebabId,
    /** A line, or an area whose largest polygon's coast is measured to. */
    to: kebabId,
    label: text(200),
    sourceSays: text(200).optional(),
    /** The features whose detail shows the fact (default: `from`). */
    showOn: z.array(kebabId).min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('overlap'),
    zones: z.tuple([kebabId, kebabId]),
    /** Shown on each zone: [on the first, on the second]. */
    labels: z.tuple([text(200), text(200)]),
  }),
  z.strictObject({
    kind: z.literal('length-inside'),
    zone: kebabId,
    /** Every line of this layer is measured … */
    routesLayer: kebabId,
    /** … except lines of these kinds (a missile's ground track says nothing about airspace). */
    exceptKinds: z.array(text(60)).default([]),
    label: text(200),
    shareLabel: text(200),
  }),
]);

export const eventSetSchema = z.strictObject({
  id: kebabId,
  /** Short name for the switcher: "Reuters report", "incidents-2024.csv". */
  name: text(200),
  /** The source (by id) the set's quotes come from, if one source. */
  sourceId: kebabId.optional(),
  /** Imported sets are drawn with a ring, so two sets shown together stay apart. */
  imported: z.boolean().optional(),
});

export const categoryPresentationSchema = z.strictObject({
  label: text(60).optional(),
  color: hexColor.optional(),
});

/** Everything but the events: what is read first, and kept whole in memory. */
export const scenarioHeadSchema = z.strictObject({
  tripwire: z.literal(SCENARIO_FORMAT_VERSION, { error: `must be ${SCENARIO_FORMAT_VERSION} (the format version this build reads)` }),
  id: kebabId,
  title: text(200),
  subtitle: text(300).optional(),
  /** "As of": the timeline opens here, or at the last event if that is later. */
  publishedDate: fullDate.optional(),
  /** The built-in scenario: editing it makes a copy. */
  readOnly: z.boolean().optional(),
  sources: z.array(scenarioSourceSchema).default([]),
  views: z.array(scenarioViewSchema).min(1, 'needs at least one view (a name and bounds)'),
  defaultView: kebabId.optional(),
  /** A second, small map of a far-away view, shown while the main map is elsewhere. */
  insetView: kebabId.optional(),
  /** Countries the situation is about (as the basemap names them): drawn a shade darker, to pull the eye without colour. */
  focusCountries: z.array(text(100)).max(50, 'must name at most 50 countries').optional(),
  layers: z.array(scenarioLayerSchema).default([]),
  measurements: z.array(measurementSchema).default([]),
  eventSets: z.array(eventSetSchema).default([]),
  categories: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'), categoryPresentationSchema).optional(),
  /** Checked feature by feature by the event validator (so a million are checked in a worker, with progress). */
  events: z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).optional(),
});

export type ScenarioSource = z.infer<typeof scenarioSourceSchema>;
export type ScenarioView = z.infer<typeof scenarioViewSchema>;
export type ScenarioLayer = z.infer<typeof scenarioLayerSchema>;
export type LayerStyle = z.infer<typeof layerStyleSchema>;
export type Measurement = z.infer<typeof measurementSchema>;
export type EventSetInfo = z.infer<typeof eventSetSchema>;
export type ScenarioFeature = z.infer<typeof scenarioFeatureSchema>;
/** The head as the app keeps it: validated, without the events (they live in event sets). */
export type ScenarioHead = Omit<z.infer<typeof scenarioHeadSchema>, 'events'>;
