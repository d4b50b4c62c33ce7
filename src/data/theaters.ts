// The regions the article spans, as named views. Bounds are [west, south, east, north].
import type { Bounds } from './slices/view';

export type Theater = 'korean-peninsula' | 'sea-of-japan-kurils' | 'east-asia' | 'ukraine-russia';

export const THEATERS: Record<Theater, { label: string; bounds: Bounds }> = {
  'korean-peninsula': { label: 'Korean Peninsula', bounds: [123.5, 33, 131.5, 43.2] },
  // The default: the Koreas, Japan, the Russian Far East and the whole Kuril chain.
  'sea-of-japan-kurils': { label: 'Sea of Japan & Kurils', bounds: [119.5, 31, 157, 51.5] },
  'east-asia': { label: 'East Asia', bounds: [100, 17, 158, 55] },
  'ukraine-russia': { label: 'Ukraine & Russia', bounds: [28, 45.5, 45, 57.5] },
};

export const DEFAULT_THEATER: Theater = 'sea-of-japan-kurils';
