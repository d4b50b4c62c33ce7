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

/** The fields a text search looks in. */
const searchedFields = (event: TripwireEvent) => [event.title, event.summary, event.quote, event.place, event.speaker, event.dateAsWritten];

export function matchesFilters(event: TripwireEvent, filters: Filters, searchText?: string): boolean {
  if (filters.categories.length > 0 && !filters.categories.includes(event.category)) return false;
  if (filters.actors.length > 0 && !event.actors.some((actor) => filters.actors.includes(actor))) return false;
  if (filters.statuses.length > 0 && !filters.statuses.includes(event.status)) return false;
  const needle = filters.text.trim().toLowerCase();
  if (!needle) return true;
  if (searchText !== undefined && !needle.includes(FIELD_SEPARATOR)) return searchText.includes(needle);
  return searchedFields(event).some((field) => field?.toLowerCase().includes(needle));
}

/**
 * Text search over a large event set: lower-casing six fields of 100,000 events took most of
 * half a second here, in one task. Each event's searched fields, lower-cased once and joined
 * (a separator no search contains keeps matches within one field), are kept per event array and
 * built in slices between tasks after it arrives (prepareTextSearch). Not above
 * TEXT_INDEX_LIMIT events: a million events with quotes would double the memory they take.
 */
const FIELD_SEPARATOR = '\u0000';
export const TEXT_INDEX_LIMIT = 250_000;
const TEXT_INDEX_SLICE = 10_000;
const searchTexts = new WeakMap<readonly TripwireEvent[], string[]>();
const preparing = new WeakSet<readonly TripwireEvent[]>();

export async function prepareTextSearch(events: readonly TripwireEvent[]): Promise<void> {
  if (events.length > TEXT_INDEX_LIMIT || searchTexts.has(events) || preparing.has(events)) return;
  preparing.add(events);
  const texts: string[] = new Array<string>(events.length);
  for (let from = 0; from < events.length; from += TEXT_INDEX_SLICE) {
    if (from > 0) await new Promise((resolve) => setTimeout(resolve));
    for (let index = from; index < Math.min(events.length, from + TEXT_INDEX_SLICE); index++) {
      texts[index] = searchedFields(events[index]!)
        .map((field) => field?.toLowerCase() ?? '')
        .join(FIELD_SEPARATOR);
    }
  }
  searchTexts.set(events, texts);
}

export const hasActiveFilters = (filters: Filters) =>
  filters.categories.length > 0 || filters.actors.length > 0 || filters.statuses.length > 0 || filters.text.trim() !== '';

const sameFilters = (a: Filters, b: Filters) =>
  a === b || (a.text === b.text && a.categories.join('\u0000') === b.categories.join('\u0000') && a.actors.join('\u0000') === b.actors.join('\u0000') && a.statuses.join('\u0000') === b.statuses.join('\u0000'));
let lastFiltered: { events: readonly TripwireEvent[]; filters: Filters; result: readonly TripwireEvent[] } | null = null;

/**
 * The events that pass the filters, in their order (the same array when no filter is set). The
 * last answer is kept: one filter change is read by each map and by the list, and a text search
 * over 100,000 events is worth doing once.
 */
export function filteredEvents(events: readonly TripwireEvent[], filters: Filters): readonly TripwireEvent[] {
  if (!hasActiveFilters(filters)) return events;
  if (lastFiltered && lastFiltered.events === events && sameFilters(lastFiltered.filters, filters)) return lastFiltered.result;
  const texts = searchTexts.get(events);
  const result = events.filter((event, index) => matchesFilters(event, filters, texts?.[index]));
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

/**
 * The categories the events use, in the vocabulary's order, then any others by name: the legend
 * lists these only (a Baltic scenario of two seabed incidents has no missile tests to explain).
 */
export function categoriesUsed(events: readonly Pick<TripwireEvent, 'category'>[], vocabularyOrder: readonly string[]): string[] {
  const used = new Set<string>();
  for (const event of events) used.add(event.category);
  const known = vocabularyOrder.filter((category) => used.has(category));
  const others = [...used].filter((category) => !vocabularyOrder.includes(category)).sort();
  return [...known, ...others];
}

/**
 * Years worth starting the timeline at, from the events themselves (sorted by start, as the store
 * keeps them): the years by which a quarter, half and three quarters of them have begun (a long
 * history with a dense present gets "2011 →", "2018 →", "2022 →"; two incidents in 2023–2024 get
 * none), and `current` so the choice on screen is always one of them. Each is the first day of its year.
 */
export function focusYears(events: readonly Pick<TripwireEvent, 'start'>[], current: number | null): number[] {
  const yearStart = (day: number) => Date.UTC(new Date(day * 86_400_000).getUTCFullYear(), 0, 1) / 86_400_000;
  const first = events[0] ? yearStart(events[0].start) : null;
  const years = new Set<number>();
  for (const quantile of [0.25, 0.5, 0.75]) {
    const event = events[Math.floor(quantile * (events.length - 1))];
    if (event && yearStart(event.start) !== first) years.add(yearStart(event.start));
  }
  if (current !== null) years.add(current);
  return [...years].sort((a, b) => a - b);
}
