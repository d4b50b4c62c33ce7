import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/data/dates';
import { normaliseEvents } from '../../src/data/events';
import type { EventProperties } from '../../src/data/schemas';
import { eventsPerYear, filteredEvents, nextEvent, prepareTextSearch, previousEvent, timeExtent, visibleEvents } from '../../src/data/selectors';
import { NO_FILTERS, type Filters } from '../../src/data/slices/filters';
import { deepFreeze } from './fixtures';

const event = (index: number, properties: Pick<EventProperties, 'id' | 'date' | 'category' | 'actors'> & Partial<EventProperties>) => ({
  index,
  geometry: { type: 'Point' as const, coordinates: [130, 40] },
  properties: {
    title: properties.id,
    summary: 'Summary.',
    dateAsWritten: '(not stated)',
    quote: 'Quoted words.',
    status: 'reported' as const,
    place: 'Somewhere',
    layers: [],
    ...properties,
  },
});

// Deliberately out of order in the "file": normaliseEvents sorts by start.
const EVENTS = deepFreeze(
  normaliseEvents([
    event(0, { id: 'patrol-day', date: '2022-11-30', category: 'exercise', actors: ['CHN', 'RUS'], title: 'Joint air Patrol' }),
    event(1, { id: 'summit-year', date: '2015', category: 'diplomacy', actors: ['RUS'] }),
    event(2, { id: 'flight-month', date: '2022-08', category: 'military-activity', actors: ['RUS'], quote: 'one flyover last August' }),
    event(3, { id: 'drones-day', date: '2022-12-26', category: 'military-activity', actors: ['PRK'], status: 'confirmed' }),
  ]),
);
const ids = (events: readonly { id: string }[]) => events.map((each) => each.id);
const byId = (id: string) => EVENTS.find((each) => each.id === id)!;
const PATROL_DAY = toDay(2022, 11, 30);

const visibleAt = (time: number, options: { windowMonths?: number; filters?: Partial<Filters> } = {}) =>
  ids(
    visibleEvents(EVENTS, {
      time,
      mode: options.windowMonths ? 'window' : 'cumulative',
      windowMonths: options.windowMonths ?? 12,
      filters: { ...NO_FILTERS, ...options.filters },
    }),
  );

describe('visibleEvents', () => {
  it('shows, cumulatively, every event that has begun by the current day', () => {
    expect(visibleAt(PATROL_DAY)).toEqual(['summit-year', 'flight-month', 'patrol-day']);
  });

  it('hides, in window mode, an event that ended before the window', () => {
    expect(visibleAt(PATROL_DAY, { windowMonths: 3 })).not.toContain('summit-year');
  });

  it('shows, in window mode, a month-precise event whose month overlaps the window', () => {
    // The 3-month window starts 30 Aug; "August 2022" runs to the 31st.
    expect(visibleAt(PATROL_DAY, { windowMonths: 3 })).toContain('flight-month');
  });

  it('hides that month-precise event once its whole month is outside the window', () => {
    expect(visibleAt(PATROL_DAY, { windowMonths: 1 })).not.toContain('flight-month');
  });

  it('filters by category', () => {
    expect(visibleAt(Infinity, { filters: { categories: ['military-activity'] } })).toEqual(['flight-month', 'drones-day']);
  });

  it('filters by actor, matching an event that involves any chosen actor', () => {
    expect(visibleAt(Infinity, { filters: { actors: ['CHN', 'PRK'] } })).toEqual(['patrol-day', 'drones-day']);
  });

  it('filters by status: the confirmed alone, or any of several', () => {
    expect(visibleAt(Infinity, { filters: { statuses: ['confirmed'] } })).toEqual(['drones-day']);
    expect(visibleAt(Infinity, { filters: { statuses: ['confirmed', 'reported'] } })).toHaveLength(4);
  });

  it('filters by text, case-insensitively, in the title', () => {
    expect(visibleAt(Infinity, { filters: { text: '  PATROL ' } })).toEqual(['patrol-day']);
  });

  it('filters by text in the quote', () => {
    expect(visibleAt(Infinity, { filters: { text: 'flyover' } })).toEqual(['flight-month']);
  });
});

describe('nextEvent and previousEvent', () => {
  it('finds the first event from before the first one', () => {
    expect(nextEvent(EVENTS, toDay(2000, 1, 1))?.id).toBe('summit-year');
  });

  it('skips the event on the current day when stepping forward', () => {
    expect(nextEvent(EVENTS, PATROL_DAY)?.id).toBe('drones-day');
  });

  it('treats a fractional time (during playback) as its day', () => {
    expect(nextEvent(EVENTS, PATROL_DAY + 0.9)?.id).toBe('drones-day');
  });

  it('finds nothing after the last event', () => {
    expect(nextEvent(EVENTS, byId('drones-day').start)).toBeNull();
  });

  it('skips the event on the current day when stepping back', () => {
    expect(previousEvent(EVENTS, PATROL_DAY)?.id).toBe('flight-month');
  });

  it('finds the last event from after it', () => {
    expect(previousEvent(EVENTS, toDay(2030, 1, 1))?.id).toBe('drones-day');
  });

  it('finds nothing before the first event', () => {
    expect(previousEvent(EVENTS, byId('summit-year').start)).toBeNull();
  });
});

describe('eventsPerYear', () => {
  it('counts events by the year they start in', () => {
    expect(Object.fromEntries(eventsPerYear(EVENTS))).toEqual({ 2015: 1, 2022: 3 });
  });
});

describe('timeExtent', () => {
  it('runs from 1 January of the first event’s year to the published date', () => {
    expect(timeExtent(EVENTS, '2023-01-11')).toEqual([toDay(2015, 1, 1), toDay(2023, 1, 11)]);
  });

  it('ends at the last event’s start when there is no published date', () => {
    expect(timeExtent(EVENTS, null)[1]).toBe(toDay(2022, 12, 26));
  });

  it('never ends before the last event, even with an earlier published date', () => {
    expect(timeExtent(EVENTS, '2020-01-01')[1]).toBe(toDay(2022, 12, 26));
  });
});

describe('text search with the prepared index (large event sets)', () => {
  it('finds exactly what the field-by-field search finds, and never a match across two fields', async () => {
    const events = [...EVENTS];
    const searches = ['patrol', 'FLYOVER', 'summary.', 'words.somewhere', 'somewhere', 'drones', 'nothing like this'];
    const before = searches.map((text) => ids(filteredEvents(events, { ...NO_FILTERS, text })));
    await prepareTextSearch(events);
    const after = searches.map((text) => ids(filteredEvents(events, { ...NO_FILTERS, text })));
    expect(after).toEqual(before);
    // "Quoted words." then "Somewhere": joined, the fields must not read as one text.
    expect(after[3]).toEqual([]);
    expect(after[4]).toEqual(ids(events));
  });
});
