// The one gate for untrusted data: every issue names its place (feature index, id, field) and a
// file with any error yields no data at all, so a bad file changes nothing.
import type { z } from 'zod';
import { eventCollectionSchema, eventFeatureSchema } from './schemas';
import type { ArticleMetadata, EventProperties } from './schemas';
import { parseIsoPartialDate } from './dates';
import { CATEGORIES, isKnownActor, isKnownCategory } from './vocabulary';

export interface ValidationIssue {
  /** Where: "features[3] (id "vladivostok-summit-2019") › properties.date". */
  location: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T; warnings: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

export interface RawEvent {
  index: number;
  geometry: GeoJSON.Point | GeoJSON.LineString;
  properties: EventProperties;
}

export const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );

export function issuesOf(error: z.ZodError, prefix: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    location: [prefix, pathText(issue.path)].filter(Boolean).join(' › ') || '(file)',
    message: issue.message,
  }));
}

const featureLabel = (index: number, feature: unknown) => {
  const id = (feature as { properties?: { id?: unknown } } | null)?.properties?.id;
  return typeof id === 'string' ? `features[${index}] (id "${id.slice(0, 80)}")` : `features[${index}]`;
};

export function duplicateIdIssues(ids: { id: string; index: number }[]): ValidationIssue[] {
  const firstSeen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  for (const { id, index } of ids) {
    const first = firstSeen.get(id);
    if (first === undefined) firstSeen.set(id, index);
    else issues.push({ location: `features[${index}] › properties.id`, message: `duplicate id "${id}" (first used by features[${first}])` });
  }
  return issues;
}

/** Categories and actors outside our vocabulary are kept, drawn grey, and reported. */
function vocabularyWarnings(events: RawEvent[]): ValidationIssue[] {
  return events.flatMap(({ index, properties }) => {
    const where = `features[${index}] (id "${properties.id}")`;
    const warnings: ValidationIssue[] = [];
    if (!isKnownCategory(properties.category)) {
      warnings.push({ location: `${where} › properties.category`, message: `unknown category "${properties.category}": kept, drawn grey (known: ${CATEGORIES.join(', ')})` });
    }
    for (const actor of properties.actors.filter((name) => !isKnownActor(name))) {
      warnings.push({ location: `${where} › properties.actors`, message: `unknown actor "${actor}": kept as written` });
    }
    return warnings;
  });
}

/** One event feature: the event, or its located issues; an end before the start is an issue too. */
export function validateEventFeature(feature: unknown, index: number): { event: RawEvent | null; issues: ValidationIssue[] } {
  const parsed = eventFeatureSchema.safeParse(feature);
  if (!parsed.success) return { event: null, issues: issuesOf(parsed.error, featureLabel(index, feature)) };
  const { date, endDate } = parsed.data.properties;
  const issues: ValidationIssue[] = [];
  if (endDate !== undefined && parseIsoPartialDate(endDate)!.end < parseIsoPartialDate(date)!.start) {
    issues.push({ location: `${featureLabel(index, feature)} › properties.endDate`, message: `ends (${endDate}) before it starts (${date})` });
  }
  return { event: { index, geometry: parsed.data.geometry, properties: parsed.data.properties }, issues };
}

/** What only the whole set shows: repeated ids (issues), words outside the vocabulary (warnings). */
export function checkEventSet(events: RawEvent[]): { issues: ValidationIssue[]; warnings: ValidationIssue[] } {
  return { issues: duplicateIdIssues(events.map((event) => ({ id: event.properties.id, index: event.index }))), warnings: vocabularyWarnings(events) };
}

/** Checks an events FeatureCollection; all issues at once, located. `onProgress` hears the share checked (a million events take seconds). */
export function validateEventCollection(json: unknown, onProgress?: (fraction: number) => void): Validated<{ events: RawEvent[]; article: ArticleMetadata | null }> {
  const collection = eventCollectionSchema.safeParse(json);
  if (!collection.success) return { ok: false, issues: issuesOf(collection.error, '') };
  const issues: ValidationIssue[] = [];
  const events: RawEvent[] = [];
  const { features } = collection.data;
  features.forEach((feature, index) => {
    if (onProgress && index % 20_000 === 0) onProgress(index / features.length);
    const checked = validateEventFeature(feature, index);
    issues.push(...checked.issues);
    if (checked.event) events.push(checked.event);
  });
  const set = checkEventSet(events);
  issues.push(...set.issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { events, article: collection.data.metadata?.article ?? null }, warnings: set.warnings };
}
