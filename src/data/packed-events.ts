// Events as packed columns: typed arrays for numbers, coordinates, presence flags and string
// references, and one string table for every text. A million events packed this way are a few
// large buffers: IndexedDB stores and reads them, and a worker hands them to the page, without
// serialising a million objects one by one. decodeEvents gives back the very events encoded, built
// with the fields in the order normaliseEvents gives them (one object shape for V8).
import type { TripwireEvent } from './events';

/** The string fields of an event, each a column of references into the string table (0: absent). */
const TEXT_FIELDS = [
  'id',
  'title',
  'date',
  'category',
  'status',
  'eventSetId',
  'precision',
  'summary',
  'endDate',
  'dateAsWritten',
  'dateReasoning',
  'quote',
  'speaker',
  'speakerRole',
  'statusNote',
  'place',
  'locationNote',
  'source',
  'sourceUrl',
] as const;
const FIRST_OPTIONAL_TEXT = TEXT_FIELDS.indexOf('summary');
/** After the location note come locationApproximate and factCheck, then the source's two fields. */
const LOCATION_NOTE = TEXT_FIELDS.indexOf('locationNote');
const FACT_CHECK_FIELDS = ['note', 'recordDate', 'sourceTitle', 'sourceUrl'] as const;
const TEXT_COLUMNS = TEXT_FIELDS.length + FACT_CHECK_FIELDS.length;
const FACT_CHECK_COLUMN = TEXT_FIELDS.length;

/** Presence bits of the fields that are not text (a text's absence is reference 0). */
const HAS_KEY = 1;
const HAS_START = 2;
const HAS_END = 4;
const HAS_ACTORS = 8;
const HAS_LAYERS = 16;
const HAS_LOCATION_APPROXIMATE = 32;
const LOCATION_APPROXIMATE = 64;
const HAS_FACT_CHECK = 128;

const NO_GEOMETRY = 0;
const POINT = 1;
const LINE = 2;

export interface PackedEvents {
  /** The layout of these columns; a packed record of another layout is not read. */
  layout: 1;
  count: number;
  /** key, start and end, three per event. */
  numbers: Float64Array;
  /** Presence and boolean bits per event (HAS_*). */
  flags: Uint8Array;
  /** Per event, one reference into the string table per text field, then the fact check's four. */
  texts: Uint32Array;
  /** Per event: no geometry, a point, a line. */
  geometryTypes: Uint8Array;
  /** Where each event's positions start in `coordinates` (in positions; count + 1 entries). */
  positionStarts: Uint32Array;
  /** Longitude, latitude, … for every position of every event. */
  coordinates: Float64Array;
  /** Where each event's actors, then its layers, start in `listItems` (2 × count + 1 entries). */
  listStarts: Uint32Array;
  /** References into the string table. */
  listItems: Uint32Array;
  /** Every distinct string, end to end; string n (from 1) runs from stringEnds[n - 1] to stringEnds[n]. */
  strings: string;
  stringEnds: Uint32Array;
}

/** The buffers a packed set is made of: what postMessage can transfer rather than copy. */
export const packedBuffers = (packed: PackedEvents): ArrayBuffer[] =>
  [packed.numbers, packed.flags, packed.texts, packed.geometryTypes, packed.positionStarts, packed.coordinates, packed.listStarts, packed.listItems, packed.stringEnds].map(
    (column) => column.buffer as ArrayBuffer,
  );

/** Grows like an array, but of numbers in one buffer. */
class Growing<T extends Float64Array | Uint32Array> {
  length = 0;
  constructor(
    public values: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number) {
    if (this.length === this.values.length) {
      const bigger = this.make(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
  done(): T {
    return this.values.slice(0, this.length) as T;
  }
}

export function encodeEvents(events: readonly TripwireEvent[]): PackedEvents {
  const count = events.length;
  const numbers = new Float64Array(count * 3);
  const flags = new Uint8Array(count);
  const texts = new Uint32Array(count * TEXT_COLUMNS);
  const geometryTypes = new Uint8Array(count);
  const positionStarts = new Uint32Array(count + 1);
  const coordinates = new Growing(new Float64Array(Math.max(16, count * 2)), (size) => new Float64Array(size));
  const listStarts = new Uint32Array(count * 2 + 1);
  const listItems = new Growing(new Uint32Array(Math.max(16, count)), (size) => new Uint32Array(size));
  const references = new Map<string, number>();
  const table: string[] = [];
  const stringEnds = new Growing(new Uint32Array(1024), (size) => new Uint32Array(size));
  stringEnds.push(0);
  let tableLength = 0;
  const reference = (value: string | undefined): number => {
    if (value === undefined) return 0;
    let found = references.get(value);
    if (found === undefined) {
      table.push(value);
      tableLength += value.length;
      stringEnds.push(tableLength);
      found = table.length;
      references.set(value, found);
    }
    return found;
  };
  const list = (values: readonly string[] | undefined) => {
    if (values) for (const value of values) listItems.push(reference(value));
  };

  for (let index = 0; index < count; index += 1) {
    const event = events[index]!;
    let bits = 0;
    if (event.key !== undefined) bits |= HAS_KEY;
    if (event.start !== undefined) bits |= HAS_START;
    if (event.end !== undefined) bits |= HAS_END;
    if (event.actors !== undefined) bits |= HAS_ACTORS;
    if (event.layers !== undefined) bits |= HAS_LAYERS;
    if (event.locationApproximate !== undefined) bits |= HAS_LOCATION_APPROXIMATE | (event.locationApproximate ? LOCATION_APPROXIMATE : 0);
    if (event.factCheck !== undefined) bits |= HAS_FACT_CHECK;
    flags[index] = bits;
    numbers[index * 3] = event.key ?? 0;
    numbers[index * 3 + 1] = event.start ?? 0;
    numbers[index * 3 + 2] = event.end ?? 0;
    const row = index * TEXT_COLUMNS;
    for (let field = 0; field < TEXT_FIELDS.length; field += 1) texts[row + field] = reference(event[TEXT_FIELDS[field]!] as string | undefined);
    const factCheck = event.factCheck;
    if (factCheck) for (let field = 0; field < FACT_CHECK_FIELDS.length; field += 1) texts[row + FACT_CHECK_COLUMN + field] = reference(factCheck[FACT_CHECK_FIELDS[field]!]);
    const geometry = event.geometry;
    if (geometry) {
      geometryTypes[index] = geometry.type === 'Point' ? POINT : LINE;
      const positions = (geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates) as number[][];
      for (const position of positions) {
        coordinates.push(position[0]!);
        coordinates.push(position[1]!);
      }
    } else geometryTypes[index] = NO_GEOMETRY;
    positionStarts[index + 1] = coordinates.length / 2;
    list(event.actors);
    listStarts[index * 2 + 1] = listItems.length;
    list(event.layers);
    listStarts[index * 2 + 2] = listItems.length;
  }
  return {
    layout: 1,
    count,
    numbers,
    flags,
    texts,
    geometryTypes,
    positionStarts,
    coordinates: coordinates.done(),
    listStarts,
    listItems: listItems.done(),
    strings: table.join(''),
    stringEnds: stringEnds.done(),
  };
}

/** Builds events from packed columns, a range at a time; strings are cut from the table once each. */
export function eventDecoder(packed: PackedEvents): (from: number, to: number, into: TripwireEvent[]) => void {
  const { numbers, flags, texts, geometryTypes, positionStarts, coordinates, listStarts, listItems, strings, stringEnds } = packed;
  const cut: (string | undefined)[] = new Array(stringEnds.length);
  const text = (reference: number): string | undefined => {
    if (reference === 0) return undefined;
    let value = cut[reference];
    if (value === undefined) value = cut[reference] = strings.slice(stringEnds[reference - 1], stringEnds[reference]);
    return value;
  };
  const list = (from: number, to: number): string[] => {
    const values = new Array<string>(to - from);
    for (let item = from; item < to; item += 1) values[item - from] = text(listItems[item]!)!;
    return values;
  };
  const position = (at: number): [number, number] => [coordinates[at * 2]!, coordinates[at * 2 + 1]!];

  return (from, to, into) => {
    for (let index = from; index < to; index += 1) {
      const bits = flags[index]!;
      const row = index * TEXT_COLUMNS;
      const type = geometryTypes[index];
      let geometry: TripwireEvent['geometry'] | undefined;
      if (type === POINT) geometry = { type: 'Point', coordinates: position(positionStarts[index]!) };
      else if (type === LINE) {
        const line: [number, number][] = [];
        for (let at = positionStarts[index]!; at < positionStarts[index + 1]!; at += 1) line.push(position(at));
        geometry = { type: 'LineString', coordinates: line };
      }
      // The fields normaliseEvents starts every event with, in its order; then the optional ones.
      const event: Record<string, unknown> = {
        id: text(texts[row]!),
        title: text(texts[row + 1]!),
        date: text(texts[row + 2]!),
        category: text(texts[row + 3]!),
        actors: bits & HAS_ACTORS ? list(listStarts[index * 2]!, listStarts[index * 2 + 1]!) : undefined,
        status: text(texts[row + 4]!),
        layers: bits & HAS_LAYERS ? list(listStarts[index * 2 + 1]!, listStarts[index * 2 + 2]!) : undefined,
        key: bits & HAS_KEY ? numbers[index * 3] : undefined,
        eventSetId: text(texts[row + 5]!),
        geometry,
        start: bits & HAS_START ? numbers[index * 3 + 1] : undefined,
        end: bits & HAS_END ? numbers[index * 3 + 2] : undefined,
        precision: text(texts[row + 6]!),
      };
      // Absent required fields (only hand-made events lack them) stay absent, not undefined.
      for (const field in event) if (event[field] === undefined) delete event[field];
      // The optional fields in the schema's order, as normaliseEvents adds them.
      const optionalText = (field: number) => {
        const reference = texts[row + field]!;
        if (reference !== 0) event[TEXT_FIELDS[field]!] = text(reference);
      };
      for (let field = FIRST_OPTIONAL_TEXT; field <= LOCATION_NOTE; field += 1) optionalText(field);
      if (bits & HAS_LOCATION_APPROXIMATE) event.locationApproximate = (bits & LOCATION_APPROXIMATE) !== 0;
      if (bits & HAS_FACT_CHECK) event.factCheck = factCheckAt(row);
      for (let field = LOCATION_NOTE + 1; field < TEXT_FIELDS.length; field += 1) optionalText(field);
      into.push(event as unknown as TripwireEvent);
    }
  };

  function factCheckAt(row: number): NonNullable<TripwireEvent['factCheck']> {
    const factCheck: Record<string, string> = {};
    for (let field = 0; field < FACT_CHECK_FIELDS.length; field += 1) {
      const value = text(texts[row + FACT_CHECK_COLUMN + field]!);
      if (value !== undefined) factCheck[FACT_CHECK_FIELDS[field]!] = value;
    }
    return factCheck as NonNullable<TripwireEvent['factCheck']>;
  }
}

export function decodeEvents(packed: PackedEvents): TripwireEvent[] {
  const events: TripwireEvent[] = [];
  eventDecoder(packed)(0, packed.count, events);
  return events;
}

/** Events built per slice: how many the page builds in one task (about 30–60 ms each here). */
export const EVENTS_PER_SLICE = 20_000;

/** Builds the events a slice at a time, giving the page back between slices. */
export async function decodeEventsInSlices(packed: PackedEvents, onProgress?: (fraction: number) => void): Promise<TripwireEvent[]> {
  const decode = eventDecoder(packed);
  const events: TripwireEvent[] = [];
  for (let from = 0; from < packed.count; from += EVENTS_PER_SLICE) {
    if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    decode(from, Math.min(packed.count, from + EVENTS_PER_SLICE), events);
    onProgress?.(Math.min(1, (from + EVENTS_PER_SLICE) / Math.max(1, packed.count)));
  }
  return events;
}
