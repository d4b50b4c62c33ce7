// Undo and redo of a shared scenario take back only the person's own edits, and not a record
// someone else has changed since (left as they made it, with a notice); the "changed by" map
// follows the journal. Two people (two sessions with their authors) over one in-memory storage.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTripwireStore } from '../../src/data/store';
import { openScenario } from '../../src/data/open-scenario';
import { emptyShelf, memoryStorage, type MemoryShelf } from '../../src/storage/memory-storage';
import { ScenarioSession } from '../../src/session/scenario-session';
import { editEvent, editHead, redoEdit, undoEdit } from '../../src/actions/edit-actions';
import { declaredEventSets } from '../../src/data/open-scenario';
import { openDocument } from '../../src/actions/scenario-actions';
import type { TripwireStorage } from '../../src/storage/storage';

const RED_SEA = JSON.parse(readFileSync(new URL('../fixtures/scenarios/red-sea-example.tripwire.json', import.meta.url), 'utf8'));

let sessions: ScenarioSession[] = [];
afterEach(() => {
  for (const session of sessions) session.close();
  sessions = [];
});

/** One person's page on the shared storage: the scenario opened as theirs to edit. */
async function person(shelf: MemoryShelf, author: string, id: string, storage: TripwireStorage = memoryStorage(shelf)): Promise<ScenarioSession> {
  const session = new ScenarioSession(createTripwireStore(), memoryStorage(shelf));
  sessions.push(session);
  expect(await session.openShared(storage, { author, mode: 'edit' }, id)).toBe(true);
  return session;
}

const events = (session: ScenarioSession) => session.store.getState().eventSets.flatMap((set) => set.events);
const eventOf = (session: ScenarioSession, id: string) => events(session).find((event) => event.id === id)!;
const notices = (session: ScenarioSession) => session.store.getState().notices;

describe('undo and redo among several people', () => {
  /** `aliceStorage`: where Alice's page keeps the scenario (one that holds her edits back, say). */
  async function twoPeople(aliceStorage?: (shelf: MemoryShelf) => TripwireStorage) {
    const shelf = emptyShelf();
    // The scenario is put in the storage once (as a publish would).
    const publisher = new ScenarioSession(createTripwireStore(), memoryStorage(shelf));
    sessions.push(publisher);
    const read = openScenario(RED_SEA);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    await openDocument(publisher, read.value);
    const id = publisher.store.getState().scenario!.id;
    const alice = await person(shelf, 'alice', id, aliceStorage?.(shelf));
    const bob = await person(shelf, 'bob', id);
    const [first, second] = events(alice);
    return { alice, bob, first: first!, second: second! };
  }

  it('undoes the rest of a step and leaves a record someone else changed since, saying so; redo alike', async () => {
    const { alice, bob, first, second } = await twoPeople();
    // Alice changes two events in one step.
    await alice.edit([
      { before: first, after: { ...first, title: 'Alice’s first' } },
      { before: second, after: { ...second, title: 'Alice’s second' } },
    ]);
    await bob.catchUp();
    // Bob then changes the first one.
    await editEvent(bob, eventOf(bob, first.id), { ...eventOf(bob, first.id), title: 'Bob’s first' });
    await alice.catchUp();
    expect(alice.store.getState().lastChanges[first.id]).toMatchObject({ author: 'bob' });
    expect(alice.store.getState().lastChanges[second.id]).toMatchObject({ author: 'alice' });

    await undoEdit(alice);
    expect(eventOf(alice, first.id).title).toBe('Bob’s first');
    expect(eventOf(alice, second.id).title).toBe(second.title);
    expect(notices(alice)).toContain('Not undone: bob changed “Bob’s first” after your edit.');
    await bob.catchUp();
    expect([eventOf(bob, first.id).title, eventOf(bob, second.id).title]).toEqual(['Bob’s first', second.title]);

    await redoEdit(alice);
    expect(eventOf(alice, second.id).title).toBe('Alice’s second');
    expect(eventOf(alice, first.id).title).toBe('Bob’s first');
    expect(notices(alice)).toContain('Not redone: bob changed “Bob’s first” after you undid it.');
  });

  it('undoes a person’s own edit not yet acknowledged, though an older change of another arrived meanwhile; each entry says the place its author had seen', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    const { alice, bob, first } = await twoPeople((shelf) => {
      const storage = memoryStorage(shelf);
      // Alice's first edit waits (a slow server) before the storage takes it.
      return { ...storage, appendEdit: async (entry) => (holding ? ((holding = false), await held, storage.appendEdit(entry)) : storage.appendEdit(entry)) };
    });
    const saving = editEvent(alice, eventOf(alice, first.id), { ...eventOf(alice, first.id), title: 'Alice, on its way' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Bob's change is given its place first; Alice hears of it while hers waits: hers is still the newest.
    await editEvent(bob, eventOf(bob, first.id), { ...eventOf(bob, first.id), title: 'Bob, earlier' });
    await alice.catchUp();
    expect(alice.store.getState().lastChanges[first.id]).toMatchObject({ author: 'alice', seq: Infinity });
    release();
    await saving;
    expect(alice.store.getState().lastChanges[first.id]).toMatchObject({ author: 'alice', seq: 2 });
    await undoEdit(alice);
    expect(notices(alice).filter((text) => text.startsWith('Not undone'))).toEqual([]);
    // Back to what Alice had before her edit (Bob's came earlier: hers had replaced it).
    expect(eventOf(alice, first.id).title).toBe(first.title);
    // Each page's history is its person's own: Bob's undo would take back his step, not Alice's.
    expect(bob.store.getState().history.past).toHaveLength(1);
    expect(alice.store.getState().history.past).toHaveLength(0);
    const journal = await alice.keptIn.readEdits(alice.store.getState().scenario!.id);
    expect(journal.map((entry) => [entry.author, entry.step, entry.baseSeq])).toEqual([
      ['bob', 'do', 0],
      ['alice', 'do', 0],
      ['alice', 'undo', 2],
    ]);
  });

  it('takes a refused edit back off the screen and out of the undo history, with the server’s sentence; a failed read after a committed edit is no notice', async () => {
    let refuse = true;
    let failReads = false;
    const { alice, first } = await twoPeople((shelf) => {
      const storage = memoryStorage(shelf);
      return {
        ...storage,
        appendEdit: async (entry) => (refuse ? Promise.reject(new Error('You may view this scenario but not change it.')) : storage.appendEdit(entry)),
        readEdits: async (id, after) => (failReads ? Promise.reject(new TypeError('fetch failed')) : storage.readEdits(id, after)),
      };
    });
    await editEvent(alice, eventOf(alice, first.id), { ...eventOf(alice, first.id), title: 'Refused by the server' });
    expect(eventOf(alice, first.id).title).toBe(first.title);
    expect(alice.store.getState().history.past).toHaveLength(0);
    expect(notices(alice)).toEqual(['The team server did not take this edit (You may view this scenario but not change it); it has been taken back.']);

    refuse = false;
    failReads = true;
    await editEvent(alice, eventOf(alice, first.id), { ...eventOf(alice, first.id), title: 'Kept, then the server went away' });
    expect(eventOf(alice, first.id).title).toBe('Kept, then the server went away');
    expect(alice.store.getState().history.past).toHaveLength(1);
    expect(notices(alice)).toHaveLength(1);
  });

  it('adds an event set someone else declared (a feed’s), with the events that come in the same read', async () => {
    const { alice, bob, first } = await twoPeople();
    const declared = [...declaredEventSets(alice.store.getState().eventSets), { id: 'feed-patrols', name: 'Patrols', imported: true }];
    await editHead(alice, (head) => ({ ...head, eventSets: declared }));
    await editEvent(alice, null, { ...first, id: 'patrol-1', key: 10_000, eventSetId: 'feed-patrols', title: 'Patrol seen' });
    await bob.catchUp(); // one read: the details record and the set's first event together
    expect(bob.store.getState().eventSets.map((set) => set.id)).toEqual(alice.store.getState().eventSets.map((set) => set.id));
    expect(bob.store.getState().eventSets.find((set) => set.id === 'feed-patrols')?.events.map((event) => event.title)).toEqual(['Patrol seen']);
  });
});
