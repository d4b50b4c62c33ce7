import { describe, expect, it } from 'vitest';
import { dayToPosition, nearestStop, positionToDay, type TimeScaleSpec } from '../../src/ui/timeline/scale';

const DOMAIN: [number, number] = [0, 1000];
const STOPS = [900, 10, 10, 20, -50, 2000]; // unsorted, repeated, two outside the domain
const LINEAR: TimeScaleSpec = { kind: 'linear', domain: DOMAIN, stops: STOPS };
const EVEN: TimeScaleSpec = { kind: 'even', domain: DOMAIN, stops: STOPS };
const SAMPLE_DAYS = Array.from({ length: 101 }, (_, index) => index * 10);

describe('the linear time scale', () => {
  it('puts the domain ends at 0 and 1', () => {
    expect([dayToPosition(LINEAR, 0), dayToPosition(LINEAR, 1000)]).toEqual([0, 1]);
  });

  it('puts the middle day at the middle', () => {
    expect(dayToPosition(LINEAR, 500)).toBe(0.5);
  });

  it('clamps days outside the domain to the ends', () => {
    expect([dayToPosition(LINEAR, -10), dayToPosition(LINEAR, 5000)]).toEqual([0, 1]);
  });
});

describe('the even time scale', () => {
  it('places the distinct event days inside the domain at evenly spaced positions', () => {
    expect([10, 20, 900].map((day) => dayToPosition(EVEN, day))).toEqual([0.25, 0.5, 0.75]);
  });

  it('interpolates linearly between neighbouring event days', () => {
    expect(dayToPosition(EVEN, 15)).toBeCloseTo(0.375);
  });

  it('falls back to linear when no event lies inside the domain', () => {
    expect(dayToPosition({ ...EVEN, stops: [-5, 1001] }, 250)).toBe(0.25);
  });
});

describe.each([LINEAR, EVEN])('the $kind scale', (spec) => {
  it('maps positions back to the same day', () => {
    for (const day of SAMPLE_DAYS) expect(positionToDay(spec, dayToPosition(spec, day))).toBeCloseTo(day, 6);
  });

  it('is strictly increasing across the domain', () => {
    const positions = SAMPLE_DAYS.map((day) => dayToPosition(spec, day));
    expect(positions.every((position, index) => index === 0 || position > positions[index - 1]!)).toBe(true);
  });
});

describe('nearestStop', () => {
  it('snaps to the closest stop on either side', () => {
    expect([nearestStop([10, 20, 900], 14), nearestStop([10, 20, 900], 16)]).toEqual([10, 20]);
  });

  it('returns null without stops', () => {
    expect(nearestStop([], 14)).toBeNull();
  });
});
