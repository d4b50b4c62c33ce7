// What a screen reader hears about the map and the timeline: pure text from the store's data.
// Events are sorted by start, so the ones in a span of days are found by binary search; a
// description never builds a list as long as the scenario (a million events stay cheap).
import { formatDay } from '../../data/dates';
import type { TripwireEvent } from '../../data/events';
import { hasActiveFilters, matchesFilters, windowStart } from '../../data/selectors';
import type { Filters } from '../../data/slices/filters';
import type { TimeMode } from '../../data/slices/timeline';
import { categoryLabel } from '../../data/vocabulary';

/** The element that describes the map canvas (aria-describedby). */
export const MAP_SUMMARY_ID = 'map-summary';

/** How many event titles a sentence names before it says "and N more". */
export const TITLES_NAMED = 3;
/** How many of the latest events the map summary lists. */
export const LATEST_LISTED = 5;

export interface TimeView {
  time: number;
  mode: TimeMode;
  windowMonths: number;
  filters: Filters;
}

/** The index of the first event that starts after `day` (events sorted by start). */
export function firstStartingAfter(events: readonly TripwireEvent[], day: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.start <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

function namedTitles(titles: string[], total: number): string {
  const more = total - titles.length;
  return titles.join('; ') + (more > 0 ? `; and ${more.toLocaleString('en-GB')} more` : '');
}

/**
 * What changed between two moments: the events that began after `from` up to `to` (moving
 * forward), or how many went out of sight (moving back). Counts only what the filters let through;
 * the titles named are the latest few.
 */
export function describeTimeChange(events: readonly TripwireEvent[], filters: Filters, from: number, to: number): string {
  const forward = to >= from;
  const lo = firstStartingAfter(events, Math.floor(Math.min(from, to)));
  const hi = firstStartingAfter(events, Math.floor(Math.max(from, to)));
  const filtering = hasActiveFilters(filters);
  let count = 0;
  const titles: string[] = [];
  // Newest first, so the few titles named are the ones just reached.
  for (let i = hi - 1; i >= lo; i--) {
    const event = events[i]!;
    if (filtering && !matchesFilters(event, filters)) continue;
    count++;
    if (forward && titles.length < TITLES_NAMED) titles.push(event.title);
  }
  if (count === 0) return forward ? 'No new events.' : 'No events removed.';
  if (!forward) return `${plural(count, 'event')} no longer shown.`;
  return `${plural(count, 'new event')}: ${namedTitles(titles.reverse(), count)}.`;
}

export interface MapDescription {
  shown: number;
  byCategory: { label: string; count: number }[];
  latest: TripwireEvent[];
}

/** What the map shows at a moment: how many events, by category, and the latest few. */
export function describeMap(events: readonly TripwireEvent[], { time, mode, windowMonths, filters }: TimeView): MapDescription {
  const end = firstStartingAfter(events, Math.floor(time));
  const earliest = windowStart(time, mode, windowMonths);
  const filtering = hasActiveFilters(filters);
  const counts = new Map<string, number>();
  const latest: TripwireEvent[] = [];
  let shown = 0;
  for (let i = end - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.end < earliest || (filtering && !matchesFilters(event, filters))) continue;
    shown++;
    counts.set(event.category, (counts.get(event.category) ?? 0) + 1);
    if (latest.length < LATEST_LISTED) latest.push(event);
  }
  const byCategory = [...counts].map(([category, count]) => ({ label: categoryLabel(category), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { shown, byCategory, latest };
}

/** The description as one sentence (the map canvas's text alternative reads the same facts). */
export function mapDescriptionSentence({ shown, byCategory }: MapDescription, time: number): string {
  const date = formatDay(Math.floor(time), 'day', 'long');
  if (shown === 0) return `As of ${date}, the map shows no events.`;
  return `As of ${date}, the map shows ${plural(shown, 'event')} (${byCategory.map(({ label, count }) => `${label.toLowerCase()}: ${count.toLocaleString('en-GB')}`).join(', ')}).`;
}
