// Events as packed columns: typed arrays for numbers, coordinates, presence flags and string
// references, and one string table for every text. A million events packed this way are a few
// large buffers: IndexedDB stores and reads them, and a worker hands them to the page, without
// serialising a million objects one by one. decodeEvents gives back the very events encoded, built
// with the fields in the order normaliseEvents gives them (one object shape for V8).
import type { TripwireEvent } from './events';

/** The text fields every normalised event has, one column each of references into the string table (0: absent). */
const REQUIRED_TEXTS = ['id', 'title', 'date', 'category', 'status', 'eventSetId', 'precision'] as const;
/** The optional text fields, in the schema's order, then the fact check's: kept as (field, reference) pairs, only where present. */
const OPTIONAL_TEXTS = ['summary', 'endDate', 'dateAsWritten', 'dateReasoning', 'quote', 'speaker', 'speakerRole', 'statusNote', 'place', 'locationNote', 'source', 'sourceUrl'] as const;
const FACT_CHECK_TEXTS = ['note', 'recordDate', 'sourceTitle', 'sourceUrl'] as const;
/** Optional fields after this one come after locationApproximate and factCheck in a normalised event. */
const LOCATION_NOTE = OPTIONAL_TEXTS.indexOf('locationNote');
const FACT_CHECK_BASE = OPTIONAL_TEXTS.length;

/** Presence bits of the fields that are not text (a text's absence is reference 0). */
const HAS_KEY = 1;
const HAS_START = 2;
const HAS_END = 4;
const HAS_ACTORS = 8;
const HAS_LAYERS = 16;
const HAS_LOCATION_APPROXIMATE = 32;
const LOCATION_APPROXIMATE = 64;
const HAS_FACT_CHECK = 128;
/** A required field is missing (only hand-made events): the decoder then drops its undefined fields. */
const INCOMPLETE = 256;
/** The bits every normalised event has. */
const ALWAYS = HAS_KEY | HAS_START | HAS_END | HAS_ACTORS | HAS_LAYERS;

const NO_GEOMETRY = 0;
const POINT = 1;
const LINE = 2;

/** The layout of the columns below: a packed record of another layout is not read. */
export const PACKED_LAYOUT = 2;

export interface PackedEvents {
  layout: typeof PACKED_LAYOUT;
  count: number;
  /** key, start and end, three per event. */
  numbers: Float64Array;
  /** Presence and boolean bits per event (HAS_*, INCOMPLETE). */
  flags: Uint16Array;
  /** Per event, one reference into the string table per required text field (REQUIRED_TEXTS). */
  texts: Uint32Array;
  /** Where each event's optional texts start in `optionalTexts`, in pairs (count + 1 entries). */
  optionalStarts: Uint32Array;
  /** (field, reference) pairs: the field an index into OPTIONAL_TEXTS, or past its end into FACT_CHECK_TEXTS. */
  optionalTexts: Uint32Array;
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
  [packed.numbers, packed.flags, packed.texts, packed.optionalStarts, packed.optionalTexts, packed.geometryTypes, packed.positionStarts, packed.coordinates, packed.listStarts, packed.listItems, packed.stringEnds].map(
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
  const flags = new Uint16Array(count);
  const texts = new Uint32Array(count * REQUIRED_TEXTS.length);
  const optionalStarts = new Uint32Array(count + 1);
  const optionalTexts = new Growing(new Uint32Array(Math.max(16, count * 2)), (size) => new Uint32Array(size));
  const geometryTypes = new Uint8Array(count);
  const positionStarts = new Uint32Array(count + 1);
  const coordinates = new Growing(new Float64Array(Math.max(16, count * 2)), (size) => new Float64Array(size));
  const listStarts = new Uint32Array(count * 2 + 1);
  const listItems = new Growing(new Uint32Array(Math.max(16, count)), (size) => new Uint32Array(size));
  const table: string[] = [];
  const stringEnds = new Growing(new Uint32Array(1024), (size) => new Uint32Array(size));
  stringEnds.push(0);
  let tableLength = 0;
  const add = (value: string): number => {
    table.push(value);
    tableLength += value.length;
    stringEnds.push(tableLength);
    return table.length;
  };
  // Repeated strings (a category, a day, a place) are kept once. Looking every string up costs
  // seconds at a million events, so a field whose values turn out mostly distinct (ids, notes) stops
  // being looked up, and a value equal to the field's previous one needs no look-up at all.
  const references = new Map<string, number>();
  const slots = REQUIRED_TEXTS.length + OPTIONAL_TEXTS.length + FACT_CHECK_TEXTS.length + 2;
  const LISTS = slots - 2;
  const lastValue = new Array<string | undefined>(slots);
  const lastReference = new Uint32Array(slots);
  const lookedUp = new Uint32Array(slots);
  const distinct = new Uint32Array(slots);
  const mostlyDistinct = new Uint8Array(slots);
  const reference = (slot: number, value: string | undefined): number => {
    if (value === undefined) return 0;
    if (value === lastValue[slot]) return lastReference[slot]!;
    let found: number | undefined;
    if (mostlyDistinct[slot]) found = add(value);
    else {
      lookedUp[slot]! += 1;
      found = references.get(value);
      if (found === undefined) {
        references.set(value, (found = add(value)));
        distinct[slot]! += 1;
        if (lookedUp[slot]! >= 65_536 && distinct[slot]! * 2 > lookedUp[slot]!) mostlyDistinct[slot] = 1;
      }
    }
    lastValue[slot] = value;
    lastReference[slot] = found;
    return found;
  };
  const optional = (field: number, value: string | undefined) => {
    if (value === undefined) return;
    optionalTexts.push(field);
    optionalTexts.push(reference(REQUIRED_TEXTS.length + field, value));
  };
  const list = (slot: number, values: readonly string[] | undefined) => {
    if (values) for (const value of values) listItems.push(reference(slot, value));
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
    const { id, title, date, category, status, eventSetId, precision } = event;
    if ((bits & ALWAYS) !== ALWAYS || !event.geometry || id === undefined || title === undefined || date === undefined || category === undefined || status === undefined || eventSetId === undefined || precision === undefined)
      bits |= INCOMPLETE;
    flags[index] = bits;
    numbers[index * 3] = event.key ?? 0;
    numbers[index * 3 + 1] = event.start ?? 0;
    numbers[index * 3 + 2] = event.end ?? 0;
    const row = index * REQUIRED_TEXTS.length;
    // An id is unique in its set: looking it up would only cost time. Fields are read by name, not
    // by a computed key: a million events' keyed reads cost more than the rest of the packing.
    texts[row] = id === undefined ? 0 : add(id);
    texts[row + 1] = reference(1, title);
    texts[row + 2] = reference(2, date);
    texts[row + 3] = reference(3, category);
    texts[row + 4] = reference(4, status);
    texts[row + 5] = reference(5, eventSetId);
    texts[row + 6] = reference(6, precision);
    optional(0, event.summary);
    optional(1, event.endDate);
    optional(2, event.dateAsWritten);
    optional(3, event.dateReasoning);
    optional(4, event.quote);
    optional(5, event.speaker);
    optional(6, event.speakerRole);
    optional(7, event.statusNote);
    optional(8, event.place);
    optional(9, event.locationNote);
    optional(10, event.source);
    optional(11, event.sourceUrl);
    const factCheck = event.factCheck;
    if (factCheck) {
      optional(FACT_CHECK_BASE, factCheck.note);
      optional(FACT_CHECK_BASE + 1, factCheck.recordDate);
      optional(FACT_CHECK_BASE + 2, factCheck.sourceTitle);
      optional(FACT_CHECK_BASE + 3, factCheck.sourceUrl);
    }
    optionalStarts[index + 1] = optionalTexts.length;
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
    list(LISTS, event.actors);
    listStarts[index * 2 + 1] = listItems.length;
    list(LISTS + 1, event.layers);
    listStarts[index * 2 + 2] = listItems.length;
  }
  return {
    layout: PACKED_LAYOUT,
    count,
    numbers,
    flags,
    texts,
    optionalStarts,
    optionalTexts: optionalTexts.done(),
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
  const { numbers, flags, texts, optionalStarts, optionalTexts, geometryTypes, positionStarts, coordinates, listStarts, listItems, strings, stringEnds } = packed;
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
      const row = index * REQUIRED_TEXTS.length;
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
      if (bits & INCOMPLETE) for (const field in event) if (event[field] === undefined) delete event[field];
      // The optional fields in the schema's order, as normaliseEvents adds them: locationApproximate
      // and factCheck come after locationNote.
      let factCheck: Record<string, string> | null = null;
      let middlePlaced = false;
      const end = optionalStarts[index + 1]!;
      for (let pair = optionalStarts[index]!; pair <= end; pair += 2) {
        const field = pair < end ? optionalTexts[pair]! : Infinity;
        if (field > LOCATION_NOTE && !middlePlaced) {
          middlePlaced = true;
          if (bits & HAS_LOCATION_APPROXIMATE) event.locationApproximate = (bits & LOCATION_APPROXIMATE) !== 0;
          if (bits & HAS_FACT_CHECK) event.factCheck = factCheck = {};
        }
        if (pair === end) break;
        if (field < FACT_CHECK_BASE) event[OPTIONAL_TEXTS[field]!] = text(optionalTexts[pair + 1]!);
        else if (factCheck) factCheck[FACT_CHECK_TEXTS[field - FACT_CHECK_BASE]!] = text(optionalTexts[pair + 1]!)!;
      }
      into.push(event as unknown as TripwireEvent);
    }
  };
}

export function decodeEvents(packed: PackedEvents): TripwireEvent[] {
  const events: TripwireEvent[] = [];
  eventDecoder(packed)(0, packed.count, events);
  return events;
}

/**
 * Events per packed part. A million events packed whole are ~170 MB, more than Chromium's
 * IndexedDB takes as one value (the write aborts); parts of 100,000 are ~17 MB each.
 */
export const EVENTS_PER_PART = 100_000;

/** The events packed in parts of EVENTS_PER_PART: a few large records, never one per event. */
export function encodeEventParts(events: readonly TripwireEvent[]): PackedEvents[] {
  const parts: PackedEvents[] = [];
  for (let from = 0; from < events.length; from += EVENTS_PER_PART) parts.push(encodeEvents(events.slice(from, from + EVENTS_PER_PART)));
  return parts;
}

/** Events built per slice: how many the page builds in one task (about 30–60 ms each here). */
export const EVENTS_PER_SLICE = 20_000;

/** Builds the events of every part, in order, a slice at a time, giving the page back between slices. */
export async function decodeEventsInSlices(parts: readonly PackedEvents[], onProgress?: (fraction: number) => void): Promise<TripwireEvent[]> {
  const total = Math.max(1, parts.reduce((sum, part) => sum + part.count, 0));
  const events: TripwireEvent[] = [];
  let first = true;
  for (const packed of parts) {
    const decode = eventDecoder(packed);
    for (let from = 0; from < packed.count; from += EVENTS_PER_SLICE) {
      if (!first) await new Promise((resolve) => setTimeout(resolve, 0));
      first = false;
      decode(from, Math.min(packed.count, from + EVENTS_PER_SLICE), events);
      onProgress?.(events.length / total);
    }
  }
  return events;
}

/** The event with this id in a packed set, built alone (the others stay packed); null when it is not there. */
export function findPackedEvent(packed: PackedEvents, id: string): TripwireEvent | null {
  const { texts, strings, stringEnds } = packed;
  for (let index = 0; index < packed.count; index += 1) {
    const reference = texts[index * REQUIRED_TEXTS.length]!;
    if (reference === 0) continue;
    const start = stringEnds[reference - 1]!;
    if (stringEnds[reference]! - start === id.length && strings.startsWith(id, start)) {
      const found: TripwireEvent[] = [];
      eventDecoder(packed)(index, index + 1, found);
      return found[0]!;
    }
  }
  return null;
}
