// The outbox (outbox.ts) in this browser's IndexedDB, through idb: edits waiting for the team server
// survive a closed tab, a reload or a crash, and are sent when their person next signs in there.
// A database of its own ('tripwire-outbox'), apart from the scenarios' ('tripwire', database.ts):
// it changes on its own schedule, and a scenario's upgrade never waits on it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Outbox, OutboxEntry } from './outbox';

interface OutboxDatabase extends DBSchema {
  /** Keyed by the order they were put (auto-increment): an owner's entries are read back in that order. */
  entries: { key: number; value: OutboxEntry & { order?: number }; indexes: { byOwner: string; byId: string } };
}

const NAME = 'tripwire-outbox';

let opening: Promise<IDBPDatabase<OutboxDatabase>> | null = null;

function open(): Promise<IDBPDatabase<OutboxDatabase>> {
  opening ??= (async () => {
    if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB');
    return openDB<OutboxDatabase>(NAME, 1, {
      upgrade(database) {
        const entries = database.createObjectStore('entries', { keyPath: 'order', autoIncrement: true });
        entries.createIndex('byOwner', 'owner');
        entries.createIndex('byId', 'id', { unique: true });
      },
      blocking() {
        void opening?.then((database) => database.close());
        opening = null;
      },
    });
  })();
  // A failed open is not kept: storage may come back.
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

const withoutOrder = ({ order: _order, ...entry }: OutboxEntry & { order?: number }): OutboxEntry => entry;

export function indexedDbOutbox(): Outbox {
  return {
    async put(entry) {
      const database = await open();
      // Put twice (a resend adopted from another tab): kept once.
      const tx = database.transaction('entries', 'readwrite');
      if ((await tx.store.index('byId').getKey(entry.id)) === undefined) await tx.store.add(entry);
      await tx.done;
    },
    // An index lists records of one key in the order of their primary key: the order they were put.
    list: async (owner) => (await (await open()).getAllFromIndex('entries', 'byOwner', owner)).map(withoutOrder),
    async remove(id) {
      const database = await open();
      const tx = database.transaction('entries', 'readwrite');
      const key = await tx.store.index('byId').getKey(id);
      if (key !== undefined) await tx.store.delete(key);
      await tx.done;
    },
  };
}
