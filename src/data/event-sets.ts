// An event set is one group of events inside the open scenario, with its provenance: the events
// the scenario came with (the article's), or a file an analyst imported. Several can be shown at
// once; their events are merged for the map and the list.
import { formatDay, parseIsoPartialDate } from './dates';
import type { TripwireEvent } from './events';
import type { ArticleMetadata } from './schemas';

export interface EventSet {
  id: string;
  /** Short name for the switcher: "Reuters report", "incidents-2024.csv". */
  name: string;
  /** How quotes and captions credit the source: "Reuters, October 2023". */
  citation: string;
  /** Imported sets are drawn with a dark ring and can be removed from the scenario. */
  imported: boolean;
  /** The scenario source (by id) the set's quotes come from, if one. */
  sourceId?: string;
  /** An events file's own metadata, written back when the set is exported as a file. */
  article: ArticleMetadata | null;
  events: TripwireEvent[];
}

/** "Reuters, October 2023": a publisher and the month it published. */
export function citationOf(source: { publisher: string; date?: string | undefined }): string {
  const span = source.date ? parseIsoPartialDate(source.date) : null;
  if (!span) return source.publisher;
  return `${source.publisher}, ${formatDay(span.start, span.precision === 'year' ? 'year' : 'month', 'long')}`;
}

function citationFor(article: ArticleMetadata | null, fileName: string | null): string {
  if (article) return citationOf({ publisher: article.publisher, date: article.publishedDate });
  return `Imported from ${fileName ?? 'a file'}`;
}

/** An imported file's event set, from events the import worker has already normalised. */
export const importedEventSet = (id: string, name: string, events: TripwireEvent[], article: ArticleMetadata | null = null): EventSet => ({
  id,
  name,
  imported: true,
  article,
  citation: citationFor(article, name),
  events,
});

/** The events of the shown event sets, in time order. */
export function mergeEvents(eventSets: readonly EventSet[], activeIds: readonly string[]): TripwireEvent[] {
  const active = eventSets.filter((set) => activeIds.includes(set.id));
  if (active.length === 1) return active[0]!.events;
  return active.flatMap((set) => set.events).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The id an imported file's set gets: "import-incidents-2024-csv". */
export const eventSetIdFor = (name: string) => `import-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'file'}`;
