import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/data/dates';
import { normaliseEvents } from '../../src/data/events';
import { NO_FILTERS } from '../../src/data/slices/filters';
import { asOfStamp, buildBriefing, captionFor } from '../../src/briefing/briefing-model';
import { scaleBar } from '../../src/briefing/scale-bar';
import { briefingFileName, exportSize } from '../../src/briefing/sizes';
import { deepFreeze } from './fixtures';
import { openScenario } from '../../src/data/open-scenario';
import { readBuiltInScenario } from './public-files';

const opened = openScenario(readBuiltInScenario());
if (!opened.ok) throw new Error('the built-in scenario does not open');
const SCENARIO = opened.value.head;

const EVENTS = deepFreeze(
  normaliseEvents([
    {
      index: 0,
      geometry: { type: 'Point', coordinates: [37.6, 55.7] },
      properties: {
        id: 'old-split', title: 'Sino-Soviet split', summary: 'S.', date: '1963', dateAsWritten: 'six decades ago', quote: 'six decades ago',
        category: 'diplomacy', actors: ['RUS'], status: 'confirmed', place: 'Moscow', layers: [],
      },
    },
    {
      index: 1,
      geometry: { type: 'Point', coordinates: [130.6, 37.3] },
      properties: {
        id: 'flight', title: 'Russian bombers cross the KADIZ', summary: 'S.', date: '2022-08', dateAsWritten: 'last August',
        quote: 'one flyover last August', category: 'military-activity', actors: ['RUS'], status: 'alleged', place: 'East Sea', layers: [],
        speaker: 'Jong Eun Lee', speakerRole: 'former intelligence officer',
      },
    },
  ]),
);

const state = (overrides = {}) => ({
  time: toDay(2022, 11, 30),
  mode: 'cumulative' as const,
  windowMonths: 6,
  events: EVENTS,
  filters: NO_FILTERS,
  hiddenLayers: [],
  selectedEventId: null,
  scenario: SCENARIO,
  eventSets: [{ id: 'article', imported: false, sourceId: SCENARIO.sources[0]!.id, name: 'Newsweek article', citation: 'Newsweek, January 2023', article: null, events: EVENTS }],
  ...overrides,
});

describe('the as-of stamp', () => {
  it('states the day and, in cumulative mode, where the count starts', () => {
    expect(asOfStamp(state())).toBe('As of 30 Nov 2022 · cumulative since 1963');
  });

  it('names the window length in window mode', () => {
    expect(asOfStamp(state({ mode: 'window' }))).toBe('As of 30 Nov 2022 · window: 6 months');
  });
});

describe('the caption', () => {
  it("gives the event's date at its precision with the article's wording, flags an allegation, and credits the speaker", () => {
    const caption = captionFor(EVENTS[1]!, 'Newsweek, January 2023');
    expect(caption.title).toBe('Russian bombers cross the KADIZ');
    expect(caption.dateLine).toBe('August 2022 — the article: “last August” · ALLEGED');
    expect(caption.quote).toBe('“one flyover last August”');
    expect(caption.attribution).toBe('Jong Eun Lee, former intelligence officer — Newsweek, January 2023');
  });

  it('credits an event with a source of its own (drafted from another article) to that source, not to its set’s', () => {
    const drafted = { ...EVENTS[1]!, source: 'Yonhap, 3 March 2024' };
    const caption = captionFor(drafted, 'Newsweek, January 2023');
    expect(caption.attribution).toBe('Jong Eun Lee, former intelligence officer — Yonhap, 3 March 2024');
  });

  it('says only the date where the source gives no wording of its own for it', () => {
    const notStated = { ...EVENTS[1]!, dateAsWritten: '(not stated)', status: 'reported' as const };
    expect(captionFor(notStated, 'Newsweek, January 2023').dateLine).toBe('August 2022');
  });
});

describe('the briefing model', () => {
  it('has no caption without a selection, and lists the events shown in the alt text', () => {
    const model = buildBriefing(state(), { title: 'T', handling: '', permalink: '#t=2022-11-30' });
    expect(model.caption).toBeNull();
    expect(model.altText).toContain('Events shown (2)');
    expect(model.altText).toContain('Aug 2022 — Russian bombers cross the KADIZ [alleged]');
  });

  it('leaves events out of the alt text when the events layer is hidden', () => {
    const model = buildBriefing(state({ hiddenLayers: ['events'] }), { title: 'T', handling: '', permalink: '#' });
    expect(model.altText).toContain('Events shown (0)');
  });

  it('lists in the legend and alt text only the layers and events drawn in the image, when known', () => {
    const drawn = { layerIds: new Set(['adiz', 'events']), eventIds: new Set(['flight']) };
    const model = buildBriefing(state(), { title: 'T', handling: '', permalink: '#' }, drawn);
    expect(model.legend.map((entry) => entry.label)).toEqual(['Events', 'Air Defense Identification Zones', 'Military activity']);
    expect(model.altText).toContain('Layers shown: Events; Air Defense Identification Zones.');
    expect(model.altText).toContain('Events shown (1): Aug 2022 — Russian bombers cross the KADIZ [alleged].');
    // The footer still cites every layer switched on: it is laid out before the map is drawn.
    expect(model.sources.some((source) => source.startsWith('Kuril Islands'))).toBe(true);
  });

  it("always credits the scenario's source and Natural Earth, and trims the handling banner", () => {
    const model = buildBriefing(state({ selectedEventId: 'flight' }), { title: 'T', handling: '  UNCLASSIFIED  ', permalink: '#' });
    expect(model.sources.slice(0, 2)).toEqual(['Newsweek, “With Putin\'s Support, Kim Jong Un Could Shift Balance of Power in East Asia” (Jan 2023)', 'Basemap: Natural Earth (public domain); lakes and rivers: GSHHG (LGPL); place names: GeoNames (CC BY 4.0)']);
    expect(model.handling).toBe('UNCLASSIFIED');
    expect(model.caption?.title).toBe('Russian bombers cross the KADIZ');
  });
});

describe('export files and sizes', () => {
  it("names an event's image <date>-<id>.png with the event's own date", () => {
    expect(briefingFileName('2022-08', 'flight')).toBe('2022-08-flight.png');
    expect(briefingFileName('2023-01-11', null)).toBe('2023-01-11-view.png');
  });

  it('makes A4 at 300 dpi 3508 px wide whatever the ratio', () => {
    const a4 = exportSize('a4-300dpi', { width: 1, height: 1 });
    expect(Math.round(a4.width * a4.fixedPixelRatio!)).toBe(3508);
    expect(Math.round(a4.height * a4.fixedPixelRatio!)).toBe(2480);
  });
});

describe('the scale bar', () => {
  it('picks a round distance that fits, and is longer at the equator than at 60°N for the same distance', () => {
    const equator = scaleBar(4, 0, 160);
    expect([1, 2, 5].map((step) => equator.km / step).some((ratio) => Number.isInteger(Math.log10(ratio)))).toBe(true);
    expect(equator.width).toBeLessThanOrEqual(160);
    expect(scaleBar(4, 60, 160).km).toBeLessThan(equator.km);
  });
});
