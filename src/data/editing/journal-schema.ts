// The journal entry a client sends to the team server, checked with the schemas files are checked
// with: an edit's records are events (the event format's properties plus what the app adds) or the
// parts of a scenario's head (head-records.ts). A record that fails is refused with where it failed.
import { z } from 'zod';
import { eventPropertiesSchema, kebabId, lineStringSchema, pointSchema } from '../schemas';
import { scenarioFeatureSchema, scenarioHeadSchema, scenarioLayerSchema, scenarioViewSchema } from '../scenario-schema';
import { DATE_PRECISIONS } from '../dates';

const day = z.number().int().min(-10_000_000).max(10_000_000);

export const eventRecordSchema = eventPropertiesSchema.extend({
  key: z.number().int().min(0),
  eventSetId: kebabId,
  geometry: z.discriminatedUnion('type', [pointSchema, lineStringSchema]),
  start: day,
  end: day,
  precision: z.enum(DATE_PRECISIONS),
});

const headRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: z.literal('(details)'),
    kind: z.literal('details'),
    details: scenarioHeadSchema.omit({ views: true, layers: true, events: true }),
    viewIds: z.array(kebabId).max(1000),
    layerIds: z.array(kebabId).max(1000),
  }),
  z.strictObject({ id: z.string().regex(/^\(view\)/), kind: z.literal('view'), view: scenarioViewSchema }),
  z.strictObject({ id: z.string().regex(/^\(layer\)/), kind: z.literal('layer'), layer: scenarioLayerSchema.omit({ features: true }), featureIds: z.array(z.string().max(200)).max(100_000) }),
  z.strictObject({ id: z.string().regex(/^\(feature\)/), kind: z.literal('feature'), layerId: kebabId, feature: scenarioFeatureSchema }),
]);

/** A record of an edit: a head record when it has a `kind`, an event otherwise. */
const recordSchema = z.union([headRecordSchema, eventRecordSchema]).nullable();

export const journalEntrySchema = z.strictObject({
  /** Made by the client (a UUID): a resent entry is recognised, not applied twice. */
  id: z.uuid(),
  step: z.enum(['do', 'undo', 'redo']),
  edits: z
    .array(z.strictObject({ before: recordSchema, after: recordSchema, index: z.number().int().min(0).optional() }))
    .min(1)
    .max(10_000)
    .refine((edits) => edits.every(({ before, after }) => before !== null || after !== null), 'an edit needs a record before or after')
    .refine((edits) => edits.every(({ before, after }) => !before || !after || before.id === after.id), 'an edit changes one record: its before and after must have the same id'),
  madeAt: z.iso.datetime({ offset: true }),
  /** The last journal place the client had applied when the edit was made (see edit-journal.ts). */
  baseSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const journalPostSchema = z.strictObject({ entries: z.array(journalEntrySchema).min(1).max(500) });

export type JournalEntryInput = z.infer<typeof journalEntrySchema>;
