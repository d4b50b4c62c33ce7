import { describe, expect, it } from 'vitest';
import { normaliseEvents } from '../../src/data/events';
import { deckSlides } from '../../src/briefing/deck/slide-model';
import { deepFreeze } from './fixtures';
import { openScenario } from '../../src/data/open-scenario';
import { readBuiltInScenario } from './public-files';

const opened = openScenario(readBuiltInScenario());
if (!opened.ok) throw new Error('the built-in scenario does not open');
const SCENARIO = opened.value.head;

// Given out of date order on purpose: the deck must sort them.
const EVENTS = deepFreeze(
  normaliseEvents([
    {
      index: 0,
      geometry: { type: 'LineString', coordinates: [[127.5, 39.9], [129.6, 40.7]] },
      properties: {
        id: 'launch', title: 'Missile launch', summary: 'S.', date: '2022-08', dateAsWritten: 'last August',
        quote: 'one launch last August', category: 'missile-test', actors: ['PRK'], status: 'alleged', place: 'East Sea', layers: [],
        speaker: 'Jong Eun Lee', speakerRole: 'former intelligence officer',
        factCheck: { note: 'No launch was recorded that month.', sourceTitle: 'Launch database', sourceUrl: 'https://example.org/launches' },
      },
    },
    {
      index: 1,
      geometry: { type: 'Point', coordinates: [37.6, 55.7] },
      properties: {
        id: 'summit', title: 'Summit in Moscow', summary: 'S.', date: '2019-04-25', dateAsWritten: 'April 25, 2019', quote: 'they met in April',
        category: 'diplomacy', actors: ['RUS'], status: 'confirmed', place: 'Moscow', layers: [],
      },
    },
    {
      index: 2,
      geometry: { type: 'Point', coordinates: [126.9, 37.5] },
      properties: {
        id: 'drill', title: 'Air raid drill', summary: 'S.', date: '2023-01-11', dateAsWritten: '(not stated)', quote: 'sirens sounded',
        category: 'military-activity', actors: ['KOR'], status: 'reported', place: 'Seoul', layers: [],
      },
    },
  ]),
);

const deck = deckSlides({
  mode: 'cumulative',
  windowMonths: 6,
  events: EVENTS,
  scenario: SCENARIO,
  eventSets: [{ id: 'article', imported: false, sourceId: SCENARIO.sources[0]!.id, name: 'Newsweek article', citation: 'Newsweek, January 2023', article: null, events: EVENTS }],
});
const slide = (id: string) => deck.slides.find((candidate) => candidate.eventId === id)!;

describe('the deck model', () => {
  it('has a title slide with the scenario title, the span of the events and the sources', () => {
    expect(deck.titleSlide.title).toBe(SCENARIO.title);
    expect(deck.titleSlide.asOfRange).toBe('Events from 25 April 2019 to 11 January 2023');
    expect(deck.titleSlide.sources[0]).toContain(SCENARIO.sources[0]!.publisher);
    expect(deck.titleSlide.sources).toContain('Basemap: Natural Earth (public domain); lakes and rivers: GSHHG (LGPL); place names: GeoNames (CC BY 4.0)');
  });

  it("names the briefer as the author when given, never the source's publisher", () => {
    expect(deck.author).toBe('');
    expect(deckSlides({ mode: 'cumulative', windowMonths: 6, events: EVENTS, scenario: SCENARIO, eventSets: [] }, { author: ' J. Analyst ' }).author).toBe('J. Analyst');
  });

  it('has one slide per event, in date order', () => {
    expect(deck.slides.map((s) => s.eventId)).toEqual(['summit', 'launch', 'drill']);
  });

  it('chosen events: only those, in the order chosen; the title slide spans them by date; the stamp still counts from the first event', () => {
    const chosen = deckSlides({ mode: 'cumulative', windowMonths: 6, events: EVENTS, scenario: SCENARIO, eventSets: [] }, { title: 'Mine', eventIds: ['drill', 'launch'] });
    expect(chosen.titleSlide.title).toBe('Mine');
    expect(chosen.slides.map((s) => s.eventId)).toEqual(['drill', 'launch']);
    expect(chosen.titleSlide.asOfRange).toBe('Events from August 2022 to 11 January 2023');
    expect(chosen.slides[0]!.asOf).toBe(slide('drill').asOf);
    expect(() => deckSlides({ mode: 'cumulative', windowMonths: 6, events: EVENTS, scenario: SCENARIO, eventSets: [] }, { eventIds: ['nope'] })).toThrow('no event called "nope"');
  });

  it('carries the handling marking for every slide, trimmed; none unless asked for', () => {
    expect(deck.handling).toBe('');
    const marked = deckSlides({ mode: 'cumulative', windowMonths: 6, events: EVENTS, scenario: SCENARIO, eventSets: [] }, { handling: '  UNCLASSIFIED // FOR TRAINING ' });
    expect(marked.handling).toBe('UNCLASSIFIED // FOR TRAINING');
  });

  it('a point event: caption, as-of stamp and notes from the same words as the image', () => {
    const summit = slide('summit');
    expect(summit.title).toBe('Summit in Moscow');
    expect(summit.asOf).toBe('As of 25 Apr 2019 · cumulative since Apr 2019');
    expect(summit.caption).toEqual({ dateLine: '25 April 2019 — the article: “April 25, 2019”', quote: '“they met in April”', attribution: 'Newsweek, January 2023', factCheck: null });
    expect(summit.sourceLine).toBe('Source: Newsweek, January 2023 · Basemap: Natural Earth (public domain); lakes and rivers: GSHHG (LGPL); place names: GeoNames (CC BY 4.0)');
    expect(summit.altText).toBe('Map framed on Summit in Moscow, Moscow (25 April 2019; confirmed).');
    expect(summit.notes.split('\n')).toEqual([
      'Quote: they met in April',
      'Date: 25 April 2019 (as written: “April 25, 2019”)',
      'Status: CONFIRMED',
      'Sources: Newsweek, January 2023; Basemap: Natural Earth (public domain); lakes and rivers: GSHHG (LGPL); place names: GeoNames (CC BY 4.0)',
    ]);
  });

  it('a route event: an allegation stays an allegation, and the fact check is in caption and notes', () => {
    const launch = slide('launch');
    expect(launch.caption.dateLine).toBe('August 2022 — the article: “last August” · ALLEGED');
    expect(launch.caption.attribution).toBe('Jong Eun Lee, former intelligence officer — Newsweek, January 2023');
    expect(launch.caption.factCheck).toBe('Fact check: No launch was recorded that month.');
    expect(launch.altText).toContain('the route of Missile launch');
    expect(launch.notes).toContain('Quote: one launch last August');
    expect(launch.notes).toContain('Status: ALLEGED');
    expect(launch.notes).toContain('Fact check: No launch was recorded that month. (Launch database, https://example.org/launches)');
  });

  it('an event whose date the source did not state: only the date, in caption and notes', () => {
    const drill = slide('drill');
    expect(drill.caption.dateLine).toBe('11 January 2023');
    expect(drill.notes).toContain('Date: 11 January 2023\n');
    expect(drill.notes).not.toContain('not stated');
    expect(drill.notes).not.toContain('as written');
  });
});
