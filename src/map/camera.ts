import type { LngLatBoundsLike } from 'maplibre-gl';

/** The default frame: the Korean Peninsula, Japan, the Russian Far East and the Kuril chain. */
export const EAST_ASIA_BOUNDS: LngLatBoundsLike = [
  [117, 30],
  [158, 52],
];
