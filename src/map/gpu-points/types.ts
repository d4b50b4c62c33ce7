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
  /** Index into `palette` (default: CATEGORY_PALETTE, the vocabulary's colours then grey). */
  category: ArrayLike<number>;
  /** Flat RGBA per category index, at most MAX_PALETTE_SIZE colours. */
  palette?: Float32Array;
  /** 1 = drawn with the imported ring (a dark, wider outline); absent = none are. */
  ringed?: ArrayLike<number>;
  /** 0 = not drawn as a dot (a route, drawn as a line by MapLibre); absent = all are dots. */
  asDot?: ArrayLike<number>;
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

/** How one kind of dot looks. Sizes in CSS pixels; MapLibre's circle-radius and stroke-width. */
export interface DotLook {
  /** Radius of the filled disc; the outline is drawn outside it, as MapLibre draws circle strokes. */
  radius: number;
  strokeWidth: number;
  strokeColor: string;
}

export interface TimePointsStyle {
  dot: DotLook;
  /** Dots of imported event sets (`ringed`). */
  ringed: DotLook;
  hovered: DotLook;
  selected: DotLook;
  /** Opacity an old event fades down to (never below: old events stay findable). */
  opacityFloor: number;
  /** Whether outlines fade with the fill (crowded large sets) or stay opaque (the article's dots). */
  outlineFades: boolean;
}

/** Events drawn larger, on top of the rest: the hovered and the selected one (indices, or null). */
export interface Emphasis {
  hovered: number | null;
  selected: number | null;
}
