import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/data/dates';
import { normaliseEvents } from '../../src/data/events';
import type { EventProperties } from '../../src/data/schemas';
import { NO_FILTERS } from '../../src/data/slices/filters';
import { describeMap, describeTimeChange, firstStartingAfter, mapDescriptionSentence } from '../../src/ui/a11y/describe-map';
import { deepFreeze } from './fixtures';

const event = (index: number, properties: Pick<EventProperties, 'id' | 'date' | 'category'> & Partial<EventProperties>) => ({
  index,
  geometry: { type: 'Point' as const, coordinates: [130, 40] },
  properties: { title: properties.id, summary: 'Summary.', dateAsWritten: '(not stated)', quote: 'Quoted words.', status: 'reported' as const, place: 'Somewhere', layers: [], actors: ['RUS'], ...properties },
});

const EVENTS = deepFreeze(
  normaliseEvents([
    event(0, { id: 'summit', date: '2019-04-25', category: 'diplomacy', title: 'Summit in Vladivostok' }),
    event(1, { id: 'launch-1', date: '2022-01-05', category: 'missile-test', title: 'First launch' }),
    event(2, { id: 'launch-2', date: '2022-01-11', category: 'missile-test', title: 'Second launch' }),
    event(3, { id: 'launch-3', date: '2022-01-14', category: 'missile-test', title: 'Third launch' }),
    event(4, { id: 'patrol', date: '2022-11-30', category: 'exercise', title: 'Joint air patrol' }),
  ]),
);

describe('what a screen reader hears as the time moves', () => {
  it('finds the events of a span of days by binary search over the sorted starts', () => {
    expect(firstStartingAfter(EVENTS, toDay(2019, 4, 24))).toBe(0);
    expect(firstStartingAfter(EVENTS, toDay(2019, 4, 25))).toBe(1);
    expect(firstStartingAfter(EVENTS, toDay(2030, 1, 1))).toBe(5);
  });

  it('moving forward names the newest events reached, then counts the rest', () => {
    expect(describeTimeChange(EVENTS, NO_FILTERS, toDay(2019, 1, 1), toDay(2023, 1, 1))).toBe(
      '5 new events: Second launch; Third launch; Joint air patrol; and 2 more.',
    );
    expect(describeTimeChange(EVENTS, NO_FILTERS, toDay(2022, 1, 1), toDay(2022, 1, 6))).toBe('1 new event: First launch.');
    expect(describeTimeChange(EVENTS, NO_FILTERS, toDay(2020, 1, 1), toDay(2021, 1, 1))).toBe('No new events.');
  });

  it('moving back says how many events left the map; filters are respected', () => {
    expect(describeTimeChange(EVENTS, NO_FILTERS, toDay(2023, 1, 1), toDay(2022, 1, 12))).toBe('2 events no longer shown.');
    expect(describeTimeChange(EVENTS, { ...NO_FILTERS, categories: ['exercise'] }, toDay(2019, 1, 1), toDay(2023, 1, 1))).toBe('1 new event: Joint air patrol.');
  });

  it('the map summary counts what is shown by category and lists the latest first', () => {
    const description = describeMap(EVENTS, { time: toDay(2022, 6, 1), mode: 'cumulative', windowMonths: 12, filters: NO_FILTERS });
    expect(description.shown).toBe(4);
    expect(description.byCategory).toEqual([
      { label: 'Missile test', count: 3 },
      { label: 'Diplomacy', count: 1 },
    ]);
    expect(description.latest.map((each) => each.id)).toEqual(['launch-3', 'launch-2', 'launch-1', 'summit']);
    expect(mapDescriptionSentence(description, toDay(2022, 6, 1))).toBe('As of 1 June 2022, the map shows 4 events (missile test: 3, diplomacy: 1).');
  });

  it('a sliding window leaves out what has aged out of it', () => {
    const description = describeMap(EVENTS, { time: toDay(2022, 6, 1), mode: 'window', windowMonths: 12, filters: NO_FILTERS });
    expect(description.shown).toBe(3);
  });
});
