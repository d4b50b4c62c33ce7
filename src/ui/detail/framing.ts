import { bbox } from '@turf/turf';
import type { Bounds } from '../../data/slices/view';

/** Bounds of any geometry, for "zoom to". */
export const boundsOf = (geometry: GeoJSON.Geometry): Bounds => bbox(geometry) as Bounds;
