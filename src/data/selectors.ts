// Pure derived values. Every one takes plain data, so tests need no store and no map.
import { addMonths, parseIsoPartialDate, toDay } from './dates';
import type { TripwireEvent } from './events';
import type { Filters } from './slices/filters';
import type { TimeMode } from './slices/timeline';

/** The earliest day still inside the time window; -Infinity when cumulative. */
export function windowStart(time: number, mode: TimeMode, windowMonths: number): number {
  return mode === 'cumulative' ? -Infinity : addMonths(Math.floor(time), -windowMonths);
}

/** An event is "on" once its span has begun and until its span has left the window. */
export function isEventVisibleAt(event: Pick<TripwireEvent, 'start' | 'end'>, time: number, earliest: number): boolean {
  return event.start <= time && event.end >= earliest;
}

export function matchesFilters(event: TripwireEvent, filters: Filters): boolean {
  if (filters.categories.length > 0 && !filters.categories.includes(event.category)) return false;
  if (filters.actors.length > 0 && !event.actors.some((actor) => filters.actors.includes(actor))) return false;
  const needle = filters.text.trim().toLowerCase();
  if (!needle) return true;
  return [event.title, event.summary, event.quote, event.place, event.speaker, event.dateAsWritten]
    .some((field) => field?.toLowerCase().includes(needle));
}

export const hasActiveFilters = (filters: Filters) => filters.categories.length > 0 || filters.actors.length > 0 || filters.text.trim() !== '';

const sameFilters = (a: Filters, b: Filters) =>
  a === b || (a.text === b.text && a.categories.join('\u0000') === b.categories.join('\u0000') && a.actors.join('\u0000') === b.actors.join('\u0000'));
let lastFiltered: { events: readonly TripwireEvent[]; filters: Filters; result: readonly TripwireEvent[] } | null = null;

/**
 * The events that pass the filters, in their order (the same array when no filter is set). The
 * last answer is kept: one filter change is read by each map and by the list, and a text search
 * over 100,000 events is worth doing once.
 */
export function filteredEvents(events: readonly TripwireEvent[], filters: Filters): readonly TripwireEvent[] {
  if (!hasActiveFilters(filters)) return events;
  if (lastFiltered && lastFiltered.events === events && sameFilters(lastFiltered.filters, filters)) return lastFiltered.result;
  const result = events.filter((event) => matchesFilters(event, filters));
  lastFiltered = { events, filters, result };
  return result;
}

export function visibleEvents(
  events: readonly TripwireEvent[],
  { time, mode, windowMonths, filters }: { time: number; mode: TimeMode; windowMonths: number; filters: Filters },
): TripwireEvent[] {
  const earliest = windowStart(time, mode, windowMonths);
  return events.filter((event) => isEventVisibleAt(event, time, earliest) && matchesFilters(event, filters));
}

/** The first event starting after `time` (events are sorted by start). */
export function nextEvent(events: readonly TripwireEvent[], time: number): TripwireEvent | null {
  return events.find((event) => event.start > Math.floor(time)) ?? null;
}

/** The last event starting before `time`. */
export function previousEvent(events: readonly TripwireEvent[], time: number): TripwireEvent | null {
  const day = Math.floor(time);
  return events.findLast((event) => event.start < day) ?? null;
}

/** Event counts by calendar year, for the slider's density strip. */
export function eventsPerYear(events: readonly TripwireEvent[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const event of events) {
    const year = new Date(event.start * 86_400_000).getUTCFullYear();
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

/** The timeline's extent: 1 Jan of the first event's year to the article's date (or the last start). */
export function timeExtent(events: readonly TripwireEvent[], publishedDate: string | null): [number, number] {
  if (events.length === 0) return [toDay(2000, 1, 1), toDay(2023, 12, 31)];
  const firstYear = new Date(events[0]!.start * 86_400_000).getUTCFullYear();
  const lastStart = events[events.length - 1]!.start;
  const published = publishedDate ? parseIsoPartialDate(publishedDate)?.start : undefined;
  return [toDay(firstYear, 1, 1), Math.max(lastStart, published ?? -Infinity)];
}

/** The selected event; with nothing selected it answers at once (a million events are not searched on every store change). */
export function selectedEvent(state: { events: readonly TripwireEvent[]; selectedEventId: string | null }): TripwireEvent | null {
  const id = state.selectedEventId;
  return id === null ? null : (state.events.find((event) => event.id === id) ?? null);
}
