// Where a day sits on the slider (0…1) and back. "linear" is honest calendar time; "even"
// spaces the events evenly so that 2000–2017's few events don't squeeze 2022's many, and
// interpolates linearly between neighbouring events so time still moves forwards.

export interface TimeScaleSpec {
  kind: 'linear' | 'even';
  domain: [number, number];
  /** Event start days (sorted, may repeat); used by "even". */
  stops: readonly number[];
}

/** The knots of the piecewise-linear scale: [day, position] pairs, increasing in both. */
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
  for (let i = 1; i < pairs.length; i++) {
    const a = pairs[i - 1]!;
    const b = pairs[i]!;
    if (value <= b[from]) return a[to] + ((value - a[from]) / (b[from] - a[from] || 1)) * (b[to] - a[to]);
  }
  return last[to];
}

export function dayToPosition(spec: TimeScaleSpec, day: number): number {
  return interpolate(knots(spec), day, 0, 1);
}

export function positionToDay(spec: TimeScaleSpec, position: number): number {
  return interpolate(knots(spec), position, 1, 0);
}

/** The stop nearest a day, for snapping in "even" mode. */
export function nearestStop(stops: readonly number[], day: number): number | null {
  let best: number | null = null;
  for (const stop of stops) if (best === null || Math.abs(stop - day) < Math.abs(best - day)) best = stop;
  return best;
}
