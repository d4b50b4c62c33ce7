import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/data/dates';
import {
  generateSyntheticEvents,
  mulberry32,
  shuffleSyntheticEvents,
  SYNTHETIC_BOUNDS,
  SYNTHETIC_FIRST_DAY,
  SYNTHETIC_LAST_DAY,
} from '../../src/bench/synthetic-events';
import { CATEGORIES } from '../../src/data/vocabulary';

const EVENTS = generateSyntheticEvents(20_000, 7);

const countWhere = (predicate: (index: number) => boolean) => {
  let count = 0;
  for (let i = 0; i < EVENTS.count; i++) if (predicate(i)) count++;
  return count;
};

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const draws = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it('draws from [0, 1) with a mean near one half', () => {
    const random = mulberry32(1);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((sum, draw) => sum + draw, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});

describe('generateSyntheticEvents', () => {
  it('gives the same events for the same seed, and other events for another seed', () => {
    const first = generateSyntheticEvents(2_000, 7);
    const again = generateSyntheticEvents(2_000, 7);
    for (const field of ['lon', 'lat', 'start', 'end', 'category'] as const) expect(again[field]).toEqual(first[field]);
    expect(generateSyntheticEvents(2_000, 8).lon).not.toEqual(first.lon);
  });

  it('returns typed arrays of `count` entries', () => {
    expect(EVENTS.count).toBe(20_000);
    expect(EVENTS.lon).toBeInstanceOf(Float32Array);
    expect(EVENTS.category).toBeInstanceOf(Uint8Array);
    for (const field of ['lon', 'lat', 'start', 'end', 'category'] as const) expect(EVENTS[field]).toHaveLength(20_000);
  });

  it('places every event inside the East Asia box', () => {
    const [west, south, east, north] = SYNTHETIC_BOUNDS;
    expect(countWhere((i) => EVENTS.lon[i]! < west || EVENTS.lon[i]! > east || EVENTS.lat[i]! < south || EVENTS.lat[i]! > north)).toBe(0);
  });

  it('dates every event in whole days between 2003 and 2023, with start ≤ end, sorted by start', () => {
    expect(SYNTHETIC_FIRST_DAY).toBe(toDay(2003, 1, 1));
    expect(SYNTHETIC_LAST_DAY).toBe(toDay(2023, 12, 31));
    const bad = countWhere(
      (i) =>
        !Number.isInteger(EVENTS.start[i]) ||
        !Number.isInteger(EVENTS.end[i]) ||
        EVENTS.start[i]! < SYNTHETIC_FIRST_DAY ||
        EVENTS.start[i]! > SYNTHETIC_LAST_DAY ||
        EVENTS.end[i]! < EVENTS.start[i]! ||
        (i > 0 && EVENTS.start[i]! < EVENTS.start[i - 1]!),
    );
    expect(bad).toBe(0);
  });

  it('uses only known category indices, and all eight of them', () => {
    expect(Math.max(...EVENTS.category)).toBeLessThan(CATEGORIES.length);
    expect(new Set(EVENTS.category).size).toBe(CATEGORIES.length);
  });

  it('has more events in recent years than in early ones', () => {
    const early = countWhere((i) => EVENTS.start[i]! < toDay(2008, 1, 1));
    const recent = countWhere((i) => EVENTS.start[i]! >= toDay(2019, 1, 1));
    expect(recent).toBeGreaterThan(2 * early);
  });

  it('clusters events around the Korean peninsula rather than spreading them evenly', () => {
    // The peninsula box is ~1% of the region's area; an even spread would put ~1% of events there.
    const korea = countWhere((i) => EVENTS.lon[i]! > 124.5 && EVENTS.lon[i]! < 129.5 && EVENTS.lat[i]! > 36 && EVENTS.lat[i]! < 40);
    expect(korea / EVENTS.count).toBeGreaterThan(0.15);
  });
});

describe('shuffleSyntheticEvents', () => {
  const events = generateSyntheticEvents(1_000, 2);
  const shuffled = shuffleSyntheticEvents(events, 9);
  const rows = (data: typeof events) =>
    Array.from({ length: data.count }, (_, i) => [data.lon[i], data.lat[i], data.start[i], data.end[i], data.category[i]].join()).sort();

  it('keeps every event whole (the same rows, each field moved together)', () => {
    expect(rows(shuffled)).toEqual(rows(events));
  });

  it('breaks the start-day order', () => {
    expect([...shuffled.start]).not.toEqual([...events.start]);
    expect(shuffled.start.some((start, i) => i > 0 && start < shuffled.start[i - 1]!)).toBe(true);
  });
});
