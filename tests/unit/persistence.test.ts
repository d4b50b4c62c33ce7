// What the store writes to localStorage, and when (src/data/persistence.ts).
import { describe, expect, it } from 'vitest';
import { createTripwireStore } from '../../src/data/store';
import { STORAGE_KEY } from '../../src/data/persistence';

/** A Storage that counts the writes of the app's key. */
function countingStorage() {
  const items = new Map<string, string>();
  let writes = 0;
  const storage = {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (key === STORAGE_KEY) writes++;
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  } satisfies Storage;
  return { storage, writes: () => writes, stored: () => JSON.parse(items.get(STORAGE_KEY) ?? 'null') };
}

describe('persistence', () => {
  it('does not rewrite storage when only unsaved state changes (the timeline, hover)', () => {
    const { storage, writes } = countingStorage();
    const store = createTripwireStore({ storage });
    store.getState().setMode('window');
    const afterPreference = writes();
    for (let day = 0; day < 50; day++) store.getState().setTime(19_000 + day);
    store.getState().hoverEvent('anything');
    expect(writes()).toBe(afterPreference);
  });

  it('writes again as soon as a saved preference changes', () => {
    const { storage, writes, stored } = countingStorage();
    const store = createTripwireStore({ storage });
    store.getState().setMode('window');
    const before = writes();
    store.getState().setMode('cumulative');
    expect(writes()).toBe(before + 1);
    expect(stored().state.mode).toBe('cumulative');
  });
});

describe('stored preferences of older versions', () => {
  it('version 2 (shown sets called activeScenarioIds) keeps the choice under its new name', async () => {
    const { migratePersisted } = await import('../../src/data/persistence');
    expect(migratePersisted({ activeScenarioIds: ['article', 'import-x'], mode: 'window' }, 2)).toEqual({ activeEventSetIds: ['article', 'import-x'], mode: 'window' });
  });

  it('version 1 keeps the choice too, and hands its imported files over', async () => {
    const { migratePersisted, LEGACY_IMPORTS_KEY } = await import('../../src/data/persistence');
    const { storage } = countingStorage();
    const importedFiles = [{ id: 'import-old-csv', name: 'old.csv', text: 'date,title\n' }];
    expect(migratePersisted({ importedFiles, activeScenarioIds: ['article'] }, 1, storage)).toEqual({ activeEventSetIds: ['article'] });
    expect(JSON.parse(storage.getItem(LEGACY_IMPORTS_KEY)!)).toEqual(importedFiles);
  });
});
