// Basemap labels, placed by hand: automatic centroids put "Russia" in Siberia's middle and seas
// nowhere useful. `rank` 1 shows first (and at lower zooms); disputed names carry both forms.
const label = (kind, name, lon, lat, rank, extra = {}) => ({
  type: 'Feature',
  properties: { kind, name, rank, ...extra },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

const countries = [
  ['China', 108.0, 34.5, 1],
  ['Russia', 112.0, 58.0, 1],
  ['Russia', 44.0, 58.5, 2],
  ['Mongolia', 103.0, 46.8, 2],
  ['North Korea', 127.1, 40.3, 1],
  ['South Korea', 128.0, 36.3, 1],
  ['Japan', 138.2, 36.9, 1],
  ['Taiwan', 121.0, 23.7, 3],
  ['Vietnam', 105.8, 17.5, 3],
  ['Philippines', 122.5, 13.0, 3],
  ['Kazakhstan', 68.0, 48.0, 3],
  ['Ukraine', 31.2, 49.2, 1],
  ['Belarus', 28.0, 53.5, 3],
  ['Poland', 19.4, 52.1, 3],
  ['Türkiye', 35.0, 39.0, 3],
  ['Laos', 102.6, 19.8, 4],
  ['Thailand', 101.0, 15.5, 4],
  ['Myanmar', 96.0, 21.5, 4],
].map(([name, lon, lat, rank]) => label('country', name, lon, lat, rank));

const seas = [
  ['Sea of Japan\n(East Sea)', 134.8, 40.2, 1, 'Sea of Japan (East Sea)'],
  ['Yellow Sea\n(West Sea)', 123.3, 35.6, 2, 'Yellow Sea (West Sea)'],
  ['East China Sea', 125.3, 29.6, 2],
  ['Sea of Okhotsk', 149.5, 53.5, 2],
  ['Pacific Ocean', 152.0, 35.5, 1],
  ['Bohai Sea', 120.3, 38.9, 4],
  ['South China Sea', 114.0, 16.0, 3],
  ['Black Sea', 34.0, 43.2, 2],
  ['Sea of Azov', 36.6, 46.1, 4],
].map(([name, lon, lat, rank, fullName]) =>
  label('sea', name, lon, lat, rank, fullName ? { fullName } : {}),
);

// Coordinates: GeoNames (city centres), rounded to 0.01°.
const cities = [
  ['Seoul', 126.98, 37.57, 1, true],
  ['Pyongyang', 125.76, 39.04, 1, true],
  ['Tokyo', 139.69, 35.69, 1, true],
  ['Beijing', 116.40, 39.90, 1, true],
  ['Moscow', 37.62, 55.76, 1, true],
  ['Kyiv', 30.52, 50.45, 1, true],
  ['Vladivostok', 131.89, 43.12, 1, false],
  ['Hanoi', 105.85, 21.03, 2, true],
  ['Washington', -77.04, 38.90, 3, true],
].map(([name, lon, lat, rank, capital]) => label('city', name, lon, lat, rank, { capital }));

export const BASEMAP_LABELS = [...countries, ...seas, ...cities];
