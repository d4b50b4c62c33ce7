// A scale bar that reads honestly at the map's centre latitude (Web Mercator stretches with latitude).

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const TILE_SIZE = 512;

export function metresPerPixel(zoom: number, latitude: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE * 2 ** zoom);
}

/** The longest round distance (1, 2 or 5 × 10ⁿ km) that fits in maxWidth CSS pixels. */
export function scaleBar(zoom: number, latitude: number, maxWidth: number): { km: number; width: number; label: string } {
  const maxKm = (metresPerPixel(zoom, latitude) * maxWidth) / 1000;
  const power = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((step) => step * power).find((candidate) => candidate <= maxKm) ?? power;
  const width = (km * 1000) / metresPerPixel(zoom, latitude);
  return { km, width, label: km >= 1 ? `${km.toLocaleString('en-GB')} km` : `${Math.round(km * 1000)} m` };
}
