// Evaluated with MapLibre's own expression engine (the style-spec package maplibre-gl is built
// on), so these check what the map will do, not just the shape of the arrays.
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { eventVisibleNow, GLOBAL, INITIAL_GLOBAL_STATE, validAtCurrentTime } from '../../src/layers/expressions';

/** A compiled filter plus the global state it reads (change the state, then call `passes`). */
function compile(expression: unknown) {
  const state: Record<string, unknown> = { ...INITIAL_GLOBAL_STATE };
  const filter = featureFilter(expression as FilterSpecification, 'layers[0].filter', state);
  const passes = (properties: Record<string, unknown>) => filter.filter({ zoom: 5 }, { type: 1, properties });
  return { state, passes, refs: [...filter.getGlobalStateRefs()].sort() };
}

describe('eventVisibleNow', () => {
  const { state, passes, refs } = compile(eventVisibleNow());
  const show = (time: number, windowStart: number, excludedEventIds: string[] = []) => Object.assign(state, { time, windowStart, excludedEventIds });

  it('reads the time, window start and excluded ids from global state, by their GLOBAL names', () => {
    expect(refs).toEqual([GLOBAL.excludedEventIds, GLOBAL.time, GLOBAL.windowStart].sort());
  });

  it('shows an event that has begun and not yet left the window', () => {
    show(100, 50);
    expect(passes({ id: 'a', start: 60, end: 90 })).toBe(true);
  });

  it('hides an event that has not begun', () => {
    show(100, 50);
    expect(passes({ id: 'a', start: 101, end: 101 })).toBe(false);
  });

  it('hides an event that ended before the window', () => {
    show(100, 50);
    expect(passes({ id: 'a', start: 10, end: 49 })).toBe(false);
  });

  it('keeps showing a day-precise event through its day while playback time is fractional', () => {
    show(100.5, 100);
    expect(passes({ id: 'a', start: 100, end: 100 })).toBe(true);
  });

  it('hides an event the filters exclude', () => {
    show(100, 50, ['a']);
    expect(passes({ id: 'a', start: 60, end: 90 })).toBe(false);
  });
});

describe('validAtCurrentTime', () => {
  const { state, passes, refs } = compile(validAtCurrentTime());

  it("reads only the geography's clock from global state, by its GLOBAL name", () => {
    expect(refs).toEqual([GLOBAL.geographyTime]);
  });

  it('shows geography with no validity dates at any time', () => {
    state.geographyTime = 100;
    expect(passes({ validFromDay: null, validToDay: null })).toBe(true);
  });

  it('hides geography before it is valid', () => {
    state.geographyTime = 100;
    expect(passes({ validFromDay: 101, validToDay: null })).toBe(false);
  });

  it('hides geography after it has ceased to be valid', () => {
    state.geographyTime = 100;
    expect(passes({ validFromDay: null, validToDay: 99 })).toBe(false);
  });

  it('shows geography on its first and last day', () => {
    state.geographyTime = 100;
    expect([passes({ validFromDay: 100, validToDay: 200 }), passes({ validFromDay: 0, validToDay: 100 })]).toEqual([true, true]);
  });
});
