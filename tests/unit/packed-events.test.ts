// Packed columns (src/data/packed-events.ts) give back the very events they were made of: events
// made by the real readers from real files (CSV and GeoJSON fixtures, the built-in scenario and the
// example scenarios), with their optional fields, routes, actors, layers and fact checks.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseEvents, type TripwireEvent } from '../../src/data/events';
import { openScenario } from '../../src/data/open-scenario';
import { decodeEvents, decodeEventsInSlices, encodeEventParts, encodeEvents, EVENTS_PER_PART, EVENTS_PER_SLICE, packedBuffers } from '../../src/data/packed-events';
import { parseEventsFile } from '../../src/import/parse-events-file';

const scenarioEvents = (path: string): TripwireEvent[] => {
  const opened = openScenario(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')));
  if (!opened.ok) throw new Error(`${path} did not open`);
  return opened.value.eventSets.flatMap((set) => set.events);
};

const importFixtures = readdirSync(new URL('../fixtures/import/', import.meta.url));
const importedEvents = (name: string): TripwireEvent[] => {
  const result = parseEventsFile({ name, bytes: new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url))) });
  return result.ok ? normaliseEvents(result.events, name) : [];
};

const builtIn = scenarioEvents('../../public/scenarios/built-in.tripwire.json');
const examples = readdirSync(new URL('../fixtures/scenarios/', import.meta.url)).flatMap((name) => scenarioEvents(`../fixtures/scenarios/${name}`));
const fromFiles = importFixtures.flatMap(importedEvents);
const every = [...builtIn, ...examples, ...fromFiles];

describe('packed events', () => {
  it('are made from events of every kind: the test covers what it claims', () => {
    expect(fromFiles.length).toBeGreaterThan(0);
    expect(every.some((event) => event.geometry.type === 'LineString')).toBe(true);
    expect(every.some((event) => event.factCheck)).toBe(true);
    expect(every.some((event) => event.factCheck && !event.factCheck.recordDate)).toBe(true);
    expect(every.some((event) => event.actors.length > 1)).toBe(true);
    expect(every.some((event) => event.layers.length > 0)).toBe(true);
    expect(every.some((event) => event.endDate)).toBe(true);
    expect(every.some((event) => event.locationApproximate !== undefined)).toBe(true);
  });

  it('decode to events deep-equal to those encoded, for every file', () => {
    for (const events of [builtIn, examples, fromFiles]) expect(decodeEvents(encodeEvents(events))).toEqual(events);
    // Same fields, same order: the decoded events have the normaliser's object shape.
    expect(decodeEvents(encodeEvents(builtIn)).map((event) => Object.keys(event))).toEqual(builtIn.map((event) => Object.keys(event)));
  });

  it('keep what differs between events: a changed field is not papered over', () => {
    const [first, second] = builtIn;
    const changed: TripwireEvent[] = [
      { ...first!, actors: [...first!.actors, 'Someone else'], locationApproximate: false },
      { ...second!, geometry: { type: 'LineString', coordinates: [[1.25, 2.5], [-3, 4]] }, factCheck: { note: 'n', sourceTitle: 't', sourceUrl: 'https://example.org' }, title: '' },
    ];
    const back = decodeEvents(encodeEvents(changed));
    expect(back).toEqual(changed);
    expect(back).not.toEqual([first, second]);
  });

  it('keep hand-made events without their required fields as they are', () => {
    const partial = [{ id: 'a', title: 'A', start: 1, end: 2 }, { id: 'b', start: 0 }] as unknown as TripwireEvent[];
    expect(decodeEvents(encodeEvents(partial))).toStrictEqual(partial);
  });

  it('decode a slice at a time into the same events, and survive a transfer of their buffers', async () => {
    const many = Array.from({ length: EVENTS_PER_SLICE * 2 + 7 }, (_, index) => ({ ...builtIn[index % builtIn.length]!, id: `e-${index}`, key: index }));
    const packed = encodeEvents(many);
    const copy = structuredClone(packed, { transfer: packedBuffers(packed) });
    const fractions: number[] = [];
    expect(await decodeEventsInSlices([copy], (fraction) => fractions.push(fraction))).toEqual(many);
    expect(fractions).toEqual([EVENTS_PER_SLICE / many.length, (EVENTS_PER_SLICE * 2) / many.length, 1]);
    expect(packed.numbers.byteLength).toBe(0); // transferred, not copied
  });

  it('split into parts of EVENTS_PER_PART and come back whole, in order', async () => {
    const many = Array.from({ length: EVENTS_PER_PART + 3 }, (_, index) => ({ ...builtIn[index % builtIn.length]!, id: `e-${index}`, key: index }));
    const parts = encodeEventParts(many);
    expect(parts.map((part) => part.count)).toEqual([EVENTS_PER_PART, 3]);
    expect(await decodeEventsInSlices(parts)).toEqual(many);
  }, 30_000); // 100,003 events packed, unpacked and compared: ~2.5 s alone, past the 5 s default on a loaded machine
});
