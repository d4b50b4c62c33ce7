import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/data/dates';
import { decodeView, encodeView } from '../../src/data/url-state';
import { deepFreeze } from './fixtures';

const FULL_VIEW = deepFreeze({
  scenarioId: 'baltic-cables-2024',
  time: toDay(2022, 11, 30),
  mode: 'window' as const,
  windowMonths: 6,
  scale: 'even' as const,
  focusFrom: toDay(2000, 1, 1),
  selectedEventId: 'rus-chn-joint-air-patrol-2022-11',
  camera: { center: [129.5, 37.25] as [number, number], zoom: 5.5, bearing: 12 },
  hiddenLayers: ['kurils', 'tracks'],
  categories: ['exercise' as const, 'diplomacy' as const],
  actors: ['RUS' as const, 'CHN' as const],
  statuses: ['confirmed', 'alleged'],
  text: 'joint patrol & "more" #1 ü',
});

describe('encodeView → decodeView', () => {
  it('round-trips a full view with nothing ignored', () => {
    expect(decodeView(`#${encodeView(FULL_VIEW)}`)).toEqual({ view: FULL_VIEW, ignored: [] });
  });

  it('round-trips "all years" and the cumulative mode', () => {
    const { view } = decodeView(encodeView({ ...FULL_VIEW, scenarioId: null, mode: 'cumulative', focusFrom: null, camera: null }));
    expect([view.mode, view.focusFrom, view.camera, view.scenarioId]).toEqual(['cumulative', null, undefined, undefined]);
  });
});

describe('decodeView with a hostile or mangled hash', () => {
  it.each([
    '#%%%',
    '#t=2022-02-30',
    '#map=999,0,3',
    '#map=1,2',
    '#event=<script>alert(1)</script>',
    '#mode=window-7',
    '#hide=a,<b>',
    '#status=rumoured',
    '#__proto__=1',
    '#constructor=1&toString=2',
  ])('ignores %s, with a message, and sets nothing from it', (hash) => {
    const { view, ignored } = decodeView(hash);
    expect(ignored.length).toBeGreaterThan(0);
    expect(Object.keys(view)).toEqual([]);
  });

  it('does not pollute Object.prototype through "__proto__"', () => {
    const { view } = decodeView('#__proto__=1&constructor=2');
    expect(Object.getPrototypeOf(view)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });

  it('refuses a 10,000-character hash as a whole', () => {
    expect(decodeView(`#q=${'a'.repeat(10_000)}`)).toEqual({ view: {}, ignored: ['the link is too long to be a Tripwire view'] });
  });

  it('keeps the good settings of a hash that also has bad ones', () => {
    const { view, ignored } = decodeView('#t=2022-02-30&mode=cumulative&map=0,95,3&event=ok-id');
    expect(view).toEqual({ mode: 'cumulative', selectedEventId: 'ok-id' });
    expect(ignored).toHaveLength(2);
  });

  it('keeps well-formed categories and actors (imports may have their own) and drops malformed ones', () => {
    const { view, ignored } = decodeView('#cat=exercise,cyber,<b>&actor=RUS,NATO,1x');
    expect([view.categories, view.actors, ignored.length]).toEqual([['exercise', 'cyber'], ['RUS', 'NATO'], 2]);
  });

  it('treats an empty hash as no view at all', () => {
    expect(decodeView('#')).toEqual({ view: {}, ignored: [] });
  });
});
