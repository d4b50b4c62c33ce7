#!/usr/bin/env node
/**
 * Builds the built-in scenario's `kurils` layer (public/scenarios/built-in.tripwire.json): the
 * Kuril island chain as real island shapes, clipped from Natural Earth 1:10m land (world-atlas
 * TopoJSON). The document is checked and written by the app's own code (through Vite), so it
 * stays in its normal form.
 *
 *   npm run geo:kurils
 *
 * Output (RFC 7946 features, lon/lat, CCW outer rings, 4 decimals):
 *   kuril-islands    MultiPolygon, whole chain, Shumshu/Atlasov -> Habomai
 *   kurils-disputed  MultiPolygon, Iturup + Kunashir + Shikotan + Habomai
 *   iturup, kunashir, shikotan, habomai   one feature per disputed island/group
 *
 * The script is deterministic: same input -> byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import * as turf from '@turf/turf';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const OUT = join(root, 'public/scenarios/built-in.tripwire.json');
const LAYER_ID = 'kurils';
/** Presentation the document keeps with the shapes: the chain's outline colour; the group is drawn island by island. */
const PRESENTATION = { 'kuril-islands': { color: '#6b6357' }, 'kurils-disputed': { hidden: true } };
const PRECISION = 4; // ~11 m; far below NE 10m generalisation (~1 km)

const atlasVersion = require('world-atlas/package.json').version;
const SOURCE = `Natural Earth 1:10m land (public domain) via world-atlas ${atlasVersion}, clipped with Turf`;
const SOURCE_URL = 'https://www.naturalearthdata.com/';

// ---------------------------------------------------------------------------
// 1. Chain extent.
//
// A coarse bbox first (cheap, cuts the 80k-vertex Eurasia ring down to a
// sliver), then a hand-drawn polygon that threads the straits so that neither
// mainland mass can leak in:
//   - Hokkaido: the polygon passes between Cape Nosappu (145.825E 43.37N) and
//     Tanfilyev/Suisho (145.864E), north of the Nemuro peninsula, east of the
//     Notsuke spit (<=145.364E) and between Shiretoko (<=145.375E) and
//     Kunashir (>=145.411E) in the Nemuro Strait.
//   - Kamchatka: the polygon stays south/west of Cape Lopatka (156.672E
//     50.864N) and east of Shumshu (<=156.510E) in the First Kuril Strait.
// Vertices are listed counter-clockwise (lon, lat).
// ---------------------------------------------------------------------------
const COARSE_BBOX = [145.3, 43.1, 157.0, 51.0];
const CHAIN_EXTENT = turf.polygon([[
  [145.845, 43.2], // south of Habomai, just east of Cape Nosappu
  [156.8, 43.2], // open Pacific
  [156.8, 50.78],
  [156.58, 50.86], // below Cape Lopatka
  [156.58, 50.95], // First Kuril Strait, between Shumshu and Kamchatka
  [155.0, 50.95], // north of Atlasov (Alaid)
  [145.5, 44.6], // Sea of Okhotsk, north of Cape Shiretoko
  [145.395, 44.0], // Nemuro Strait, east of Shiretoko
  [145.395, 43.62], // Nemuro Strait, west of Kunashir, east of Notsuke
  [145.845, 43.42], // north of the Nemuro peninsula, west of Tanfilyev
  [145.845, 43.2],
]]);

// ---------------------------------------------------------------------------
// 2. Disputed southern islands, identified by the bbox containing the
//    centroid of each island's outer ring. Boxes don't overlap.
//    [west, south, east, north]
// ---------------------------------------------------------------------------
const DISPUTED = [
  // `label` and `labelAnchor`: one map label per island or group, placed by hand (a MultiPolygon
  // would get a label per islet); Shikotan and Habomai are spelled alike in Russian and Japanese.
  { id: 'iturup', name: 'Iturup (Etorofu)', label: 'Iturup (Etorofu)', labelAnchor: [148.35, 45.05], nameRu: 'Итуруп', nameJa: '択捉島', box: [146.8, 44.3, 149.2, 45.7] }, // ~147.9E 44.9N
  { id: 'kunashir', name: 'Kunashir (Kunashiri)', label: 'Kunashir (Kunashiri)', labelAnchor: [145.75, 44.35], nameRu: 'Кунашир', nameJa: '国後島', box: [145.3, 43.7, 146.45, 44.6] }, // ~145.9E 44.1N
  { id: 'shikotan', name: 'Shikotan (Shikotan)', label: 'Shikotan', labelAnchor: [146.85, 43.92], nameRu: 'Шикотан', nameJa: '色丹島', box: [146.45, 43.6, 147.1, 44.0] }, // ~146.7E 43.8N
  { id: 'habomai', name: 'Habomai (Habomai)', label: 'Habomai islets', labelAnchor: [146.3, 43.45], nameRu: 'Хабомаи', nameJa: '歯舞群島', box: [145.8, 43.3, 146.45, 43.7] }, // islets ~146.1E 43.5N
];
// Everything west of this longitude (Vries/De Vries Strait) is disputed.
const DISPUTED_MAX_LON = 149.2;

const DISPUTE = {
  disputed: true,
  administeredBy: 'RUS',
  claimedBy: ['JPN'],
  disputeNote: 'Administered by Russia since 1945; claimed by Japan as the Northern Territories',
};

const NE_NOTE =
  'Natural Earth 1:10m generalisation (~1 km): coastlines are simplified and areas differ from official figures by a few percent.';
const MISSING_NOTE =
  'Small islands absent from NE 10m and therefore not included: Antsiferov, Chirinkotan, Raikoke, Ushishir, Broutona, ' +
  'one of Chirpoy / Brat Chirpoyev (only one ~13 km² polygon is present), and in the Habomai group Anuchina (Akiyuri), ' +
  'the Demina islets and Signalny (Kaigara), plus rocks such as Lovushki and Avos.';
const HABOMAI_NOTE =
  'NE 10m includes Zelyony (Shibotsu), Polonsky (Taraku), Tanfilyev (Suisho) and Yuri; Anuchina (Akiyuri, ~2.4 km²), ' +
  'the Demina islets and Signalny (Kaigara) are missing. No approximate shapes were added.';

// ---------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------
const round = (v) => Math.round(v * 10 ** PRECISION) / 10 ** PRECISION;

/** Round a ring, drop repeated vertices, keep it closed. */
function cleanRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([...first]);
  return out;
}

/** Rotate a closed ring to start at its smallest (lon, lat) vertex. */
function normaliseStart(ring) {
  const open = ring.slice(0, -1);
  let k = 0;
  open.forEach((p, i) => {
    if (p[0] < open[k][0] || (p[0] === open[k][0] && p[1] < open[k][1])) k = i;
  });
  const rotated = [...open.slice(k), ...open.slice(0, k)];
  return [...rotated, rotated[0]];
}

/** Round, rewind to RFC 7946 (outer CCW, holes CW), stable ring starts. */
function tidyPolygon(rings) {
  const cleaned = rings.map(cleanRing).filter((r) => r.length >= 4);
  if (cleaned.length === 0) return null;
  const rewound = turf.rewind(turf.polygon(cleaned)).geometry.coordinates;
  return rewound.map(normaliseStart);
}

const centroidOf = (poly) => turf.centroid(turf.polygon([poly[0]])).geometry.coordinates;
const inBox = ([x, y], [w, s, e, n]) => x >= w && x < e && y >= s && y < n;

// ---------------------------------------------------------------------------
// 3. Load land, clip to the chain extent, split into islands
// ---------------------------------------------------------------------------
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-10m.json'), 'utf8'));
const land = feature(topo, topo.objects.land); // FeatureCollection, one MultiPolygon

const coarse = turf.bboxClip(land.features[0], COARSE_BBOX);
// bboxClip can leave degenerate slivers along the box edge; drop them.
coarse.geometry.coordinates = coarse.geometry.coordinates
  .map((poly) => poly.filter((ring) => ring.length >= 4))
  .filter((poly) => poly.length > 0);

const clipped = turf.intersect(turf.featureCollection([coarse, CHAIN_EXTENT]));
if (!clipped) throw new Error('No land inside the chain extent');

const rawPolys = clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates;

// Guard: the extent must only run through water. A cut through land would
// leave island vertices lying on the extent's boundary.
const extentLine = turf.polygonToLine(CHAIN_EXTENT);
for (const poly of rawPolys) {
  for (const p of poly[0]) {
    if (turf.pointToLineDistance(p, extentLine, { units: 'kilometers' }) < 0.1) {
      throw new Error(`Chain extent cuts through land near ${p}; adjust CHAIN_EXTENT`);
    }
  }
}

const islands = rawPolys
  .map(tidyPolygon)
  .filter(Boolean)
  .map((coords) => ({ coords, centroid: centroidOf(coords) }))
  // North to south (Shumshu/Atlasov first, Habomai last), then west to east.
  .sort((a, b) => b.centroid[1] - a.centroid[1] || a.centroid[0] - b.centroid[0]);

for (const { coords, centroid } of islands) {
  if (turf.kinks(turf.polygon(coords)).features.length > 0) {
    throw new Error(`Self-intersection after rounding in island at ${centroid}`);
  }
}

// ---------------------------------------------------------------------------
// 4. Assign the southern islands to the four disputed groups
// ---------------------------------------------------------------------------
const groups = new Map(DISPUTED.map((d) => [d.id, []]));
for (const island of islands) {
  const group = DISPUTED.find((d) => inBox(island.centroid, d.box));
  if (group) groups.get(group.id).push(island.coords);
  else if (island.centroid[0] < DISPUTED_MAX_LON) {
    throw new Error(`Unassigned southern island at ${island.centroid}`);
  }
}
for (const [id, polys] of groups) {
  const expected = id === 'habomai' ? polys.length >= 1 : polys.length === 1;
  if (!expected) throw new Error(`Expected island(s) for ${id}, found ${polys.length}`);
}

// ---------------------------------------------------------------------------
// 5. Features (fixed key order for stable output)
// ---------------------------------------------------------------------------
const multi = (polys) =>
  polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };

function makeFeature({ id, name, label, labelAnchor, nameRu, nameJa, kind, disputed, notes }, geometry) {
  return {
    type: 'Feature',
    properties: {
      id,
      name,
      ...(label ? { label, labelAnchor } : {}),
      nameRu,
      nameJa,
      kind,
      ...(disputed ? DISPUTE : {}),
      approximate: false,
      source: SOURCE,
      sourceUrl: SOURCE_URL,
      notes,
      ...PRESENTATION[id],
    },
    geometry,
  };
}

const disputedPolys = DISPUTED.flatMap((d) => groups.get(d.id));

const features = [
  makeFeature(
    {
      id: 'kuril-islands',
      name: 'Kuril Islands',
      nameRu: 'Курильские острова',
      nameJa: '千島列島',
      kind: 'island-chain',
      notes: `${islands.length} islands from Atlasov and Shumshu to the Habomai group; Hokkaido and Kamchatka excluded. ` +
        `The four southernmost islands/groups are disputed (see kurils-disputed). ${NE_NOTE} ${MISSING_NOTE}`,
    },
    { type: 'MultiPolygon', coordinates: islands.map((i) => i.coords) },
  ),
  makeFeature(
    {
      id: 'kurils-disputed',
      name: 'Southern Kurils / Northern Territories (disputed)',
      nameRu: 'Южные Курилы',
      nameJa: '北方領土',
      kind: 'disputed-territory',
      disputed: true,
      notes: `Iturup, Kunashir, Shikotan and the Habomai group (${disputedPolys.length} polygons). ${NE_NOTE} ${HABOMAI_NOTE}`,
    },
    { type: 'MultiPolygon', coordinates: disputedPolys },
  ),
  ...DISPUTED.map((d) =>
    makeFeature(
      {
        ...d,
        kind: 'island',
        disputed: true,
        notes: d.id === 'habomai' ? `${NE_NOTE} ${HABOMAI_NOTE}` : NE_NOTE,
      },
      multi(groups.get(d.id)),
    ),
  ),
];

// Into the scenario document, checked and written as the app writes it.
const { createServer } = await import('vite');
const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'warn' });
try {
  const { openScenario } = await vite.ssrLoadModule('/src/data/open-scenario.ts');
  const { scenarioDocumentParts } = await vite.ssrLoadModule('/src/scenario/scenario-document.ts');
  const document = JSON.parse(readFileSync(OUT, 'utf8'));
  const layer = document.layers.find((candidate) => candidate.id === LAYER_ID);
  if (!layer) throw new Error(`${OUT} has no layer "${LAYER_ID}"`);
  layer.features = features;
  const opened = openScenario(document);
  if (!opened.ok) throw new Error(`the new shapes do not pass the scenario's checks: ${JSON.stringify(opened.issues.slice(0, 3))}`);
  writeFileSync(OUT, [...scenarioDocumentParts(opened.value.head, opened.value.eventSets)].join(''));
} finally {
  await vite.close();
}

console.log(`Wrote the "${LAYER_ID}" layer of ${OUT}: ${islands.length} islands, ${features.length} features`);
