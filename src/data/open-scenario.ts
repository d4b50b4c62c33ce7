// A scenario document, checked whole: the head against its schema, the references between its
// parts (views, features, event sets), then every event with the same checks as an import. Any
// issue refuses the whole document, each one located, so a broken file changes nothing.
import { normaliseEvents, type TripwireEvent } from './events';
import { MAX_IMPORT_EVENTS, formatCount } from './limits';
import { citationOf, type EventSet } from './event-sets';
import type { GeographyFeature } from './schemas';
import { checkEventSet, issuesOf, validateEventFeature, type RawEvent, type Validated, type ValidationIssue } from './validate';
import { scenarioHeadSchema, type EventSetInfo, type ScenarioHead } from './scenario-schema';

export interface OpenedScenario {
  head: ScenarioHead;
  eventSets: EventSet[];
}

/** The set an event belongs to when its document declares none: named after the scenario. */
const DEFAULT_EVENT_SET_ID = 'events';

/** Geography by layer id, as the map and the measurements want it. */
export const geographyOf = (head: Pick<ScenarioHead, 'layers'>): Record<string, GeographyFeature[]> =>
  Object.fromEntries(head.layers.map((layer) => [layer.id, layer.features]));

/** What the schema cannot see: ids unique, references between views, features, layers and sources resolved. */
export function referenceIssues(head: ScenarioHead): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const unique = (ids: string[], where: string) =>
    ids.forEach((id, index) => {
      const first = ids.indexOf(id);
      if (first < index) issues.push({ location: `${where}[${index}].id`, message: `duplicate id "${id}" (first used by ${where}[${first}])` });
    });
  unique(head.views.map((view) => view.id), 'views');
  unique(head.sources.map((source) => source.id), 'sources');
  unique(head.layers.map((layer) => layer.id), 'layers');
  unique(head.eventSets.map((set) => set.id), 'eventSets');
  const viewIds = new Set(head.views.map((view) => view.id));
  for (const key of ['defaultView', 'insetView'] as const) {
    const id = head[key];
    if (id && !viewIds.has(id)) issues.push({ location: key, message: `names no view ("${id}"; views: ${[...viewIds].join(', ')})` });
  }
  // Feature ids are unique across layers: selection, links and measurements name a feature by id alone.
  const featureIds = new Map<string, string>();
  head.layers.forEach((layer, layerIndex) => {
    layer.features.forEach(({ properties }, featureIndex) => {
      const where = `layers[${layerIndex}] (id "${layer.id}") › features[${featureIndex}]`;
      const first = featureIds.get(properties.id);
      if (first) issues.push({ location: `${where} › properties.id`, message: `duplicate id "${properties.id}" (first used in ${first})` });
      else featureIds.set(properties.id, where);
      if (properties.validFrom && properties.validTo && properties.validTo < properties.validFrom) {
        issues.push({ location: `${where} › properties.validTo`, message: `ends (${properties.validTo}) before it starts (${properties.validFrom})` });
      }
    });
    const group = layer.style.groupLabel;
    if (group && !layer.features.some((feature) => feature.properties.id === group.featureId)) {
      issues.push({ location: `layers[${layerIndex}] (id "${layer.id}") › style.groupLabel.featureId`, message: `names no feature of this layer ("${group.featureId}")` });
    }
  });
  const layerIds = new Set(head.layers.map((layer) => layer.id));
  head.measurements.forEach((measurement, index) => {
    const named =
      measurement.kind === 'distance'
        ? [measurement.from, measurement.to, ...(measurement.showOn ?? [])]
        : measurement.kind === 'overlap'
          ? measurement.zones
          : [measurement.zone];
    for (const id of named.filter((featureId) => !featureIds.has(featureId))) issues.push({ location: `measurements[${index}]`, message: `names no feature ("${id}")` });
    if (measurement.kind === 'length-inside' && !layerIds.has(measurement.routesLayer)) {
      issues.push({ location: `measurements[${index}] › routesLayer`, message: `names no layer ("${measurement.routesLayer}")` });
    }
  });
  const sourceIds = new Set(head.sources.map((source) => source.id));
  head.eventSets.forEach((set, index) => {
    if (set.sourceId && !sourceIds.has(set.sourceId)) issues.push({ location: `eventSets[${index}] › sourceId`, message: `names no source ("${set.sourceId}")` });
  });
  return issues;
}

/** A declared set with its events, credited to its source (or, for an import, its file). */
export function eventSetOf(head: Pick<ScenarioHead, 'sources' | 'title'>, set: EventSetInfo, events: TripwireEvent[]): EventSet {
  const source = set.sourceId ? head.sources.find((candidate) => candidate.id === set.sourceId) : undefined;
  const imported = set.imported === true;
  return {
    id: set.id,
    name: set.name,
    imported,
    ...(source ? { sourceId: source.id } : {}),
    citation: source ? citationOf(source) : imported ? `Imported from ${set.name}` : head.title,
    article: null,
    events,
  };
}

/** The sets as the document declares them: what Save writes and the library keeps. */
export const declaredEventSets = (eventSets: readonly EventSet[]): EventSetInfo[] =>
  eventSets.map(({ id, name, sourceId, imported }) => ({ id, name, ...(sourceId ? { sourceId } : {}), ...(imported ? { imported } : {}) }));

const featureWhere = (index: number, feature: unknown) => {
  const id = (feature as { properties?: { id?: unknown } } | null)?.properties?.id;
  return typeof id === 'string' ? `events › features[${index}] (id "${id.slice(0, 80)}")` : `events › features[${index}]`;
};

/**
 * Checks a document. `features` are its events (read separately from a large file); when absent
 * they are taken from `json.events.features`. `onProgress` hears the share of events checked.
 */
export function openScenario(json: unknown, features?: readonly unknown[], onProgress?: (fraction: number) => void): Validated<OpenedScenario> {
  const parsed = scenarioHeadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error, '') };
  const { events: inline, ...head } = parsed.data;
  const issues = referenceIssues(head);
  const eventFeatures = features ?? inline?.features ?? [];
  if (eventFeatures.length > MAX_IMPORT_EVENTS) {
    return { ok: false, issues: [{ location: 'events', message: `holds ${formatCount(eventFeatures.length)} events; a scenario may hold at most ${formatCount(MAX_IMPORT_EVENTS)}` }] };
  }

  const declared: EventSetInfo[] = head.eventSets.length > 0 ? head.eventSets : [{ id: DEFAULT_EVENT_SET_ID, name: head.title }];
  const rawBySet = new Map<string, RawEvent[]>(declared.map((set) => [set.id, []]));
  const all: RawEvent[] = [];
  eventFeatures.forEach((feature, index) => {
    if (onProgress && index % 20_000 === 0) onProgress(index / eventFeatures.length);
    // `eventSet` belongs to the document, not to the event: it is taken off before the event's own checks.
    const { eventSet, ...properties } = ((feature as { properties?: unknown } | null)?.properties ?? {}) as { eventSet?: unknown };
    const setId = eventSet ?? declared[0]!.id;
    if (typeof setId !== 'string' || !rawBySet.has(setId)) {
      issues.push({ location: `${featureWhere(index, feature)} › properties.eventSet`, message: `names no event set ("${String(setId).slice(0, 80)}"; declared: ${[...rawBySet.keys()].join(', ')})` });
      return;
    }
    const checked = validateEventFeature({ ...(feature as object), properties }, index);
    issues.push(...checked.issues.map((issue) => ({ ...issue, location: `events › ${issue.location}` })));
    if (!checked.event) return;
    rawBySet.get(setId)!.push(checked.event);
    all.push(checked.event);
  });
  // Ids are unique across the whole scenario: its sets can be shown together.
  issues.push(...checkEventSet(all).issues.map((issue) => ({ ...issue, location: `events › ${issue.location}` })));
  if (issues.length > 0) return { ok: false, issues };

  const eventSets = declared.map((set) => eventSetOf(head, set, normaliseEvents(rawBySet.get(set.id)!, set.id)));
  // A category the scenario declares (its `categories`) is its own, not unknown.
  const declaredCategories = Object.keys(head.categories ?? {});
  const warnings = checkEventSet(all).warnings.filter((issue) => !declaredCategories.some((category) => issue.message.startsWith(`unknown category "${category}"`)));
  return { ok: true, value: { head, eventSets }, warnings: warnings.map((issue) => ({ ...issue, location: `events › ${issue.location}` })) };
}

/** The head with the sets as they are now (imports included): what a document or a storage keeps. */
export const documentHead = (head: ScenarioHead, eventSets: readonly EventSet[]): ScenarioHead => ({ ...head, eventSets: declaredEventSets(eventSets) });
