// What a cold load transfers: the JS bundle (raw and gzip, as a server would send it), the
// basemap and the events, read from the production build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const sizeOf = (path) => statSync(path).size;
const gzipOf = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

export function measureBytes(dist = 'dist') {
  const js = readdirSync(`${dist}/assets`).filter((name) => /\.(m?js)$/.test(name)).map((name) => `${dist}/assets/${name}`);
  const basemap = readdirSync(`${dist}/geo`).filter((name) => name.startsWith('basemap-')).map((name) => `${dist}/geo/${name}`);
  const sum = (paths, measure) => paths.reduce((total, path) => total + measure(path), 0);
  return {
    js: sum(js, sizeOf),
    jsGzip: sum(js, gzipOf),
    basemap: sum(basemap, sizeOf),
    basemapGzip: sum(basemap, gzipOf),
    events: sizeOf(`${dist}/geo/events.geojson`),
  };
}
