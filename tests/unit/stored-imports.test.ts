// Imports in the browser database (src/storage), against a spec-following in-memory IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TripwireEvent } from '../../src/data/events';
import { openDatabase, STORED_IMPORT_VERSION } from '../../src/storage/database';
import { deleteStoredImport, listStoredImports, readStoredEvents, readStoredFile, saveImport } from '../../src/storage/stored-imports';
import { recallMapping, rememberMapping } from '../../src/storage/remembered-mappings';
import { EVENTS_PER_CHUNK } from '../../src/storage/database';

const eventsNamed = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}-${index}`, title: `${prefix} ${index}`, start: index, end: index }) as unknown as TripwireEvent);
const record = (id: string, eventCount: number) => ({ id, name: `${id}.csv`, format: 'csv' as const, eventCount, mapping: null, warnings: [] });

describe('stored imports', () => {
  it('give back every event in order, from one record of packed columns, with the file as it came', async () => {
    const events = eventsNamed(EVENTS_PER_CHUNK * 2 + 5, 'a');
    await saveImport(record('big', events.length), events, new Blob(['date,title\n']));
    const [stored] = (await listStoredImports()).filter((item) => item.id === 'big');
    expect(stored).toMatchObject({ chunkCount: 1, eventCount: events.length, eventsVersion: STORED_IMPORT_VERSION });
    expect(await readStoredEvents(stored!)).toEqual(events);
    // One record, its events as a few buffers: not arrays of event objects.
    const database = await openDatabase();
    const records = await database.getAll('importChunks', IDBKeyRange.bound(['big', 0], ['big', Infinity]));
    expect(records).toHaveLength(1);
    expect(records[0]!.events).toBeUndefined();
    expect(records[0]!.packed?.numbers).toBeInstanceOf(Float64Array);
    expect(await (await readStoredFile('big'))!.text()).toBe('date,title\n');
  });

  it('a re-import under the same id replaces every old chunk, so no stale events come back', async () => {
    await saveImport(record('again', EVENTS_PER_CHUNK + 1), eventsNamed(EVENTS_PER_CHUNK + 1, 'old'), new Blob(['old']));
    await saveImport(record('again', 3), eventsNamed(3, 'new'), new Blob(['new']));
    const [stored] = (await listStoredImports()).filter((item) => item.id === 'again');
    expect((await readStoredEvents(stored!))?.map((event) => event.id)).toEqual(['new-0', 'new-1', 'new-2']);
    // The old second chunk must not linger, taking space and waiting to be read by a later, longer save.
    const database = await openDatabase();
    expect(await database.count('importChunks', IDBKeyRange.bound(['again', 0], ['again', Infinity]))).toBe(1);
  });

  it('says a stored import is incomplete rather than returning part of it', async () => {
    await saveImport(record('partial', 4), eventsNamed(4, 'p'), new Blob(['x']));
    const [stored] = (await listStoredImports()).filter((item) => item.id === 'partial');
    expect(await readStoredEvents({ ...stored!, eventCount: 5 })).toBeNull();
  });

  it('say an import stored by an older version is not there to read, so it is rebuilt from its file', async () => {
    const database = await openDatabase();
    // Version 1: chunks of event objects.
    await database.put('imports', { ...record('old', 2), chunkCount: 1, eventsVersion: 1, savedAt: '2026-11-29T00:00:00Z' });
    await database.put('importChunks', { importId: 'old', index: 0, events: eventsNamed(2, 'o') });
    const [stored] = (await listStoredImports()).filter((item) => item.id === 'old');
    expect(await readStoredEvents(stored!)).toBeNull();
    // Rebuilt under the same id: the old chunk is replaced, and the import reads back.
    await saveImport(record('old', 2), eventsNamed(2, 'n'), new Blob(['x']));
    const [rebuilt] = (await listStoredImports()).filter((item) => item.id === 'old');
    expect((await readStoredEvents(rebuilt!))?.map((event) => event.id)).toEqual(['n-0', 'n-1']);
  });

  it('are deleted with their events and file', async () => {
    await saveImport(record('gone', 2), eventsNamed(2, 'g'), new Blob(['x']));
    await deleteStoredImport('gone');
    expect((await listStoredImports()).some((item) => item.id === 'gone')).toBe(false);
    expect(await readStoredFile('gone')).toBeNull();
  });
});

describe('remembered mappings', () => {
  it('offer the mapping confirmed for a header again, and nothing for another header', async () => {
    const mapping = { columns: { date: 1, lat: 3, lon: 4 }, titleTemplate: '{event_type} in {location}', dateOrder: 'month-first' as const, categories: { Battles: 'military-activity' } };
    await rememberMapping('event_date|event_type|location', mapping);
    expect((await recallMapping('event_date|event_type|location'))?.mapping).toEqual(mapping);
    expect(await recallMapping('date|title')).toBeNull();
  });
});
