// Loads the scenario's files (same origin, shipped in public/geo), validates each at the
// boundary and hands the store only normalised, valid data, or the located issues.
import { ARTICLE_SCENARIO_ID, makeScenario } from './scenarios';
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

const DEFAULT_EVENTS_PATH = 'geo/events.geojson';

/**
 * `?events=path.geojson` loads another events file from the same origin (the briefing CLI uses
 * it for fixtures). Anything that could leave the origin is refused, with the reason.
 */
export function eventsPathFrom(search: string, origin: string): { path: string; refused?: string } {
  const requested = new URLSearchParams(search).get('events');
  if (!requested) return { path: DEFAULT_EVENTS_PATH };
  const looksLocal = /^[\w\-./]+\.((geo)?json|csv)$/i.test(requested) && !requested.includes('..') && !requested.startsWith('/');
  if (!looksLocal || new URL(requested, `${origin}/`).origin !== origin) {
    return { path: DEFAULT_EVENTS_PATH, refused: `events=${requested.slice(0, 80)}: only a .geojson, .json or .csv file on this site can be loaded` };
  }
  return { path: requested };
}

/**
 * The built-in events are validated as they are; another file (`?events=`, the briefing CLI's
 * --events) goes through the import code, so a CSV or another header works as in the app (with
 * the detected column mapping). That code is loaded only then: the first frame does not need it.
 */
async function loadEvents(path: string) {
  if (path === DEFAULT_EVENTS_PATH) return validateEventCollection(await fetchJson(path));
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const { parseEventsFile } = await import('./import/parse-events-file');
  const result = parseEventsFile({ name: path, bytes: new Uint8Array(await response.arrayBuffer()) });
  return result.ok ? { ok: true as const, value: { events: result.events, article: result.article } } : result;
}

export async function loadScenario(store: TripwireStore): Promise<void> {
  const events = eventsPathFrom(window.location.search, window.location.origin);
  if (events.refused) store.getState().addNotice(events.refused);
  const issues: ValidationIssue[] = [];
  const geography: Record<string, GeographyFeature[]> = {};
  try {
    const [eventsResult, ...geographyJson] = await Promise.all([
      loadEvents(events.path),
      ...GEOGRAPHY_FILES.map((file) => fetchJson(`geo/${file}.geojson`)),
    ]);
    GEOGRAPHY_FILES.forEach((file, index) => {
      const result = validateGeographyCollection(geographyJson[index], `${file}.geojson`);
      if (result.ok) geography[file] = result.value;
      else issues.push(...result.issues);
    });
    if (!eventsResult.ok) issues.push(...eventsResult.issues.map((issue) => ({ ...issue, location: `${events.path} › ${issue.location}` })));
    if (issues.length > 0 || !eventsResult.ok) {
      store.getState().setLoadFailed(issues);
      return;
    }
    const { article } = eventsResult.value;
    const scenario = makeScenario({ id: ARTICLE_SCENARIO_ID, kind: 'article', name: article ? `${article.publisher} article` : events.path }, eventsResult.value.events, article);
    store.getState().setLoaded({ article: scenario, geography, facts: computeFacts(geography) });
    // Open "as of" the article: the state of the world its reader saw.
    store.getState().setTime(timeExtent(scenario.events, article?.publishedDate ?? null)[1]);
  } catch (error) {
    store.getState().setLoadFailed([{ location: '(loading)', message: error instanceof Error ? error.message : String(error) }]);
  }
}
