// The actions (src/actions) against the in-memory storage: open, edit, undo, redo, import and
// reopen, as the app does them, with two "tabs" (two sessions over one shelf) where they meet.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTripwireStore } from '../../src/data/store';
import { openScenario } from '../../src/data/open-scenario';
import type { ScenarioHead } from '../../src/data/scenario-schema';
import { normaliseEvents, type TripwireEvent } from '../../src/data/events';
import { emptyShelf, memoryStorage, type MemoryShelf } from '../../src/storage/memory-storage';
import { ScenarioSession, type SessionOptions } from '../../src/session/scenario-session';
import { editEvent, editHead, redoEdit, undoEdit } from '../../src/actions/edit-actions';
import { openDocument, openStoredScenario } from '../../src/actions/scenario-actions';
import { importEventsFile, removeImport, type ReadImport } from '../../src/actions/import-actions';
import { restoreImports } from '../../src/actions/restore-imports';
import { parseEventsFile } from '../../src/import/parse-events-file';

const scenarioJson = (name: string) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
const RED_SEA = '../fixtures/scenarios/red-sea-example.tripwire.json';
const BUILT_IN = '../../public/scenarios/built-in.tripwire.json';

let sessions: ScenarioSession[] = [];
afterEach(() => {
  for (const session of sessions) session.close();
  sessions = [];
});

/** A page: its own store and session, over a storage shelf that pages may share (one browser). */
function page(shelf: MemoryShelf, options: SessionOptions = {}): ScenarioSession {
  const session = new ScenarioSession(createTripwireStore(), memoryStorage(shelf), options);
  sessions.push(session);
  return session;
}

async function opened(session: ScenarioSession, file = RED_SEA) {
  const result = openScenario(scenarioJson(file));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  await openDocument(session, result.value);
  return session.store.getState().scenario!;
}

const allEvents = (session: ScenarioSession) => session.store.getState().eventSets.flatMap((set) => set.events);
const titles = (session: ScenarioSession) => allEvents(session).map((event) => event.title);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The import worker's work, done on this thread: the same parsing and checks. */
const readOnThisThread: ReadImport = async (file, name, eventSetId) => {
  const result = parseEventsFile({ name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) return { kind: 'refused', format: result.format, issues: result.issues };
  const events = normaliseEvents(result.events, eventSetId);
  return { kind: 'accepted', format: result.format, events, warnings: result.warnings, mapping: null, keep: async () => ({ stored: true }), discard: () => {} };
};
const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const CSV = 'id,date,title,latitude,longitude,category\nbab-1,2024-01-12,Strike near Hodeidah,14.8,42.95,military-activity\nbab-2,2024-02-03,Ship hit off Aden,12.6,45.1,military-activity\n';

describe('actions over the in-memory storage', () => {
  it('opening a document keeps it; an edit, its undo and its redo are journalled and reopen as they were', async () => {
    const shelf = emptyShelf();
    const first = page(shelf);
    const head = await opened(first);
    expect(await first.storage.hasScenario(head.id)).toBe(true);
    const event = allEvents(first)[0]!;

    await editEvent(first, event, { ...event, title: 'Renamed by the analyst' });
    expect(titles(first)).toContain('Renamed by the analyst');
    await undoEdit(first);
    expect(titles(first)).toContain(event.title);
    await redoEdit(first);
    expect(titles(first)).toContain('Renamed by the analyst');
    expect((await first.storage.readEdits(head.id)).map((entry) => entry.step)).toEqual(['do', 'undo', 'redo']);

    // Reopened in a new page: the edit is there, and so is its undo history.
    const second = page(shelf);
    expect(await openStoredScenario(second, head.id)).toBe(true);
    expect(titles(second)).toContain('Renamed by the analyst');
    await undoEdit(second);
    expect(titles(second)).toContain(event.title);
  });

  it('the first edit of a read-only scenario makes a kept copy; the original is never stored', async () => {
    const session = page(emptyShelf());
    const result = openScenario(scenarioJson(BUILT_IN));
    if (!result.ok) throw new Error('built-in scenario does not open');
    session.show(result.value, { keepShown: false, stored: false });
    const original = session.store.getState().scenario!;
    await editHead(session, (current) => ({ ...current, subtitle: 'Edited subtitle' }));
    const copy = session.store.getState().scenario!;
    expect(copy.id).toBe(`${original.id}-copy`);
    expect(copy.title).toBe(`${original.title} (copy)`);
    expect(copy.readOnly).toBeUndefined();
    expect(await session.storage.hasScenario(original.id)).toBe(false);
    expect((await session.storage.readEdits(copy.id)).at(-1)?.edits).toEqual([expect.objectContaining({ after: expect.objectContaining({ id: '(details)', details: expect.objectContaining({ subtitle: 'Edited subtitle' }) }) })]);
  });

  it("two pages of one scenario converge: each hears the other's edits, and the newest edit of an event wins", async () => {
    const shelf = emptyShelf();
    const mine = page(shelf);
    const head = await opened(mine);
    const theirs = page(shelf);
    await openStoredScenario(theirs, head.id);
    const event = allEvents(mine)[0]!;

    await editEvent(mine, event, { ...event, title: 'Mine' });
    await settle();
    expect(titles(theirs)).toContain('Mine');
    await editEvent(theirs, { ...event, title: 'Mine' }, { ...event, title: 'Theirs, later' });
    await settle();
    expect(titles(mine)).toEqual(titles(theirs));
    expect(titles(mine)).toContain('Theirs, later');
    // Undo in one page undoes that page's own edit only.
    await undoEdit(theirs);
    await settle();
    expect(titles(mine)).toContain('Mine');
    expect(titles(theirs)).toEqual(titles(mine));
  });

  it('an import into the built-in scenario is kept on its own and restored by the next page; removing it forgets it', async () => {
    const shelf = emptyShelf();
    const session = page(shelf);
    const built = openScenario(scenarioJson(BUILT_IN));
    if (!built.ok) throw new Error('built-in scenario does not open');
    session.show(built.value, { keepShown: false, stored: false });
    const report = await importEventsFile(session, csv('red-sea.csv', CSV), { askMapping: async () => null }, readOnThisThread);
    expect(report).toMatchObject({ ok: true, eventCount: 2, issues: [] });
    expect(titles(session)).toContain('Ship hit off Aden');
    expect((await session.storage.listImports()).map((record) => record.name)).toEqual(['red-sea.csv']);

    const next = page(shelf);
    next.show(built.value, { keepShown: false, stored: false });
    await restoreImports(next, undefined, readOnThisThread);
    expect(titles(next)).toContain('Strike near Hodeidah');

    await removeImport(next, 'import-red-sea-csv');
    expect(titles(next)).not.toContain('Strike near Hodeidah');
    expect(await next.storage.listImports()).toEqual([]);
  });

  it('a refused import and a clash of ids change nothing, and say where', async () => {
    const session = page(emptyShelf());
    const head = await opened(session);
    const before = allEvents(session);
    const broken = await importEventsFile(session, csv('broken.csv', 'id,date,title,latitude,longitude,category\nx-1,2024-01-01,Fine,1,2,military-activity\nx-2,not a date,Broken,1,2,military-activity\n'), { askMapping: async () => null }, readOnThisThread);
    expect(broken.ok).toBe(false);
    expect(broken.issues[0]).toMatchObject({ location: expect.stringMatching(/3/), message: expect.stringMatching(/date/i) });
    const existing = before[0]!.id;
    const clash = await importEventsFile(session, csv('clash.csv', `id,date,title,latitude,longitude\n${existing},2024-01-01,Clash,1,2\n`), { askMapping: async () => null }, readOnThisThread);
    expect(clash).toMatchObject({ ok: false, issues: [{ location: `event "${existing}"` }] });
    expect(allEvents(session)).toEqual(before);
    expect((await session.storage.readScenario(head.id))!.events).toHaveLength(before.length);
  });

  it('an import into a kept scenario is kept with it, whole', async () => {
    const shelf = emptyShelf();
    const session = page(shelf);
    const head = await opened(session);
    await importEventsFile(session, csv('red-sea.csv', CSV), { askMapping: async () => null }, readOnThisThread);
    const reopened = page(shelf);
    await openStoredScenario(reopened, head.id);
    expect(titles(reopened)).toEqual(expect.arrayContaining(['Strike near Hodeidah', 'Ship hit off Aden']));
    expect(reopened.store.getState().eventSets.map((set) => set.id)).toContain('import-red-sea-csv');
  });

  it('two pages that change different zones at the same moment both keep their change', async () => {
    // Two zones in one layer: the head is split into records, so each change is a different record.
    const document = scenarioJson(RED_SEA);
    const [zone] = document.layers[0].features;
    document.layers[0].features.push({ ...zone, properties: { ...zone.properties, id: 'second-zone', name: 'Second zone' } });
    const shelf = emptyShelf();
    const mine = page(shelf);
    const result = openScenario(document);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    await openDocument(mine, result.value);
    const theirs = page(shelf);
    await openStoredScenario(theirs, mine.store.getState().scenario!.id);
    const rename = (id: string, name: string) => (head: ScenarioHead) => ({
      ...head,
      layers: head.layers.map((layer) => ({ ...layer, features: layer.features.map((feature) => (feature.properties.id === id ? { ...feature, properties: { ...feature.properties, name } } : feature)) })),
    });
    await Promise.all([editHead(mine, rename(zone.properties.id, 'Renamed here')), editHead(theirs, rename('second-zone', 'Renamed there'))]);
    await settle();
    for (const session of [mine, theirs]) {
      const names = session.store.getState().scenario!.layers[0]!.features.map((feature) => feature.properties.name);
      expect(names).toEqual(['Renamed here', 'Renamed there']);
    }
  });

  it('a view-only session changes nothing and says why, once', async () => {
    const shelf = emptyShelf();
    const editor = page(shelf);
    const head = await opened(editor);
    const viewer = page(shelf, { mode: 'view' });
    await openStoredScenario(viewer, head.id);
    const event = allEvents(viewer)[0] as TripwireEvent;
    await editEvent(viewer, event, { ...event, title: 'Not allowed' });
    await editEvent(viewer, event, { ...event, title: 'Not allowed either' });
    expect(titles(viewer)).not.toContain('Not allowed');
    expect(await viewer.storage.readEdits(head.id)).toEqual([]);
    expect(viewer.store.getState().notices.filter((notice) => /view this scenario but not change it/.test(notice))).toHaveLength(1);
  });
});
