// Packed events as bytes (src/data/packed-bytes.ts), what the team server keeps per part and sends
// to browsers: real events (the built-in scenario, the examples, imported files) come back the
// same through the bytes, with their non-ASCII text, and bytes that are cut short, of another
// format or corrupted are refused with an Error, never decoded into wrong events silently.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEvents, type TripwireEvent } from '../../src/data/events';
import { openScenario } from '../../src/data/open-scenario';
import { bytesToPacked, FORMAT_VERSION, PackedBytesError, packedToBytes } from '../../src/data/packed-bytes';
import { decodeEvents, encodeEvents, EVENTS_PER_PART, PACKED_LAYOUT, packedBuffers, type PackedEvents } from '../../src/data/packed-events';
import { parseEventsFile } from '../../src/import/parse-events-file';

// The same events as tests/unit/packed-events.test.ts: made by the real readers from real files.
const scenarioEvents = (path: string): TripwireEvent[] => {
  const opened = openScenario(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')));
  if (!opened.ok) throw new Error(`${path} did not open`);
  return opened.value.eventSets.flatMap((set) => set.events);
};
const importedEvents = (name: string): TripwireEvent[] => {
  const result = parseEventsFile({ name, bytes: new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url))) });
  return result.ok ? normaliseEvents(result.events, name) : [];
};
const builtIn = scenarioEvents('../../public/scenarios/built-in.tripwire.json');
const examples = readdirSync(new URL('../fixtures/scenarios/', import.meta.url)).flatMap((name) => scenarioEvents(`../fixtures/scenarios/${name}`));
const fromFiles = readdirSync(new URL('../fixtures/import/', import.meta.url)).flatMap(importedEvents);
const every = [...builtIn, ...examples, ...fromFiles];

/** Events whose text is far from ASCII: Hangul, emoji (outside the BMP), combining marks, a byte order mark first. */
const [first, second] = builtIn;
const worldly: TripwireEvent[] = [
  { ...first!, id: '\uFEFFbom-first', title: '서울 북쪽 🚀 발사 보고', actors: ['대한민국 합동참모본부', '👩🏽‍✈️ crew'], place: 'Tōkyō 東京', summary: 'e\u0301 (e + combining acute), 𝔘𝔫𝔦𝔠𝔬𝔡𝔢' },
  { ...second!, id: 'line', title: '🇰🇷🇯🇵', geometry: { type: 'LineString', coordinates: [[126.97, 37.56], [129.07, 35.18], [139.69, 35.69]] }, factCheck: { note: '확인됨 ✅', sourceTitle: '연합뉴스', sourceUrl: 'https://example.org/기사' } },
];

const roundTrip = (events: readonly TripwireEvent[]) => decodeEvents(bytesToPacked(packedToBytes(encodeEvents(events))));

/** The same bytes starting `offset` bytes into a larger buffer (as a pooled Node Buffer or a slice of a stream may). */
const at = (bytes: Uint8Array, offset: number) => {
  const larger = new Uint8Array(bytes.byteLength + offset + 5).fill(0xee);
  larger.set(bytes, offset);
  return larger.subarray(offset, offset + bytes.byteLength);
};

/** Where each column's header (byte length, kind) sits, walking the format as documented. */
const columnHeaders = (bytes: Uint8Array): number[] => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets: number[] = [];
  for (let offset = 24; offset < bytes.byteLength; offset += 8 + Math.ceil(view.getUint32(offset, true) / 8) * 8) offsets.push(offset);
  return offsets;
};

/** Decoded packed events hold together: the decoder gives `count` events without throwing, and they can be written again. */
const expectUsable = (packed: PackedEvents) => {
  expect(decodeEvents(packed)).toHaveLength(packed.count);
  expect(() => packedToBytes(packed)).not.toThrow();
};

describe('packed events as bytes', () => {
  it('are tested with events of every kind, non-ASCII text among them', () => {
    expect(fromFiles.length).toBeGreaterThan(0);
    expect(every.some((event) => event.geometry.type === 'LineString')).toBe(true);
    expect(every.some((event) => event.geometry.type === 'Point')).toBe(true);
    expect(every.some((event) => event.factCheck)).toBe(true);
    expect(every.some((event) => /\P{ASCII}/u.test(JSON.stringify(event)))).toBe(true); // the files' own non-ASCII text
    expect(worldly.some((event) => /[\uAC00-\uD7AF]/.test(event.title) && /\p{Extended_Pictographic}/u.test(event.title))).toBe(true); // Hangul and emoji
  });

  it('give back the very events encoded, for every file', () => {
    for (const events of [builtIn, examples, fromFiles, every, worldly]) expect(roundTrip(events)).toEqual(events);
    // Same fields, same order: the normaliser's object shape survives the bytes too.
    expect(roundTrip(builtIn).map((event) => Object.keys(event))).toEqual(builtIn.map((event) => Object.keys(event)));
  });

  it('give back the very columns encoded', () => {
    const packed = encodeEvents(every);
    expect(bytesToPacked(packedToBytes(packed))).toEqual(packed);
  });

  it('keep text far from ASCII exactly, a leading byte order mark included', () => {
    const back = roundTrip(worldly);
    expect(back[0]!.id).toBe('\uFEFFbom-first');
    expect(back[0]!.title).toBe('서울 북쪽 🚀 발사 보고');
    expect(back[0]!.actors).toEqual(['대한민국 합동참모본부', '👩🏽‍✈️ crew']);
    expect(back[1]!.factCheck).toEqual({ note: '확인됨 ✅', sourceTitle: '연합뉴스', sourceUrl: 'https://example.org/기사' });
    // UTF-8: Hangul is three bytes a letter, not two as in UTF-16.
    const hangul = 'ㄱ'.repeat(1000);
    const bytes = packedToBytes(encodeEvents([{ ...first!, title: hangul }]));
    expect(bytes.byteLength).toBeGreaterThan(3000);
  });

  it('turn a lone surrogate, which is not text, into U+FFFD, keeping the strings after it', () => {
    const [back] = roundTrip([{ ...first!, title: 'a\uD800b', summary: 'after' }]);
    expect(back!.title).toBe('a\uFFFDb');
    expect(back!.summary).toBe('after');
  });

  it('hold zero events', () => {
    const packed = encodeEvents([]);
    const bytes = packedToBytes(packed);
    expect(bytesToPacked(bytes)).toEqual(packed);
    expect(decodeEvents(bytesToPacked(bytes))).toEqual([]);
  });

  it('hold points, lines and hand-made events without geometry or required fields', () => {
    const partial = [{ id: 'a', title: 'A', start: 1, end: 2 }, { id: 'b', start: 0 }] as unknown as TripwireEvent[];
    expect(decodeEvents(bytesToPacked(packedToBytes(encodeEvents(partial))))).toStrictEqual(partial);
    const shapes = [first!, { ...second!, geometry: { type: 'LineString', coordinates: [[1.25, 2.5], [-3, 4], [-180, -90]] } } as TripwireEvent];
    expect(roundTrip(shapes)).toEqual(shapes);
  });

  it('start with TWPK, the format version, the layout and the count, little-endian', () => {
    const bytes = packedToBytes(encodeEvents(builtIn));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('TWPK');
    expect([view.getUint32(4, true), view.getUint32(8, true), view.getUint32(12, true), view.getUint32(16, true)]).toEqual([FORMAT_VERSION, PACKED_LAYOUT, builtIn.length, 12]);
    expect(columnHeaders(bytes).every((offset) => offset % 8 === 0)).toBe(true);
    expect(bytes.byteLength % 8).toBe(0);
  });

  it('are read in place when aligned, and through one aligned copy when not', () => {
    const packed = encodeEvents(every);
    const bytes = packedToBytes(packed);
    const inPlace = bytesToPacked(bytes);
    for (const buffer of packedBuffers(inPlace)) expect(buffer).toBe(bytes.buffer);
    expect(inPlace.coordinates.byteOffset % 8).toBe(0);
    for (const offset of [1, 2, 3, 4, 5, 6, 7, 8, 13]) {
      const shifted = at(bytes, offset);
      const read = bytesToPacked(shifted);
      expect(read).toEqual(packed);
      if (offset % 8 !== 0) for (const buffer of packedBuffers(read)) expect(buffer).not.toBe(shifted.buffer);
    }
    // node-postgres gives a bytea as a Node Buffer, often a slice of a shared pool.
    expect(decodeEvents(bytesToPacked(Buffer.from(bytes)))).toEqual(every);
  });

  it('make columns a worker can transfer, naming their one buffer once', () => {
    const packed = bytesToPacked(packedToBytes(encodeEvents(builtIn)));
    const buffers = [...new Set(packedBuffers(packed))];
    expect(buffers).toHaveLength(1);
    const copy = structuredClone(packed, { transfer: buffers });
    expect(decodeEvents(copy)).toEqual(builtIn);
    expect(packed.numbers.byteLength).toBe(0); // transferred, not copied
  });

  it('write and read a full part of EVENTS_PER_PART events, about as large as its columns', () => {
    const many = Array.from({ length: EVENTS_PER_PART }, (_, index) => ({ ...worldly[index % worldly.length]!, ...builtIn[index % builtIn.length]!, id: `e-${index}`, key: index }));
    const packed = encodeEvents(many);
    const bytes = packedToBytes(packed);
    const columns = packedBuffers(packed).reduce((sum, buffer) => sum + buffer.byteLength, 0);
    expect(bytes.byteLength).toBeGreaterThan(columns);
    expect(bytes.byteLength).toBeLessThan(columns + new TextEncoder().encode(packed.strings).byteLength + 200);
    expect(decodeEvents(bytesToPacked(bytes))).toEqual(many);
  });

  it('refuse to write columns that do not hold together', () => {
    const packed = encodeEvents(builtIn);
    expect(() => packedToBytes({ ...packed, count: packed.count + 1 })).toThrow(/flags has|numbers has/);
    expect(() => packedToBytes({ ...packed, positionStarts: packed.positionStarts.subarray(1) })).toThrow(/positionStarts has/);
    expect(() => packedToBytes({ ...packed, strings: packed.strings.slice(1) })).toThrow(/stringEnds ends at/);
    expect(() => packedToBytes({ ...packed, layout: 1 as typeof PACKED_LAYOUT })).toThrow(/layout 1/);
  });
});

describe('bytes that are not whole, consistent packed events', () => {
  const packed = encodeEvents([...builtIn.slice(0, 5), ...worldly]);
  const good = packedToBytes(packed);
  const headers = columnHeaders(good);
  const withUint32 = (offset: number, value: number) => {
    const bytes = good.slice();
    new DataView(bytes.buffer).setUint32(offset, value, true);
    return bytes;
  };
  /** A column rewritten, its length field following, the rest of the bytes moved to fit. */
  const withColumn = (index: number, column: Uint8Array) => {
    const start = headers[index]!;
    const end = headers[index + 1] ?? good.byteLength;
    const block = new Uint8Array(8 + Math.ceil(column.byteLength / 8) * 8);
    new DataView(block.buffer).setUint32(0, column.byteLength, true);
    block.set(good.subarray(start + 4, start + 8), 4);
    block.set(column, 8);
    const bytes = new Uint8Array(start + block.byteLength + good.byteLength - end);
    bytes.set(good.subarray(0, start));
    bytes.set(block, start);
    bytes.set(good.subarray(end), start + block.byteLength);
    return bytes;
  };
  const u32 = (...values: number[]) => new Uint8Array(new Uint32Array(values).buffer);

  it.each([
    ['no bytes at all', new Uint8Array(0), /too few/],
    ['a header cut short', good.subarray(0, 20), /too few/],
    ['a column cut short', good.subarray(0, headers[3]! + 12), /column optionalStarts needs/],
    ['the string table missing', good.subarray(0, headers[11]!), /end before column strings/],
    ['other bytes: a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(40).fill(0)]), /do not start with "TWPK"/],
    ['JSON text', new TextEncoder().encode(JSON.stringify({ events: builtIn.slice(0, 2) })), /do not start with "TWPK"/],
    ['a later format version', withUint32(4, FORMAT_VERSION + 1), /format version 2/],
    ['another packed layout', withUint32(8, PACKED_LAYOUT - 1), /packed layout 1/],
    ['a count one too many', withUint32(12, packed.count + 1), /numbers has .* not 3 ×/],
    ['a count one too few', withUint32(12, packed.count - 1), /numbers has .* not 3 ×/],
    ['another number of columns', withUint32(16, 13), /13 columns/],
    ['a reserved field set', withUint32(20, 1), /reserved/],
    ['a column of the wrong kind', withUint32(headers[1]! + 4, 3), /column flags is of kind 3/],
    ['a length not a multiple of the element size', withUint32(headers[2]!, 6), /column texts is 6 bytes, not a multiple of its 4-byte elements/],
    ['bytes after the last column', Uint8Array.from([...good, 0, 0, 0, 0, 0, 0, 0, 0]), /8 bytes follow the last column/],
    ['non-zero padding', (() => { const bytes = good.slice(); bytes[headers[1]! + 8 + packed.flags.byteLength] = 1; return bytes; })(), /padding after column flags/],
    ['positionStarts one short of count + 1', withColumn(6, u32(...packed.positionStarts.subarray(1))), /positionStarts has 7 entries, not 8/],
    ['positionStarts going down', withColumn(6, u32(...[...packed.positionStarts].map((start, index) => (index === 3 ? 0 : start)))), /positionStarts goes down/],
    ['positionStarts not ending at the coordinates', withColumn(7, new Uint8Array(packed.coordinates.buffer.slice(16))), /positionStarts ends at/],
    ['listStarts not of 2 × count + 1', withColumn(8, u32(0)), /listStarts has 1 entries/],
    ['optionalTexts pairs cut in half', withColumn(4, u32(...packed.optionalTexts.subarray(0, -1))), /optionalTexts has an odd number/],
    ['optionalStarts in the middle of a pair', withColumn(3, u32(...[...packed.optionalStarts].map((start, index) => (index === 1 && start > 0 ? start - 1 : start)))), /optionalStarts\[1\] is odd/],
    ['a text referring past the string table', withColumn(2, u32(...packed.texts.subarray(0, -1), packed.stringEnds.length)), /texts\[\d+\] refers to string/],
    ['a list item referring past the string table', withColumn(9, u32(...packed.listItems.subarray(0, -1), 1_000_000)), /listItems\[\d+\] refers to string/],
    ['string ends past the strings', withColumn(10, u32(...packed.stringEnds.subarray(0, -1), packed.strings.length + 1)), /stringEnds ends at/],
    ['a string table that is not UTF-8', withColumn(11, Uint8Array.from([...new TextEncoder().encode(packed.strings).subarray(0, -1), 0xff])), /not valid UTF-8/],
  ])('refuse %s', (_, bytes, message) => {
    expect(() => bytesToPacked(bytes)).toThrow(PackedBytesError);
    expect(() => bytesToPacked(bytes)).toThrow(message);
  });

  it('refuse the bytes cut short anywhere, aligned or not', () => {
    for (let length = 0; length < good.byteLength; length += 1) {
      expect(() => bytesToPacked(good.subarray(0, length)), `cut at ${length}`).toThrow(PackedBytesError);
      expect(() => bytesToPacked(at(good.subarray(0, length), 3)), `cut at ${length}, unaligned`).toThrow(PackedBytesError);
    }
  });

  it('refuse any change to the header or to a column header', () => {
    const places = [...Array.from({ length: 24 }, (_, index) => index), ...headers.flatMap((offset) => Array.from({ length: 8 }, (_, index) => offset + index))];
    fc.assert(
      fc.property(fc.constantFrom(...places), fc.integer({ min: 1, max: 255 }), (place, change) => {
        const bytes = good.slice();
        bytes[place]! ^= change;
        expect(() => bytesToPacked(bytes)).toThrow(PackedBytesError);
      }),
      { numRuns: 2000 },
    );
  });

  it('either refuse changed bytes anywhere, or give back packed events that hold together', () => {
    let refused = 0;
    let read = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.byteLength - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (changes) => {
        const bytes = good.slice();
        for (const [place, change] of changes) bytes[place]! ^= change;
        let packed: PackedEvents;
        try {
          packed = bytesToPacked(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(PackedBytesError);
          refused += 1;
          return;
        }
        read += 1;
        expectUsable(packed);
      }),
      { numRuns: 3000 },
    );
    // Both outcomes happen: changed coordinates or flags are still packed events; changed lengths are not.
    expect(refused).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
  });

  it('refuse any column length made a little longer or shorter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: headers.length - 1 }), fc.integer({ min: -64, max: 64 }), (column, delta) => {
        const bytes = good.slice();
        const view = new DataView(bytes.buffer);
        const length = view.getUint32(headers[column]!, true);
        fc.pre(delta !== 0 && length + delta >= 0);
        view.setUint32(headers[column]!, length + delta, true);
        expect(() => bytesToPacked(bytes)).toThrow(PackedBytesError);
      }),
      { numRuns: 1000 },
    );
  });
});
