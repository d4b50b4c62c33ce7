// Extracts world lakes (polygons) and major rivers (lines) from GSHHG, read through GMT, into
// committed GeoJSON under scripts/geo/data/. Dev-time only: the app's build reads the output and
// never needs GMT. See scripts/geo/GSHHG.md for the source, licence and how to regenerate.
//
//   apt-get install -y gmt gmt-gshhg-high && node scripts/geo/extract-gshhg.mjs
//
// GMT keeps GSHHG in 'binned' files: each polygon or river is cut into pieces at the edges of
// its bins, and `gmt coast -M` dumps those pieces as they are. So this script joins the pieces
// back up (shared end points on bin edges), makes lake rings with islands as holes, rounds to
// 0.001° and follows RFC 7946 (outer rings counter-clockwise, holes clockwise).
//
// GMT 6 numbers river levels from 0 (`gmt coast -I`): 0 double-lined rivers (the outlines of
// river-lakes), 1 permanent major rivers, 2 additional major rivers, 3 additional rivers, 4 minor
// rivers, 5-7 intermittent, 8-10 canals. GSHHG's own WDBII files count the same classes from 1
// (L01 = double-lined … L03 = additional major). `level` in the output is GMT's number.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  area,
  booleanPointInPolygon,
  booleanValid,
  length,
  lineString,
  point,
  polygon,
  rewind,
} from '@turf/turf';

const OUT = new URL('./data/', import.meta.url);
const INSTALL = 'apt-get install -y gmt gmt-gshhg-high';

/** GSHHG resolution: h(igh) is ~0.2 km, the one below f(ull); enough for zoom 4–10. */
const RESOLUTION = 'h';
/**
 * River levels (GMT numbering). 1 + 2 (permanent and additional major rivers) is the Volga,
 * Dnieper, Don, Desna, Amur, Yalu… class a regional briefing map wants at zoom 4–10. Level 3
 * ("additional rivers", which is where GSHHG puts e.g. the Han at Seoul and the Taedong at
 * Pyongyang) would about double the file. Level 0 is left out because the same river-lakes come
 * in as lake polygons (below).
 */
const RIVER_LEVELS = [1, 2];
/**
 * Lakes smaller than this (km², GSHHG's own area) are dropped: at zoom 4–6 a 50 km² lake is a
 * few pixels, and the cut keeps the file under ~4 MB. River-lakes (the wide, double-lined parts
 * of rivers such as the Amazon or the lower Volga) are kept at any size, otherwise the river
 * lines would have gaps where the river is drawn as water area instead of a line.
 */
const LAKE_MIN_KM2 = 50;
const RIVER_LAKE_MIN_KM2 = 0;
/** Islands in lakes (GSHHG level 3) at least this big become holes in their lake. */
const ISLAND_MIN_KM2 = 10;
/** River lines shorter than this after joining are dropped (bin-edge crumbs and specks). */
const RIVER_MIN_KM = 1;

// 0.001° is about 100 m: finer than GSHHG's high resolution can honestly claim. A lake whose
// rounded outline would cross itself (or an island) is kept at the next finer step instead.
const PRECISIONS = [1e3, 1e4, 1e5];
const round = (value, scale = PRECISIONS[0]) => Math.round(value * scale) / scale;

const WORLD = '-R-180/180/-90/90';
/** Every gmt command run for the output, as typed in a shell, for the log. */
const commands = [];

/** Runs `gmt coast` over the whole world at RESOLUTION with -M (dump, don't plot). */
function dumpCoast(cwd, ...options) {
  const args = ['coast', WORLD, `-D${RESOLUTION}`, ...options, '-M'];
  commands.push(`gmt ${args.join(' ')}`);
  return execFileSync('gmt', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

class MissingTools extends Error {}

/** Checks that gmt and GSHHG at RESOLUTION are installed; returns the versions. */
function checkInstalled(cwd) {
  const fail = (why) => {
    throw new MissingTools(why);
  };
  const version = spawnSync('gmt', ['--version'], { cwd, encoding: 'utf8' });
  if (version.error || version.status !== 0) fail('the `gmt` program (GMT 6) was not found.');
  // A one-degree dump with -Vi makes GMT open the shoreline and river files and log
  // "GSHHG version 2.3.7"; it fails if this resolution's data is not installed.
  let log = '';
  for (const feature of [['-W'], ['-I1']]) {
    const probe = spawnSync(
      'gmt',
      ['coast', '-R0/1/51/52', `-D${RESOLUTION}`, ...feature, '-M', '-Vi'],
      { cwd, encoding: 'utf8' },
    );
    if (probe.error || probe.status !== 0) {
      fail(`GMT could not read GSHHG at resolution '${RESOLUTION}':\n${probe.stderr ?? ''}`);
    }
    log += probe.stderr;
  }
  const found = /GSHHG version (\d+(?:\.\d+)+)/.exec(log);
  if (!found) fail('GMT did not report a GSHHG version; is the GSHHG data package installed?');
  return { gshhg: found[1], gmt: version.stdout.trim() };
}

// Pieces meet at exactly the same bin-edge point (both bins quantise on the same grid), so a
// micro-degree key joins them; ±180 are different keys, so nothing is joined across the dateline.
const keyOf = ([lon, lat]) => `${Math.round(lon * 1e6)},${Math.round(lat * 1e6)}`;

/** Parses `gmt coast -M` output into pieces { level, coords }. */
function parseDump(text) {
  const pieces = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      const level = /Level (\d+)/.exec(line);
      current = { level: level ? Number(level[1]) : null, coords: [] };
      pieces.push(current);
    } else if (line.trim() && current) {
      const [lon, lat] = line.trim().split(/\s+/).map(Number);
      if (Number.isFinite(lon) && Number.isFinite(lat)) current.coords.push([lon, lat]);
    }
  }
  // GMT also emits zero-length pieces (one point twice) where a line crosses a bin edge; they
  // would sit between the two real pieces and block the join, so they go.
  return pieces.filter((piece) => piece.coords.some((p) => keyOf(p) !== keyOf(piece.coords[0])));
}

/**
 * Joins pieces that share end points into chains. `canJoin(node)` says whether a node (a list of
 * { piece, atStart } ends meeting there) may be passed through.
 */
function joinPieces(pieces, canJoin) {
  const nodes = new Map();
  const ends = (piece) => [keyOf(piece.coords[0]), keyOf(piece.coords.at(-1))];
  pieces.forEach((piece, index) => {
    const [start, end] = ends(piece);
    for (const [key, atStart] of [
      [start, true],
      [end, false],
    ]) {
      if (!nodes.has(key)) nodes.set(key, []);
      nodes.get(key).push({ index, atStart });
    }
  });
  const used = new Uint8Array(pieces.length);
  const chains = [];
  // Follows the chain out of `key`, away from the piece just appended.
  const extend = (coords, key, fromIndex) => {
    for (;;) {
      const node = nodes.get(key);
      if (!canJoin(node)) return;
      const next = node.find((end) => end.index !== fromIndex && !used[end.index]);
      if (!next) return;
      used[next.index] = 1;
      const piece = pieces[next.index].coords;
      const oriented = next.atStart ? piece : [...piece].reverse();
      for (let i = 1; i < oriented.length; i++) coords.push(oriented[i]);
      fromIndex = next.index;
      key = keyOf(oriented.at(-1));
    }
  };
  pieces.forEach((piece, index) => {
    if (used[index]) return;
    used[index] = 1;
    const forward = [...piece.coords];
    const closedAlready = keyOf(forward[0]) === keyOf(forward.at(-1));
    if (!closedAlready) extend(forward, keyOf(forward.at(-1)), index);
    if (keyOf(forward[0]) !== keyOf(forward.at(-1))) {
      const backward = [...forward].reverse();
      extend(backward, keyOf(backward.at(-1)), index);
      chains.push({ level: piece.level, coords: backward.reverse() });
    } else {
      chains.push({ level: piece.level, coords: forward });
    }
  });
  return chains;
}

/** Rounds (to 0.001° unless told) and drops repeated points. */
function roundLine(coords, scale) {
  const out = [];
  for (const [lon, lat] of coords) {
    const p = [round(lon, scale), round(lat, scale)];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Splits a line wherever it jumps more than 180° in longitude (a dateline wrap). */
function splitAtDateline(coords) {
  const parts = [[coords[0]]];
  for (let i = 1; i < coords.length; i++) {
    if (Math.abs(coords[i][0] - coords[i - 1][0]) > 180) parts.push([]);
    parts.at(-1).push(coords[i]);
  }
  return parts;
}

/** Planar shoelace area in degrees², used only to reject collapsed rings. */
function planarArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum / 2);
}

/** A closed ring rounded to `scale`, or null if it collapses. */
function roundRing(coords, scale) {
  const ring = roundLine(coords, scale);
  if (ring.length > 1 && (ring[0][0] !== ring.at(-1)[0] || ring[0][1] !== ring.at(-1)[1])) {
    ring.push([...ring[0]]);
  }
  return ring.length < 4 || planarArea(ring) === 0 ? null : ring;
}

/** Stitched, closed rings at source precision; counts what had to be dropped. */
function ringsFrom(pieces, stats) {
  const chains = joinPieces(pieces, (node) => node.length === 2);
  const rings = [];
  for (const { coords } of chains) {
    // A lake across the dateline comes as two open halves, each starting and ending on its own
    // side's ±180 meridian: closing each along the meridian splits it there, as RFC 7946 asks.
    const edge = coords[0][0];
    if (Math.abs(edge) === 180 && coords.at(-1)[0] === edge && coords.length > 2) {
      if (keyOf(coords[0]) !== keyOf(coords.at(-1))) {
        coords.push(coords[0]);
        stats.closedOnDateline += 1;
      }
    }
    const closed = keyOf(coords[0]) === keyOf(coords.at(-1));
    if (!closed) {
      stats.open += 1;
      const [start, end] = [coords[0], coords.at(-1)].map((p) => p.map((v) => round(v)).join());
      console.warn(`  unclosed ring dropped: ${coords.length} points from ${start} to ${end}`);
      continue;
    }
    if (coords.some((p, i) => i > 0 && Math.abs(p[0] - coords[i - 1][0]) > 180)) {
      stats.dateline += 1;
      continue;
    }
    if (!roundRing(coords)) {
      stats.degenerate += 1;
      continue;
    }
    rings.push(coords);
  }
  return rings;
}

const ringBbox = (ring) => {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of ring) {
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  return [w, s, e, n];
};

function buildLakes(cwd) {
  // -A<km²>/<level>/<level> keeps one shoreline level above an area (+l lakes only, +r
  // river-lakes only); -W<level>/<pen> selects that level's lines (the pen is unused by -M).
  const dump = (areaArg, level) => parseDump(dumpCoast(cwd, areaArg, `-W${level}/faint`));
  const stats = { open: 0, dateline: 0, degenerate: 0, closedOnDateline: 0 };
  // Lakes and river-lakes are stitched separately: a river-lake can touch a lake at a point.
  const lakeRings = [
    ...ringsFrom(dump(`-A${LAKE_MIN_KM2}/2/2+l`, 2), stats),
    ...ringsFrom(dump(`-A${RIVER_LAKE_MIN_KM2}/2/2+r`, 2), stats),
  ];
  const islandStats = { open: 0, dateline: 0, degenerate: 0, closedOnDateline: 0 };
  const islandRings = ringsFrom(dump(`-A${ISLAND_MIN_KM2}/3/3`, 3), islandStats);

  const lakes = lakeRings.map((ring) => ({
    ring,
    bbox: ringBbox(ring),
    holes: [],
    km2: area(polygon([ring])) / 1e6,
  }));
  // Each island goes into the smallest lake that contains it.
  let orphanIslands = 0;
  for (const island of islandRings) {
    const [w, s, e, n] = ringBbox(island);
    const probe = point(island[0]);
    const host = lakes
      .filter(({ bbox }) => bbox[0] <= w && bbox[1] <= s && bbox[2] >= e && bbox[3] >= n)
      .filter(({ ring }) => booleanPointInPolygon(probe, polygon([ring])))
      .sort((a, b) => a.km2 - b.km2)[0];
    if (host) host.holes.push(island);
    else orphanIslands += 1;
  }
  const finer = PRECISIONS.slice(1).map(() => 0);
  const features = lakes.map(({ ring, holes }) => {
    let shape;
    for (const [step, scale] of PRECISIONS.entries()) {
      const rings = [ring, ...holes].map((r) => roundRing(r, scale)).filter(Boolean);
      shape = rewind(polygon(rings), { mutate: true });
      if (booleanValid(shape)) {
        if (step > 0) finer[step - 1] += 1;
        break;
      }
    }
    return {
      type: 'Feature',
      properties: { kind: 'lake', areaKm2: Math.round(area(shape) / 1e5) / 10 },
      geometry: shape.geometry,
    };
  });
  features.sort((a, b) => b.properties.areaKm2 - a.properties.areaKm2);
  const holes = lakes.reduce((sum, lake) => sum + lake.holes.length, 0);
  return { features, stats, islandStats, holes, orphanIslands, finer };
}

function buildRivers(cwd) {
  const pieces = parseDump(dumpCoast(cwd, ...RIVER_LEVELS.map((level) => `-I${level}`)));
  // Join only where exactly two pieces of one level meet (bin edges and plain continuations),
  // never through a confluence or from one level into another.
  const chains = joinPieces(
    pieces,
    (node) => node.length === 2 && pieces[node[0].index].level === pieces[node[1].index].level,
  );
  const stats = { pieces: pieces.length, chains: chains.length, short: 0 };
  const features = [];
  for (const { level, coords } of chains) {
    for (const part of splitAtDateline(coords)) {
      const line = roundLine(part);
      if (line.length < 2 || length(lineString(line)) < RIVER_MIN_KM) {
        stats.short += 1;
        continue;
      }
      features.push({
        type: 'Feature',
        properties: { kind: 'river', level },
        geometry: { type: 'LineString', coordinates: line },
      });
    }
  }
  features.sort((a, b) => a.properties.level - b.properties.level);
  return { features, stats };
}

/** One feature a line: small diffs when the data is regenerated, still plain GeoJSON. */
function writeCollection(name, header, features) {
  const head = JSON.stringify({ type: 'FeatureCollection', ...header }).slice(0, -1);
  const body = features.map((feature) => JSON.stringify(feature)).join(',\n');
  const url = new URL(name, OUT);
  writeFileSync(url, `${head},"features":[\n${body}\n]}\n`);
  return statSync(url).size;
}

const cwd = mkdtempSync(join(tmpdir(), 'gshhg-')); // gmt leaves gmt.history in its cwd
try {
  const version = checkInstalled(cwd);
  mkdirSync(OUT, { recursive: true });
  const base = `GSHHG ${version.gshhg} (Wessel & Smith), ${RESOLUTION === 'h' ? 'high' : RESOLUTION} resolution, via GMT ${version.gmt} gmt coast -M`;

  const lakes = buildLakes(cwd);
  const lakeBytes = writeCollection(
    'gshhg-lakes.geojson',
    {
      source: `${base}; shoreline level 2 (lakes >= ${LAKE_MIN_KM2} km2 by GSHHG area, river-lakes of any size), level-3 islands-in-lakes >= ${ISLAND_MIN_KM2} km2 as holes, level 4 dropped; coordinates rounded to 0.001 deg`,
      license: 'LGPL-3.0 (GSHHG)',
    },
    lakes.features,
  );

  const rivers = buildRivers(cwd);
  const riverBytes = writeCollection(
    'gshhg-rivers.geojson',
    {
      source: `${base}; WDBII river levels ${RIVER_LEVELS.join(', ')} in GMT -I numbering (1 permanent major, 2 additional major), bin pieces joined, lines < ${RIVER_MIN_KM} km dropped; coordinates rounded to 0.001 deg`,
      license: 'LGPL-3.0 (GSHHG)',
    },
    rivers.features,
  );

  const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
  console.log(`GSHHG ${version.gshhg}, GMT ${version.gmt}`);
  for (const command of commands) console.log(`  ${command}`);
  console.log(
    `gshhg-lakes.geojson: ${lakes.features.length} lakes, ${lakes.holes} island holes, ${mb(lakeBytes)}` +
      ` (${lakes.finer.map((n, i) => `${n} kept at 1e-${i + 4}°`).join(', ')} to stay valid;` +
      ` ${lakes.stats.closedOnDateline} halves closed along ±180; dropped: ${lakes.stats.open} unclosed, ${lakes.stats.dateline} dateline, ${lakes.stats.degenerate} degenerate rings;` +
      ` ${lakes.orphanIslands} islands outside any kept lake, ${lakes.islandStats.open + lakes.islandStats.degenerate} bad island rings)`,
  );
  const perLevel = RIVER_LEVELS.map(
    (level) => `${rivers.features.filter((f) => f.properties.level === level).length} at level ${level}`,
  ).join(', ');
  console.log(
    `gshhg-rivers.geojson: ${rivers.features.length} lines (${perLevel}), ${mb(riverBytes)}` +
      ` (${rivers.stats.pieces} bin pieces joined into ${rivers.stats.chains}; ${rivers.stats.short} shorter than ${RIVER_MIN_KM} km dropped)`,
  );
} catch (error) {
  if (!(error instanceof MissingTools)) throw error;
  console.error(`extract-gshhg: ${error.message}`);
  console.error(`Install the dev-time tools (Debian/Ubuntu, as root):\n  ${INSTALL}`);
  process.exitCode = 1;
} finally {
  rmSync(cwd, { recursive: true, force: true });
}
