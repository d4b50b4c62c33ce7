// Web Mercator in MapLibre's world square: x 0 → 1 west to east, y 0 → 1 north to south. The
// custom layer's projection matrix (defaultProjectionData.mainMatrix) takes exactly these.

/** Web Mercator stops here; beyond it y would run to infinity. */
export const MAX_MERCATOR_LATITUDE = 85.051129;

export function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}

export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, lat));
  const radians = (clamped * Math.PI) / 180;
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + radians / 2))) / 360;
}
