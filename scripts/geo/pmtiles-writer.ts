// Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) from
// a map of "z/x/y" → tile bytes. The npm `pmtiles` package only reads archives; this is the small
// writer its spec describes, used by the basemap build and by the tests that make their own archives.
//
// Why an archive rather than a folder of tiles: the world at zoom 8 is ~40,000 tiles, most of them
// copies (open land, open sea). One file dedupes them, copies as one file onto an air-gapped server,
// and is the same format an organisation's own OpenStreetMap extract comes in.
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { zxyToTileId } from 'pmtiles';

export interface ArchiveOptions {
  /** 'mvt' for vector tiles, 'png' for raster tests. */
  tileType: 'mvt' | 'png';
  /** Whether each tile's bytes are already gzipped (vector tiles usually are). */
  tilesGzipped: boolean;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds?: [number, number, number, number];
  center?: [number, number, number];
  /** JSON metadata: vector_layers, attribution, … */
  metadata?: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
const ROOT_DIRECTORY_MAX = 16_384 - HEADER_BYTES;
const COMPRESSION = { none: 1, gzip: 2 } as const;
const TILE_TYPE = { mvt: 1, png: 2 } as const;

function varints(values: readonly number[]): number[] {
  const bytes: number[] = [];
  for (let value of values) {
    while (value >= 0x80) {
      bytes.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    bytes.push(value);
  }
  return bytes;
}

/** A directory as the spec lays it out: count, tile-id deltas, run lengths, lengths, offsets (0 = right after the previous). */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const values = [entries.length];
  entries.forEach((entry, i) => values.push(entry.tileId - (i > 0 ? entries[i - 1]!.tileId : 0)));
  for (const entry of entries) values.push(entry.runLength);
  for (const entry of entries) values.push(entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    values.push(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return gzipSync(Uint8Array.from(varints(values)));
}

/** Root and leaf directories: a root alone when it fits the first 16 KiB, else leaves of a growing size. */
function directories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_DIRECTORY_MAX) return { root, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafParts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const candidate = serializeDirectory(rootEntries);
    if (candidate.length <= ROOT_DIRECTORY_MAX) return { root: candidate, leaves: Buffer.concat(leafParts) };
  }
}

function header(fields: Record<string, number>, options: ArchiveOptions): Uint8Array {
  const view = new DataView(new ArrayBuffer(HEADER_BYTES));
  new TextEncoder().encodeInto('PMTiles', new Uint8Array(view.buffer));
  view.setUint8(7, 3);
  const u64 = ['rootOffset', 'rootLength', 'metadataOffset', 'metadataLength', 'leavesOffset', 'leavesLength', 'dataOffset', 'dataLength', 'addressed', 'entries', 'contents'];
  u64.forEach((name, i) => view.setBigUint64(8 + i * 8, BigInt(fields[name]!), true));
  view.setUint8(96, 1); // clustered: tile data is in tile-id order
  view.setUint8(97, COMPRESSION.gzip);
  view.setUint8(98, options.tilesGzipped ? COMPRESSION.gzip : COMPRESSION.none);
  view.setUint8(99, TILE_TYPE[options.tileType]);
  view.setUint8(100, options.minZoom);
  view.setUint8(101, options.maxZoom);
  const [west, south, east, north] = options.bounds ?? [-180, -85, 180, 85];
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  const [centerLon, centerLat, centerZoom] = options.center ?? [(west + east) / 2, (south + north) / 2, options.minZoom];
  view.setUint8(118, centerZoom);
  view.setInt32(119, e7(centerLon), true);
  view.setInt32(123, e7(centerLat), true);
  return new Uint8Array(view.buffer);
}

/** The archive's bytes. Identical tiles are stored once; runs of identical neighbours share one entry. */
export function writePmtiles(tiles: ReadonlyMap<string, Uint8Array>, options: ArchiveOptions): Uint8Array {
  const sorted = [...tiles]
    .map(([key, bytes]) => {
      const [z, x, y] = key.split('/').map(Number) as [number, number, number];
      return { tileId: zxyToTileId(z, x, y), bytes };
    })
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const offsetByHash = new Map<string, number>();
  const data: Uint8Array[] = [];
  let dataLength = 0;
  for (const { tileId, bytes } of sorted) {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const last = entries.at(-1);
    const existing = offsetByHash.get(hash);
    if (last && existing !== undefined && last.offset === existing && last.tileId + last.runLength === tileId) {
      last.runLength++;
      continue;
    }
    let offset = existing;
    if (offset === undefined) {
      offset = dataLength;
      offsetByHash.set(hash, offset);
      data.push(bytes);
      dataLength += bytes.length;
    }
    entries.push({ tileId, offset, length: bytes.length, runLength: 1 });
  }
  const { root, leaves } = directories(entries);
  const metadata = gzipSync(JSON.stringify(options.metadata ?? {}));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const head = header(
    {
      rootOffset, rootLength: root.length, metadataOffset, metadataLength: metadata.length, leavesOffset, leavesLength: leaves.length,
      dataOffset, dataLength, addressed: sorted.length, entries: entries.length, contents: offsetByHash.size,
    },
    options,
  );
  return Buffer.concat([head, root, metadata, leaves, ...data]);
}
