// Loads the scenario's files (same origin, shipped in public/geo), validates each at the
// boundary and hands the store only normalised, valid data, or the located issues.
import { normaliseEvents } from './events';
import { computeFacts } from './facts';
import type { GeographyFeature } from './schemas';
import { timeExtent } from './selectors';
import type { TripwireStore } from './store';
import { validateEventCollection, validateGeographyCollection, type ValidationIssue } from './validate';

/** Geography files in public/geo; `reference` holds outlines used for measurement, not drawn. */
export const GEOGRAPHY_FILES = ['adiz', 'places', 'rason', 'kurils', 'tracks', 'reference'] as const;
export type GeographyFile = (typeof GEOGRAPHY_FILES)[number];

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

export async function loadScenario(store: TripwireStore): Promise<void> {
  const issues: ValidationIssue[] = [];
  const geography: Record<string, GeographyFeature[]> = {};
  try {
    const [eventsJson, ...geographyJson] = await Promise.all([
      fetchJson('geo/events.geojson'),
      ...GEOGRAPHY_FILES.map((file) => fetchJson(`geo/${file}.geojson`)),
    ]);
    GEOGRAPHY_FILES.forEach((file, index) => {
      const result = validateGeographyCollection(geographyJson[index], `${file}.geojson`);
      if (result.ok) geography[file] = result.value;
      else issues.push(...result.issues);
    });
    const eventsResult = validateEventCollection(eventsJson);
    if (!eventsResult.ok) issues.push(...eventsResult.issues.map((issue) => ({ ...issue, location: `events.geojson › ${issue.location}` })));
    if (issues.length > 0 || !eventsResult.ok) {
      store.getState().setLoadFailed(issues);
      return;
    }
    const events = normaliseEvents(eventsResult.value.events);
    const article = eventsResult.value.article;
    store.getState().setLoaded({ events, article, geography, facts: computeFacts(geography) });
    // Open "as of" the article: the state of the world its reader saw.
    store.getState().setTime(timeExtent(events, article?.publishedDate ?? null)[1]);
  } catch (error) {
    store.getState().setLoadFailed([{ location: '(loading)', message: error instanceof Error ? error.message : String(error) }]);
  }
}
