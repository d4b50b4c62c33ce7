// Pure builders of MapLibre expressions. What follows the timeline does so by feature-state, set by
// src/map/sync.ts only for the features whose answer changed: never by rebuilding or re-laying out
// a source. The global-state expressions below are kept as references (tests, and the benchmark's
// "global-state" approach, which is how the app drew its events before the GPU layer drew them all).
import type { ExpressionSpecification } from 'maplibre-gl';
import { CATEGORIES, CATEGORY_COLORS } from '../data/vocabulary';

/** Names of the global-state properties the style reads. */
export const GLOBAL = {
  time: 'time',
  /** The timeline's day as geography sees it: moves only when geography changes (geography-time.ts). */
  geographyTime: 'geographyTime',
  windowStart: 'windowStart',
  fadeDays: 'fadeDays',
  excludedEventIds: 'excludedEventIds',
} as const;

/** Values before the store has spoken: the map shows everything, nothing selected. */
export const INITIAL_GLOBAL_STATE = {
  [GLOBAL.time]: 1e6,
  [GLOBAL.geographyTime]: 1e6,
  [GLOBAL.windowStart]: -1e6,
  [GLOBAL.fadeDays]: 3650,
  [GLOBAL.excludedEventIds]: [] as string[],
};

const global = (name: string): ExpressionSpecification => ['global-state', name];
/** Days far outside any history, standing in for "no limit". */
const FOREVER = 1e6;

/**
 * Geography out of its time is drawn fully transparent, by feature-state set by sync.ts on the days
 * the geography changes (geography-time.ts). Not a filter: a filter (or a global-state value in a
 * data-driven property) re-lays out every tile of the source, ~1 s a change day at 100,000 events
 * here; a feature-state change rewrites only the changed features' paint values in the tiles already
 * laid out, and no symbol is placed again (so no label fade adds frames). See BENCHMARKS.md.
 */
export const OUT_OF_TIME = 'outOfTime';
export function shownInTime(opacity: number | ExpressionSpecification): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', OUT_OF_TIME], false], 0, opacity] as ExpressionSpecification;
}

/**
 * Geography that existed at the current time (features carry validFromDay/validToDay). The map no
 * longer filters with this (see shownInTime); it stays as the reference drawnAt is tested against.
 */
export function validAtCurrentTime(): ExpressionSpecification {
  return [
    'all',
    ['<=', ['coalesce', ['get', 'validFromDay'], -FOREVER], global(GLOBAL.geographyTime)],
    ['>=', ['coalesce', ['get', 'validToDay'], FOREVER], global(GLOBAL.geographyTime)],
  ];
}

/** Geography dated by when it happened (a track appears on the day it was flown); the reference for drawnAt, as above. */
export function happenedByNow(): ExpressionSpecification {
  return ['<=', ['coalesce', ['get', 'startDay'], -FOREVER], global(GLOBAL.geographyTime)];
}

/** Events that have begun, are still inside the window, and pass the user's filters (the benchmark's global-state approach). */
export function eventVisibleNow(): ExpressionSpecification {
  return [
    'all',
    ['<=', ['get', 'start'], global(GLOBAL.time)],
    ['>=', ['get', 'end'], global(GLOBAL.windowStart)],
    ['!', ['in', ['get', 'id'], global(GLOBAL.excludedEventIds)]],
  ];
}

/** 1 for an event that has just happened, fading to `floor` once it is `fadeDays` old. */
export function recencyOpacity(floor = 0.35): ExpressionSpecification {
  return [
    'max',
    floor,
    ['-', 1, ['*', 1 - floor, ['/', ['-', global(GLOBAL.time), ['get', 'start']], global(GLOBAL.fadeDays)]]],
  ];
}

/** An event's colour by category: the vocabulary's, with the scenario's own categories and recolourings (its `categories`). */
export function categoryColor(scenarioCategories: Readonly<Record<string, { color?: string | undefined }>> = {}): ExpressionSpecification {
  const colors = new Map<string, string>(CATEGORIES.map((category) => [category, CATEGORY_COLORS[category]]));
  for (const [category, { color }] of Object.entries(scenarioCategories)) if (color) colors.set(category, color);
  return ['match', ['get', 'category'], ...[...colors].flat(), '#555555'] as unknown as ExpressionSpecification;
}

/** A paint value that switches on feature-state (hover/selected) set by sync.ts. */
export function byInteraction(normal: number | string | ExpressionSpecification, hovered: number | string, selected: number | string): ExpressionSpecification {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    selected,
    ['boolean', ['feature-state', 'hovered'], false],
    hovered,
    normal,
  ] as ExpressionSpecification;
}

