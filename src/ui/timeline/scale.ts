// Where a day sits on the slider (0…1) and back. "linear" is honest calendar time; "even"
// spaces the events evenly so that 2000–2017's few events don't squeeze 2022's many, and
// interpolates linearly between neighbouring events so time still moves forwards.

export interface TimeScaleSpec {
  kind: 'linear' | 'even';
  domain: [number, number];
  /** Event start days (sorted, may repeat); used by "even". */
  stops: readonly number[];
}

/**
 * The knots of the piecewise-linear scale: [day, position] pairs, increasing in both. Worked out
 * once per spec: with an import of 100,000 events every position on the track would otherwise
 * sort them all again.
 */
const knotsBySpec = new WeakMap<TimeScaleSpec, [number, number][]>();
function knotsOf(spec: TimeScaleSpec): [number, number][] {
  let pairs = knotsBySpec.get(spec);
  if (!pairs) knotsBySpec.set(spec, (pairs = knots(spec)));
  return pairs;
}

function knots({ kind, domain: [lo, hi], stops }: TimeScaleSpec): [number, number][] {
  const inside = [...new Set(stops.filter((day) => day > lo && day < hi))].sort((a, b) => a - b);
  if (kind === 'linear' || inside.length === 0) return [[lo, 0], [hi, 1]];
  const days = [lo, ...inside, hi];
  return days.map((day, index) => [day, index / (days.length - 1)]);
}

function interpolate(pairs: [number, number][], value: number, from: 0 | 1, to: 0 | 1): number {
  const first = pairs[0]!;
  const last = pairs[pairs.length - 1]!;
  if (value <= first[from]) return first[to];
  if (value >= last[from]) return last[to];
  // Binary search for the first knot at or past the value (knots increase in both coordinates).
  let low = 1;
  let high = pairs.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (pairs[middle]![from] < value) low = middle + 1;
    else high = middle;
  }
  const a = pairs[low - 1]!;
  const b = pairs[low]!;
  return a[to] + ((value - a[from]) / (b[from] - a[from] || 1)) * (b[to] - a[to]);
}

export function dayToPosition(spec: TimeScaleSpec, day: number): number {
  return interpolate(knotsOf(spec), day, 0, 1);
}

export function positionToDay(spec: TimeScaleSpec, position: number): number {
  return interpolate(knotsOf(spec), position, 1, 0);
}

/** The stop nearest a day, for snapping in "even" mode. */
export function nearestStop(stops: readonly number[], day: number): number | null {
  let best: number | null = null;
  for (const stop of stops) if (best === null || Math.abs(stop - day) < Math.abs(best - day)) best = stop;
  return best;
}

/** A track fraction as a CSS percentage, for left and width. */
export const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;
