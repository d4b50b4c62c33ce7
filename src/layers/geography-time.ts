// Geography changes on a handful of days (the KADIZ is redrawn on 15 Dec 2013, a track appears on
// the day it was flown), not every day. The style reads its own clock for geography,
// ["global-state", "geographyTime"]: the last of those days at or before the timeline's day. It
// only moves when the picture of the geography changes, so scrubbing between two such days
// re-lays out no geography tile (a global-state change re-lays out every layer that reads it).
import type { GeographyFeature } from '../data/schemas';
import { parseIsoPartialDate } from '../data/dates';

/** Far before any history: "no change yet". Every feature without a start is valid from then. */
export const BEFORE_ALL_CHANGES = -1e6;

/**
 * The days on which some feature appears or disappears, sorted: a validity starts (validFrom),
 * ends the day after validTo, or a track is flown (date). These are exactly the days where the
 * style's comparisons (validFromDay ≤ t, t ≤ validToDay, startDay ≤ t) can change their answer.
 */
export function geographyChangeDays(geography: Record<string, readonly GeographyFeature[]>): number[] {
  const days = new Set<number>();
  for (const features of Object.values(geography)) {
    for (const { properties } of features) {
      if (properties.validFrom) days.add(parseIsoPartialDate(properties.validFrom)!.start);
      if (properties.validTo) days.add(parseIsoPartialDate(properties.validTo)!.end + 1);
      if (properties.date) days.add(parseIsoPartialDate(properties.date)!.start);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** The geography clock at `day`: the last change day at or before it. */
export function geographyTimeAt(changeDays: readonly number[], day: number): number {
  let last = BEFORE_ALL_CHANGES;
  for (const change of changeDays) {
    if (change > day) break;
    last = change;
  }
  return last;
}

/**
 * How a geography layer follows time: zones and places by their validity (validFrom…validTo),
 * routes from the day they happened (date). Disputed areas do not follow time.
 */
export type GeographyTimeRule = 'validity' | 'happened';

/** The day numbers geographyToCollection puts on each map feature (null = no limit). */
export interface GeographyDays {
  validFromDay?: number | null;
  validToDay?: number | null;
  startDay?: number | null;
}

/**
 * Whether a feature is drawn on `day`: the same answer as the style expressions validAtCurrentTime
 * and happenedByNow (expressions.ts) give with the day in global state; a unit test holds them equal.
 */
export function drawnAt(rule: GeographyTimeRule, { validFromDay, validToDay, startDay }: GeographyDays, day: number): boolean {
  if (rule === 'happened') return (startDay ?? -Infinity) <= day;
  return (validFromDay ?? -Infinity) <= day && day <= (validToDay ?? Infinity);
}
