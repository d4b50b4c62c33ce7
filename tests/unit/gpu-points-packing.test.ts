import { MercatorCoordinate } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { generateSyntheticEvents } from '../../src/bench/synthetic-events';
import { mercatorX, mercatorY } from '../../src/map/gpu-points/mercator';
import { packPointsInSlices } from '../../src/map/gpu-points/pack-in-slices';
import { drawRange, packFlags, packPoints } from '../../src/map/gpu-points/packing';
import type { TimePoints, TimeWindow } from '../../src/map/gpu-points/types';
import { deepFreeze } from './fixtures';

const points = (rows: [lon: number, lat: number, start: number, end: number, category: number][]): TimePoints =>
  deepFreeze({
    count: rows.length,
    lon: rows.map((row) => row[0]),
    lat: rows.map((row) => row[1]),
    start: rows.map((row) => row[2]),
    end: rows.map((row) => row[3]),
    category: rows.map((row) => row[4]),
  });

describe('mercatorX / mercatorY', () => {
  it('agree with MapLibre’s own MercatorCoordinate', () => {
    for (const [lon, lat] of [[126.98, 37.57], [0, 0], [-179.9, -60], [158.6, 53]] as const) {
      const expected = MercatorCoordinate.fromLngLat([lon, lat]);
      expect(mercatorX(lon)).toBeCloseTo(expected.x, 12);
      expect(mercatorY(lat)).toBeCloseTo(expected.y, 12);
    }
  });

  it('clamps the poles to the edge of the Mercator square instead of infinity', () => {
    expect(mercatorY(90)).toBeCloseTo(0, 6);
    expect(mercatorY(-90)).toBeCloseTo(1, 6);
  });
});

describe('packPoints', () => {
  const packed = packPoints(points([[126.98, 37.57, 100, 130, 3], [139.7, 35.7, 110, 110, 7]]));

  it('interleaves mercator x, y, start and end per point', () => {
    expect([...packed.positionsAndSpans.slice(0, 4)]).toEqual([Math.fround(mercatorX(126.98)), Math.fround(mercatorY(37.57)), 100, 130]);
    expect([...packed.positionsAndSpans.slice(4)]).toEqual([Math.fround(mercatorX(139.7)), Math.fround(mercatorY(35.7)), 110, 110]);
  });

  it('gives each point its category, shown, not ringed, a dot: by default', () => {
    expect([...packed.flags]).toEqual([3, 1, 0, 1, 7, 1, 0, 1]);
  });

  it('notes whether starts are sorted and the longest duration', () => {
    expect(packed).toMatchObject({ sortedByStart: true, maxDurationDays: 30 });
    expect(packPoints(points([[0, 0, 5, 5, 0], [0, 0, 4, 4, 0]])).sortedByStart).toBe(false);
  });
});

describe('packFlags', () => {
  it('marks points the user filtered out as not shown', () => {
    expect([...packFlags({ count: 3, category: [0, 1, 2] }, [1, 0, 1])]).toEqual([0, 1, 0, 1, 1, 0, 0, 1, 2, 1, 0, 1]);
  });

  it('marks ringed points (imported sets) and points that are not dots (routes)', () => {
    expect([...packFlags({ count: 2, category: [4, 5], ringed: [1, 0], asDot: [1, 0] }, null)]).toEqual([4, 1, 1, 1, 5, 1, 0, 0]);
  });
});

describe('drawRange', () => {
  const events = generateSyntheticEvents(5_000, 3);
  const packed = packPoints(events);
  const isVisible = (i: number, { time, windowStart }: TimeWindow) => events.start[i]! <= time && events.end[i]! >= windowStart;

  it('never leaves out a point that is visible (checked against every point, many windows)', () => {
    for (let time = 12_000; time <= 19_800; time += 373) {
      for (const windowStart of [-1e6, time - 30, time - 365, time]) {
        const window = { time, windowStart, fadeDays: 365 };
        const [first, count] = drawRange(events.start, packed, window);
        for (let i = 0; i < events.count; i++) {
          if (isVisible(i, window) && (i < first || i >= first + count)) throw new Error(`point ${i} dropped at ${time}/${windowStart}`);
        }
      }
    }
  });

  it('skips the points that start after the time and those that ended long before the window', () => {
    const window = { time: 15_000, windowStart: 14_900, fadeDays: 365 };
    const [first, count] = drawRange(events.start, packed, window);
    expect(events.start[first + count]).toBeGreaterThan(15_000);
    expect(events.start[first - 1]).toBeLessThan(14_900 - packed.maxDurationDays);
    expect(count).toBeLessThan(events.count / 2);
  });

  it('draws everything when the points are not sorted by start', () => {
    const unsorted = points([[0, 0, 5, 5, 0], [0, 0, 4, 4, 0]]);
    expect(drawRange(unsorted.start, packPoints(unsorted), { time: 0, windowStart: 0, fadeDays: 1 })).toEqual([0, 2]);
  });
});

describe('packPointsInSlices', () => {
  const events = generateSyntheticEvents(2_500, 4);

  it('gives exactly what packPoints gives, slice boundaries included', async () => {
    expect(await packPointsInSlices(events, null, () => false, 1_000)).toEqual(packPoints(events));
  });

  it('notices unsorted starts that straddle two slices', async () => {
    const unsorted = { ...events, start: Float32Array.from(events.start, (start, i) => (i === 1_000 ? 0 : start)) };
    expect((await packPointsInSlices(unsorted, null, () => false, 1_000))!.sortedByStart).toBe(false);
  });

  it('gives up, returning null, once a newer data set makes it stale', async () => {
    let slices = 0;
    expect(await packPointsInSlices(events, null, () => ++slices > 1, 1_000)).toBeNull();
  });
});
