// A scenario is one set of events with its provenance: the article, or a file an analyst
// imported. Several can be shown at once; their events are merged for the map and the list.
import { formatDay } from './dates';
import { normaliseEvents, type TripwireEvent } from './events';
import type { ArticleMetadata } from './schemas';
import type { RawEvent } from './validate';

export const ARTICLE_SCENARIO_ID = 'article';

export interface Scenario {
  id: string;
  kind: 'article' | 'import';
  /** Short name for the switcher: "Newsweek article", "incidents-2024.csv". */
  name: string;
  /** How quotes and captions credit the source: "Newsweek, January 2023". */
  citation: string;
  article: ArticleMetadata | null;
  events: TripwireEvent[];
}

export function citationFor(article: ArticleMetadata | null, fileName: string | null): string {
  if (article) return `${article.publisher}, ${formatDay(Date.parse(article.publishedDate) / 86_400_000, 'month', 'long')}`;
  return `Imported from ${fileName ?? 'a file'}`;
}

export function makeScenario(
  { id, kind, name }: Pick<Scenario, 'id' | 'kind' | 'name'>,
  raw: RawEvent[],
  article: ArticleMetadata | null,
): Scenario {
  return { id, kind, name, article, citation: citationFor(article, kind === 'import' ? name : null), events: normaliseEvents(raw, id) };
}

/** An imported file's scenario, from events the import worker has already normalised. */
export const importedScenario = (id: string, name: string, events: TripwireEvent[]): Scenario => ({
  id,
  kind: 'import',
  name,
  article: null,
  citation: citationFor(null, name),
  events,
});

/** The events of the shown scenarios, in time order. */
export function mergeEvents(scenarios: readonly Scenario[], activeIds: readonly string[]): TripwireEvent[] {
  const active = scenarios.filter((scenario) => activeIds.includes(scenario.id));
  if (active.length === 1) return active[0]!.events;
  return active.flatMap((scenario) => scenario.events).sort((a, b) => a.start - b.start || a.end - b.end);
}
