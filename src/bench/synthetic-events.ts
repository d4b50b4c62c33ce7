// Synthetic events for benchmarks and scale tests: N events spread like a busy East Asia feed
// (clusters around Korea, Japan, the Russian Far East, the East China Sea, plus background) over
// 2003–2023, more of them in recent years. Deterministic for a seed, so a benchmark run and a
// test see the same data. Returned as typed arrays, not GeoJSON: a million objects would cost
// hundreds of megabytes and seconds of garbage collection before the map sees one point.
import { CATEGORIES, type Category } from '../data/vocabulary';

export interface SyntheticEvents {
  count: number;
  lon: Float32Array;
  lat: Float32Array;
  /** First and last day of each event, in days since 1970-01-01 (whole days, start ≤ end). */
  start: Float32Array;
  end: Float32Array;
  /** Index into CATEGORIES. */
  category: Uint8Array;
}

const MS_PER_DAY = 86_400_000;
export const SYNTHETIC_FIRST_DAY = Date.UTC(2003, 0, 1) / MS_PER_DAY;
export const SYNTHETIC_LAST_DAY = Date.UTC(2023, 11, 31) / MS_PER_DAY;
/** Every generated point lies inside this box: [west, south, east, north]. */
export const SYNTHETIC_BOUNDS = [98, 15, 165, 60] as const;

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Cluster {
  lon: number;
  lat: number;
  /** Standard deviation in degrees; Infinity = uniform over SYNTHETIC_BOUNDS. */
  spreadLon: number;
  spreadLat: number;
  weight: number;
  categories: Partial<Record<Category, number>>;
}

// Where activity concentrates, with what kind of activity. Weights are relative.
const CLUSTERS: Cluster[] = [
  { lon: 127.0, lat: 38.0, spreadLon: 0.9, spreadLat: 0.5, weight: 16, categories: { 'military-activity': 3, 'missile-test': 2, exercise: 2, statement: 1 } },
  { lon: 133.5, lat: 40.0, spreadLon: 2.5, spreadLat: 1.5, weight: 10, categories: { 'missile-test': 5, 'military-activity': 1 } },
  { lon: 125.75, lat: 39.03, spreadLon: 0.4, spreadLat: 0.3, weight: 6, categories: { statement: 3, diplomacy: 2, policy: 1, 'missile-test': 1 } },
  { lon: 126.98, lat: 37.57, spreadLon: 0.3, spreadLat: 0.2, weight: 5, categories: { diplomacy: 2, policy: 2, statement: 1, sanctions: 1 } },
  { lon: 139.7, lat: 35.7, spreadLon: 0.6, spreadLat: 0.4, weight: 7, categories: { diplomacy: 2, policy: 2, statement: 2 } },
  { lon: 127.7, lat: 26.3, spreadLon: 1.5, spreadLat: 1.0, weight: 6, categories: { 'military-activity': 2, exercise: 2 } },
  { lon: 124.5, lat: 27.5, spreadLon: 1.8, spreadLat: 1.5, weight: 10, categories: { 'military-activity': 4, exercise: 2, statement: 1 } },
  { lon: 132.0, lat: 43.2, spreadLon: 1.0, spreadLat: 0.7, weight: 7, categories: { 'military-activity': 2, exercise: 2, 'weapons-transfer': 1, diplomacy: 1 } },
  { lon: 130.3, lat: 42.4, spreadLon: 0.4, spreadLat: 0.3, weight: 4, categories: { 'weapons-transfer': 4, sanctions: 2 } },
  { lon: 146.5, lat: 45.5, spreadLon: 3.0, spreadLat: 2.0, weight: 8, categories: { 'military-activity': 3, exercise: 2 } },
  { lon: 158.6, lat: 53.0, spreadLon: 1.5, spreadLat: 1.0, weight: 3, categories: { 'military-activity': 1, 'missile-test': 1 } },
  { lon: 116.4, lat: 39.9, spreadLon: 0.6, spreadLat: 0.4, weight: 5, categories: { diplomacy: 2, statement: 2, policy: 1, sanctions: 1 } },
  { lon: 120.0, lat: 24.5, spreadLon: 1.2, spreadLat: 1.0, weight: 5, categories: { 'military-activity': 3, exercise: 2 } },
  { lon: 0, lat: 0, spreadLon: Infinity, spreadLat: Infinity, weight: 8, categories: Object.fromEntries(CATEGORIES.map((category) => [category, 1])) },
];

/** Running totals of weights normalised to 1, for picking by one uniform draw. */
function cumulative(weights: number[]): Float64Array {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const result = new Float64Array(weights.length);
  let running = 0;
  weights.forEach((weight, index) => (result[index] = running += weight / total));
  result[weights.length - 1] = 1;
  return result;
}

const pick = (table: Float64Array, draw: number) => {
  let index = 0;
  while (draw >= table[index]!) index++;
  return index;
};

const CLUSTER_TABLE = cumulative(CLUSTERS.map((cluster) => cluster.weight));
const CATEGORY_TABLES = CLUSTERS.map((cluster) => cumulative(CATEGORIES.map((category) => cluster.categories[category] ?? 0)));
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** A start day: a quarter spread evenly, the rest rising linearly towards 2023 (a feed that grows). */
function startDay(random: () => number): number {
  const span = SYNTHETIC_LAST_DAY - SYNTHETIC_FIRST_DAY;
  const fraction = random() < 0.25 ? random() : Math.sqrt(random());
  return SYNTHETIC_FIRST_DAY + Math.floor(fraction * span);
}

/** Mostly one-day events; some month-long, a few lasting up to two years. */
function durationDays(random: () => number): number {
  const draw = random();
  if (draw < 0.7) return 0;
  if (draw < 0.9) return 1 + Math.floor(random() * 30);
  if (draw < 0.98) return 31 + Math.floor(random() * 150);
  return 181 + Math.floor(random() * 550);
}

/**
 * `count` events, sorted by start day (as the app's normaliseEvents sorts real ones; the GPU layer
 * uses the order to skip points that cannot be visible yet). Same seed, same events.
 */
export function generateSyntheticEvents(count: number, seed = 1): SyntheticEvents {
  const random = mulberry32(seed);
  const [west, south, east, north] = SYNTHETIC_BOUNDS;
  const start = new Float32Array(count);
  for (let i = 0; i < count; i++) start[i] = startDay(random);
  start.sort(); // typed-array sort is numeric and native: ~0.1 s for a million

  const lon = new Float32Array(count);
  const lat = new Float32Array(count);
  const end = new Float32Array(count);
  const category = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const clusterIndex = pick(CLUSTER_TABLE, random());
    const cluster = CLUSTERS[clusterIndex]!;
    if (cluster.spreadLon === Infinity) {
      lon[i] = west + random() * (east - west);
      lat[i] = south + random() * (north - south);
    } else {
      // Box–Muller: two uniform draws give two independent normal offsets.
      const radius = Math.sqrt(-2 * Math.log(1 - random()));
      const angle = 2 * Math.PI * random();
      lon[i] = clamp(cluster.lon + cluster.spreadLon * radius * Math.cos(angle), west, east);
      lat[i] = clamp(cluster.lat + cluster.spreadLat * radius * Math.sin(angle), south, north);
    }
    end[i] = start[i]! + durationDays(random);
    category[i] = pick(CATEGORY_TABLES[clusterIndex]!, random());
  }
  return { count, lon, lat, start, end, category };
}

/**
 * The same events in a seeded random order (a new object; the input is untouched). For tests of
 * code that must not rely on the start-day order, such as the GPU layer's shader-only filtering.
 */
export function shuffleSyntheticEvents(events: SyntheticEvents, seed = 1): SyntheticEvents {
  const random = mulberry32(seed);
  const order = Uint32Array.from({ length: events.count }, (_, index) => index);
  for (let i = events.count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const permute = <T extends Float32Array | Uint8Array>(values: T): T => {
    const result = new (values.constructor as new (length: number) => T)(events.count);
    order.forEach((from, to) => (result[to] = values[from]!));
    return result;
  };
  return {
    count: events.count,
    lon: permute(events.lon),
    lat: permute(events.lat),
    start: permute(events.start),
    end: permute(events.end),
    category: permute(events.category),
  };
}
