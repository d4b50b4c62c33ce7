// Turning events into the two vertex buffers the shader reads, and working out which slice of
// them can be visible at a time. Pure: no WebGL here, so it is unit-tested in node.
import { mercatorX, mercatorY } from './mercator';
import type { TimePoints, TimeWindow } from './types';

/** Floats per point in the main buffer: mercator x, mercator y, start day, end day. */
export const FLOATS_PER_POINT = 4;
/**
 * Bytes per point in the flags buffer: category index, shown (1) or filtered out (0), ringed (1:
 * an imported set's dot), and dot (1) or not drawn (0: a route, drawn by MapLibre as a line).
 */
export const FLAG_BYTES_PER_POINT = 4;
/** Offset of the "shown" byte in a point's flags: the one a filter change rewrites. */
export const SHOWN_FLAG = 1;

export interface PackedPoints {
  positionsAndSpans: Float32Array;
  flags: Uint8Array;
  /** True when start days never decrease: then drawRange can skip points (see below). */
  sortedByStart: boolean;
  /** The longest end − start, for drawRange's lower bound. */
  maxDurationDays: number;
}

/** Room for `points`, flags filled in, positions not yet: fill them with packSlice. */
export function allocatePacked(points: TimePoints, shown: ArrayLike<number> | null = null): PackedPoints {
  return { positionsAndSpans: new Float32Array(points.count * FLOATS_PER_POINT), flags: packFlags(points, shown), sortedByStart: true, maxDurationDays: 0 };
}

/** Packs points [from, to) into `packed`, keeping its sortedByStart / maxDurationDays up to date. */
export function packSlice(points: TimePoints, packed: PackedPoints, from: number, to: number): void {
  const { lon, lat, start, end } = points;
  const target = packed.positionsAndSpans;
  for (let i = from; i < to; i++) {
    const offset = i * FLOATS_PER_POINT;
    target[offset] = mercatorX(lon[i]!);
    target[offset + 1] = mercatorY(lat[i]!);
    target[offset + 2] = start[i]!;
    target[offset + 3] = end[i]!;
    if (i > 0 && start[i]! < start[i - 1]!) packed.sortedByStart = false;
    if (end[i]! - start[i]! > packed.maxDurationDays) packed.maxDurationDays = end[i]! - start[i]!;
  }
}

export function packPoints(points: TimePoints, shown: ArrayLike<number> | null = null): PackedPoints {
  const packed = allocatePacked(points, shown);
  packSlice(points, packed, 0, points.count);
  return packed;
}

/** The small per-point buffer re-uploaded when the user's filters change (never per tick). */
export function packFlags(points: Pick<TimePoints, 'count' | 'category' | 'ringed' | 'asDot'>, shown: ArrayLike<number> | null): Uint8Array {
  const flags = new Uint8Array(points.count * FLAG_BYTES_PER_POINT);
  const { category, ringed, asDot } = points;
  for (let i = 0; i < points.count; i++) {
    const offset = i * FLAG_BYTES_PER_POINT;
    flags[offset] = category[i]!;
    flags[offset + SHOWN_FLAG] = shown ? (shown[i] ? 1 : 0) : 1;
    flags[offset + 2] = ringed?.[i] ? 1 : 0;
    flags[offset + 3] = asDot ? (asDot[i] ? 1 : 0) : 1;
  }
  return flags;
}

/** First index whose float32 value is ≥ `value` (> it, with `strict`), in an ascending array. */
function lowerBound(values: ArrayLike<number>, value: number, strict: boolean): number {
  const target = Math.fround(value);
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const candidate = Math.fround(values[middle]!);
    if (strict ? candidate <= target : candidate < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * [first, count] of the points worth sending to the GPU. With points sorted by start, those that
 * start after `time` form a tail, and those starting before `windowStart − maxDuration` cannot
 * reach the window: both are skipped. The shader still tests every point it gets, so this only
 * saves work and never changes what is drawn. Values are compared as float32, like the shader.
 */
export function drawRange(
  starts: ArrayLike<number>,
  packed: Pick<PackedPoints, 'sortedByStart' | 'maxDurationDays'>,
  window: TimeWindow,
): [number, number] {
  if (!packed.sortedByStart) return [0, starts.length];
  // One day of slack, so float32 rounding at the edge can never drop a visible point.
  const first = lowerBound(starts, window.windowStart - packed.maxDurationDays - 1, false);
  const last = lowerBound(starts, window.time, true);
  return [first, Math.max(0, last - first)];
}
