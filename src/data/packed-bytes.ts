// Packed events (src/data/packed-events.ts) as one run of bytes: what the team server keeps as a
// PostgreSQL bytea per part and streams to browsers. The bytes say what they are (a magic, a
// version, the packed layout, the event count, each column's kind and length), every column starts
// 8-byte aligned so reading makes typed-array views of the bytes rather than copies, and reading
// checks everything it can before handing columns to the decoder: bytes that are cut short, of
// another format or inconsistent are refused with an Error, never decoded into wrong events.
// Plain code for browsers, workers and Node alike (no Node Buffer).
//
// Format, little-endian throughout:
//   0  "TWPK"            4 ASCII bytes
//   4  version           uint32, FORMAT_VERSION
//   8  layout            uint32, PACKED_LAYOUT of the columns
//  12  count             uint32, events
//  16  columns           uint32, COLUMNS.length
//  20  reserved          uint32, 0
//  24  per column, in COLUMNS' order: byte length (uint32), kind (uint32), the bytes, then zero
//      bytes up to the next multiple of 8. The last column is the string table in UTF-8. Nothing follows.
import { PACKED_LAYOUT, type PackedEvents } from './packed-events';

export const FORMAT_VERSION = 1;
const MAGIC = [0x54, 0x57, 0x50, 0x4b]; // "TWPK"
const HEADER_BYTES = 24;
const COLUMN_HEADER_BYTES = 8;
/** Required text references per event in layout 2 (packed-events' REQUIRED_TEXTS). */
const TEXTS_PER_EVENT = 7;

type NumberColumn = 'numbers' | 'flags' | 'texts' | 'optionalStarts' | 'optionalTexts' | 'geometryTypes' | 'positionStarts' | 'coordinates' | 'listStarts' | 'listItems' | 'stringEnds';
type TypedColumn = Float64Array | Uint32Array | Uint16Array | Uint8Array;
type ColumnKind = { code: number; size: number; make: (buffer: ArrayBuffer, byteOffset: number, length: number) => TypedColumn };

const KINDS = {
  u8: { code: 1, size: 1, make: (buffer, byteOffset, length) => new Uint8Array(buffer, byteOffset, length) },
  u16: { code: 2, size: 2, make: (buffer, byteOffset, length) => new Uint16Array(buffer, byteOffset, length) },
  u32: { code: 3, size: 4, make: (buffer, byteOffset, length) => new Uint32Array(buffer, byteOffset, length) },
  f64: { code: 4, size: 8, make: (buffer, byteOffset, length) => new Float64Array(buffer, byteOffset, length) },
} satisfies Record<string, ColumnKind>;
const UTF8_CODE = 5;

/** The typed columns in the order they are written; the string table comes after them. */
const COLUMNS: readonly (readonly [NumberColumn, ColumnKind])[] = [
  ['numbers', KINDS.f64],
  ['flags', KINDS.u16],
  ['texts', KINDS.u32],
  ['optionalStarts', KINDS.u32],
  ['optionalTexts', KINDS.u32],
  ['geometryTypes', KINDS.u8],
  ['positionStarts', KINDS.u32],
  ['coordinates', KINDS.f64],
  ['listStarts', KINDS.u32],
  ['listItems', KINDS.u32],
  ['stringEnds', KINDS.u32],
];
const COLUMN_COUNT = COLUMNS.length + 1;

/** Typed arrays are in the machine's byte order; the format is little-endian, as every machine we run on. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes that are not packed events, or packed events that don't hold together. */
export class PackedBytesError extends Error {
  constructor(message: string) {
    super(`Packed event bytes: ${message}`);
    this.name = 'PackedBytesError';
  }
}

const fail = (message: string): never => {
  throw new PackedBytesError(message);
};

const padded = (length: number) => Math.ceil(length / 8) * 8;

/** `starts` begins at 0, never goes down, and ends at `end`. */
function checkStarts(name: string, starts: Uint32Array, length: number, end: number) {
  if (starts.length !== length) fail(`${name} has ${starts.length} entries, not ${length}`);
  if (starts[0] !== 0) fail(`${name} does not start at 0`);
  for (let index = 1; index < starts.length; index += 1) if (starts[index]! < starts[index - 1]!) fail(`${name} goes down at entry ${index}`);
  if (starts[starts.length - 1] !== end) fail(`${name} ends at ${starts[starts.length - 1]}, not ${end}`);
}

/** Every reference in `column` (from `from`, every `step`th) names a string of the table (or 0: absent). */
function checkReferences(name: string, column: Uint32Array, strings: number, from = 0, step = 1) {
  for (let index = from; index < column.length; index += step) if (column[index]! > strings) fail(`${name}[${index}] refers to string ${column[index]}, past the table's ${strings}`);
}

/** The columns hold together: lengths agree with the count, offsets run in order to their columns' ends, references stay in the string table. */
function checkPacked(packed: PackedEvents) {
  const { count } = packed;
  if (packed.layout !== PACKED_LAYOUT) fail(`layout ${packed.layout}, not ${PACKED_LAYOUT}`);
  if (!Number.isInteger(count) || count < 0 || count > 0xffff_ffff) fail(`count ${count} is not a whole number of events`);
  if (packed.numbers.length !== count * 3) fail(`numbers has ${packed.numbers.length} entries, not 3 × ${count}`);
  if (packed.flags.length !== count) fail(`flags has ${packed.flags.length} entries, not ${count}`);
  if (packed.texts.length !== count * TEXTS_PER_EVENT) fail(`texts has ${packed.texts.length} entries, not ${TEXTS_PER_EVENT} × ${count}`);
  if (packed.geometryTypes.length !== count) fail(`geometryTypes has ${packed.geometryTypes.length} entries, not ${count}`);
  if (packed.optionalTexts.length % 2 !== 0) fail(`optionalTexts has an odd number of entries (${packed.optionalTexts.length}): they are pairs`);
  checkStarts('optionalStarts', packed.optionalStarts, count + 1, packed.optionalTexts.length);
  for (let index = 0; index < packed.optionalStarts.length; index += 1) if (packed.optionalStarts[index]! % 2 !== 0) fail(`optionalStarts[${index}] is odd: pairs start at even entries`);
  if (packed.coordinates.length % 2 !== 0) fail(`coordinates has an odd number of entries (${packed.coordinates.length}): they are pairs`);
  checkStarts('positionStarts', packed.positionStarts, count + 1, packed.coordinates.length / 2);
  checkStarts('listStarts', packed.listStarts, count * 2 + 1, packed.listItems.length);
  checkStarts('stringEnds', packed.stringEnds, packed.stringEnds.length || 1, packed.strings.length);
  const strings = packed.stringEnds.length - 1;
  checkReferences('texts', packed.texts, strings);
  checkReferences('optionalTexts', packed.optionalTexts, strings, 1, 2);
  checkReferences('listItems', packed.listItems, strings);
}

/**
 * The packed events as bytes (see the format above). Strings are written as UTF-8: a lone
 * surrogate, which is not text, becomes U+FFFD (one UTF-16 unit too, so string ends still agree).
 * Throws a PackedBytesError if the columns don't hold together, rather than writing bytes that
 * would be refused when read.
 */
export function packedToBytes(packed: PackedEvents): Uint8Array {
  if (!LITTLE_ENDIAN) fail('this machine is big-endian; the format is little-endian');
  checkPacked(packed);
  const strings = new TextEncoder().encode(packed.strings);
  let total = HEADER_BYTES;
  for (const [name] of COLUMNS) total += COLUMN_HEADER_BYTES + padded(packed[name].byteLength);
  total += COLUMN_HEADER_BYTES + padded(strings.byteLength);

  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, PACKED_LAYOUT, true);
  view.setUint32(12, packed.count, true);
  view.setUint32(16, COLUMN_COUNT, true);
  view.setUint32(20, 0, true);
  let at = HEADER_BYTES;
  const write = (code: number, column: Uint8Array) => {
    view.setUint32(at, column.byteLength, true);
    view.setUint32(at + 4, code, true);
    bytes.set(column, at + COLUMN_HEADER_BYTES);
    at += COLUMN_HEADER_BYTES + padded(column.byteLength);
  };
  for (const [name, kind] of COLUMNS) {
    const column = packed[name];
    write(kind.code, new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  write(UTF8_CODE, strings);
  return bytes;
}

/**
 * Packed events from bytes made by packedToBytes. The columns are views of the bytes' buffer, not
 * copies, when the bytes start 8-byte aligned (otherwise of one aligned copy): so they share one
 * ArrayBuffer, and a transfer list made of them must name it once (new Set(packedBuffers(…))).
 * Throws a PackedBytesError for bytes cut short, of another format, version or layout, or whose
 * columns don't hold together.
 */
export function bytesToPacked(bytes: Uint8Array): PackedEvents {
  if (!LITTLE_ENDIAN) fail('this machine is big-endian; the format is little-endian');
  if (bytes.byteLength < HEADER_BYTES) fail(`${bytes.byteLength} bytes are too few for the ${HEADER_BYTES}-byte header (cut short?)`);
  if (MAGIC.some((byte, index) => bytes[index] !== byte)) fail('they do not start with "TWPK": not packed events');
  // Columns start at multiples of 8 from the start of the bytes: typed arrays can view them in place if the bytes start aligned.
  const source = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const buffer = source.buffer as ArrayBuffer;
  const view = new DataView(buffer, source.byteOffset, source.byteLength);
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) fail(`format version ${version}; this code reads version ${FORMAT_VERSION}`);
  const layout = view.getUint32(8, true);
  if (layout !== PACKED_LAYOUT) fail(`packed layout ${layout}; this code reads layout ${PACKED_LAYOUT}`);
  const count = view.getUint32(12, true);
  const columns = view.getUint32(16, true);
  if (columns !== COLUMN_COUNT) fail(`${columns} columns, not ${COLUMN_COUNT}`);
  if (view.getUint32(20, true) !== 0) fail('the reserved header field is not 0');

  let at = HEADER_BYTES;
  /** The next column's bytes, after checking its kind and that it fits. */
  const next = (name: string, code: number, size: number): { byteOffset: number; byteLength: number } => {
    if (at + COLUMN_HEADER_BYTES > source.byteLength) fail(`they end before column ${name} (cut short?)`);
    const byteLength = view.getUint32(at, true);
    const kind = view.getUint32(at + 4, true);
    if (kind !== code) fail(`column ${name} is of kind ${kind}, not ${code}`);
    if (byteLength % size !== 0) fail(`column ${name} is ${byteLength} bytes, not a multiple of its ${size}-byte elements`);
    const byteOffset = at + COLUMN_HEADER_BYTES;
    const end = byteOffset + padded(byteLength);
    if (end > source.byteLength) fail(`column ${name} needs ${end} bytes and there are ${source.byteLength} (cut short?)`);
    for (let index = byteOffset + byteLength; index < end; index += 1) if (source[index] !== 0) fail(`the padding after column ${name} is not zero`);
    at = end;
    return { byteOffset: source.byteOffset + byteOffset, byteLength };
  };

  const typed: Partial<Record<NumberColumn, TypedColumn>> = {};
  for (const [name, kind] of COLUMNS) {
    const { byteOffset, byteLength } = next(name, kind.code, kind.size);
    typed[name] = kind.make(buffer, byteOffset, byteLength / kind.size);
  }
  const text = next('strings', UTF8_CODE, 1);
  if (at !== source.byteLength) fail(`${source.byteLength - at} bytes follow the last column`);
  let strings: string;
  try {
    // ignoreBOM: a string table that starts with U+FEFF keeps it.
    strings = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(buffer, text.byteOffset, text.byteLength));
  } catch {
    return fail('the string table is not valid UTF-8');
  }

  const packed = {
    layout: PACKED_LAYOUT,
    count,
    numbers: typed.numbers as Float64Array,
    flags: typed.flags as Uint16Array,
    texts: typed.texts as Uint32Array,
    optionalStarts: typed.optionalStarts as Uint32Array,
    optionalTexts: typed.optionalTexts as Uint32Array,
    geometryTypes: typed.geometryTypes as Uint8Array,
    positionStarts: typed.positionStarts as Uint32Array,
    coordinates: typed.coordinates as Float64Array,
    listStarts: typed.listStarts as Uint32Array,
    listItems: typed.listItems as Uint32Array,
    strings,
    stringEnds: typed.stringEnds as Uint32Array,
  } satisfies PackedEvents;
  checkPacked(packed);
  return packed;
}
