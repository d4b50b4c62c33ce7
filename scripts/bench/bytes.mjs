// Sizes read from the production build: each page's JS (raw and gzip, as a server would send it,
// including MapLibre's worker), the basemap archive (all its tiles) and the built-in scenario document. Which files a page loads
// comes from Vite's manifest (dist/.vite/manifest.json), so the benchmark page's own code is not
// counted against the app. What a cold load actually fetches is measured in cold-load.mjs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const sizeOf = (path) => statSync(path).size;
const gzipOf = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const sum = (paths, measure) => paths.reduce((total, path) => total + measure(path), 0);

/** Every JS file an entry (e.g. "index.html") pulls in: its chunk, imported chunks, the worker. */
function scriptsOf(manifest, entry) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const asset of chunk.assets ?? []) if (/\.m?js$/.test(asset)) files.add(asset);
    for (const imported of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(imported);
  };
  visit(entry);
  return [...files];
}

function pageBytes(dist, manifest, entry) {
  const paths = scriptsOf(manifest, entry).map((file) => `${dist}/${file}`);
  return { js: sum(paths, sizeOf), jsGzip: sum(paths, gzipOf) };
}

export function measureBytes(dist = 'dist') {
  const manifestPath = `${dist}/.vite/manifest.json`;
  let app;
  let benchPage = null;
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    app = pageBytes(dist, manifest, 'index.html');
    if (manifest['bench.html']) benchPage = pageBytes(dist, manifest, 'bench.html');
  } else {
    // A build without a manifest: count every script (the app was the only page then).
    const js = readdirSync(`${dist}/assets`).filter((name) => /\.m?js$/.test(name)).map((name) => `${dist}/assets/${name}`);
    app = { js: sum(js, sizeOf), jsGzip: sum(js, gzipOf) };
  }
  return {
    ...app,
    benchPage,
    basemapArchiveBytes: sizeOf(`${dist}/geo/basemap.pmtiles`),
    scenario: sizeOf(`${dist}/scenarios/built-in.tripwire.json`),
  };
}
