// The data and the time window the GPU points layer draws. Plain typed arrays, so that a million
// events cost tens of megabytes, not a million objects.

/** One point per event; all arrays have `count` entries. */
export interface TimePoints {
  count: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** First and last day of each event, days since 1970-01-01. */
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  /** Index into CATEGORIES (src/data/vocabulary.ts), which picks the colour; CATEGORIES.length = unknown (grey). */
  category: ArrayLike<number>;
}

/**
 * What is visible and how bright, the same three numbers the style's global state uses
 * (src/layers/expressions.ts): an event shows once `start ≤ time` and while `end ≥ windowStart`;
 * its opacity falls from 1 to the floor over `fadeDays` after its start.
 */
export interface TimeWindow {
  time: number;
  windowStart: number;
  fadeDays: number;
}

export interface TimePointsStyle {
  /** Radius of the dot including its outline, CSS pixels. */
  radius: number;
  /** White outline width, CSS pixels. */
  strokeWidth: number;
  /** Opacity an old event fades down to (never below: old events stay findable). */
  opacityFloor: number;
}
