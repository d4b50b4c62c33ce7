// Zod schemas for what enters the app: events files (ours and analysts'), and the event and geography features a scenario document is made of (scenario/scenario-schema.ts).
import { z } from './zod';
import { STATUSES } from './vocabulary';
import { parseIsoPartialDate } from './dates';

export const finite = z.number().refine(Number.isFinite, 'must be a finite number');
export const positionSchema = z.tuple([
  finite.refine((lon) => lon >= -180 && lon <= 180, 'longitude must be within −180…180'),
  finite.refine((lat) => lat >= -90 && lat <= 90, 'latitude must be within −90…90'),
]);

const ring = z.array(positionSchema).min(4, 'a ring needs at least 4 positions');
export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema });
export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(positionSchema).min(2, 'a line needs at least 2 positions'),
});
const geometrySchema = z.discriminatedUnion('type', [
  pointSchema,
  lineStringSchema,
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(positionSchema).min(2)) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const partialDate = z
  .string()
  .refine((text) => parseIsoPartialDate(text) !== null, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD');
export const fullDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').pipe(partialDate);

export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const kebabId = text(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, hyphens)');
export const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

export const factCheckSchema = z.strictObject({
  note: text(2000),
  recordDate: partialDate.optional(),
  sourceTitle: text(300),
  sourceUrl: httpUrl,
});

// Categories and actors outside the vocabulary are allowed (and flagged by validate.ts): an
// analyst's own file may need "cyber" or "NATO"; they are drawn grey, never dropped.
const category = text(60).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. missile-test');

export const eventPropertiesSchema = z.strictObject({
  id: kebabId,
  title: text(200),
  summary: text(2000).optional(),
  date: partialDate,
  endDate: partialDate.optional(),
  /** The source's own words for the time ("last August"). */
  dateAsWritten: text(200).optional(),
  dateReasoning: text(1000).optional(),
  /** Verbatim words of the source that state the event. */
  quote: text(2000).optional(),
  speaker: text(200).optional(),
  speakerRole: text(500).optional(),
  category,
  // Long enough for ACLED's actor names ("Unidentified Armed Group (Democratic Republic of Congo)").
  actors: z.array(text(100)).default([]),
  status: z.enum(STATUSES).default('reported'),
  statusNote: text(500).optional(),
  place: text(200).optional(),
  locationNote: text(1000).optional(),
  locationApproximate: z.boolean().optional(),
  layers: z.array(text(100)).default([]),
  factCheck: factCheckSchema.optional(),
  /** Where an imported event comes from when it is not the scenario's article: a name or citation, and a link. */
  source: text(500).optional(),
  sourceUrl: httpUrl.optional(),
});

export const eventFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.discriminatedUnion('type', [pointSchema, lineStringSchema]),
  properties: eventPropertiesSchema,
});

export const articleMetadataSchema = z.object({
  title: text(300),
  publisher: text(200),
  publishedDate: fullDate,
  publishedDateReasoning: text(4000),
  url: httpUrl.optional(),
  author: text(200).optional(),
});

export const eventCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  metadata: z.looseObject({ article: articleMetadataSchema }).optional(),
  features: z.array(z.unknown()),
});

export const geographyFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: geometrySchema,
  properties: z.looseObject({
    id: kebabId,
    name: text(200),
    kind: text(60),
    source: text(2000),
    sourceUrl: httpUrl.optional(),
    notes: text(4000).optional(),
    approximate: z.boolean().optional(),
    validFrom: fullDate.optional(),
    validTo: fullDate.optional(),
    date: partialDate.optional(),
    /** Short label for the map (the name is often too long for a slide). */
    label: text(60).optional(),
    /** Where the map writes the label, chosen by hand so zone names never sit on each other. */
    labelAnchor: positionSchema.optional(),
  }),
});

export type EventProperties = z.infer<typeof eventPropertiesSchema>;
export type ArticleMetadata = z.infer<typeof articleMetadataSchema>;
export type GeographyFeature = z.infer<typeof geographyFeatureSchema>;
