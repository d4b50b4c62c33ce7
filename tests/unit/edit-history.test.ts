// Editing records with undo/redo (src/data/editing/edit-history.ts), and two tabs sharing an edit
// journal (src/data/editing/edit-journal.ts): undo must give back exactly the list it started from,
// and tabs must end with the same records, each as the journal's newest entry for it left it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, editId, emptyHistory, makeEdit, recordEdit, redo, undo, type Edit, type History } from '../../src/data/editing/edit-history';
import { applyJournal, type JournalEntry } from '../../src/data/editing/edit-journal';

interface Item {
  id: string;
  value: number;
}

/** Frozen all the way down, so any mutation throws (test files are ES modules: strict mode). */
const frozen = (items: readonly Item[]): readonly Item[] => Object.freeze(items.map((item) => Object.freeze({ ...item })));

const item = (id: string, value = 0): Item => ({ id, value });

const startItems = fc.array(fc.integer(), { maxLength: 8 }).map((values) => frozen(values.map((value, index) => item(`s${index}`, value))));

/** A random edit, made valid against whatever list it meets: adds of new ids, changes and deletes of existing ones. */
const operation = fc.record({ kind: fc.constantFrom('add', 'change', 'delete'), pick: fc.nat(), value: fc.integer() });
type Operation = typeof operation extends fc.Arbitrary<infer O> ? O : never;

function editFor(items: readonly Item[], { kind, pick, value }: Operation, newId: () => string): Edit<Item> {
  const target = items[pick % Math.max(1, items.length)];
  if (kind === 'add' || !target) return makeEdit(items, null, item(newId(), value));
  return makeEdit(items, target, kind === 'change' ? item(target.id, value) : null);
}

const counter = (prefix: string) => {
  let next = 0;
  return () => `${prefix}${next++}`;
};

describe('edit history', () => {
  it('undoes any sequence of edits back to exactly the start list, and redoes it to exactly the end list', () => {
    fc.assert(
      fc.property(startItems, fc.array(operation, { maxLength: 40 }), (start, operations) => {
        const newId = counter('n');
        let items = start;
        let history: History<Item> = emptyHistory();
        for (const op of operations) {
          const edit = editFor(items, op, newId);
          items = frozen(applyEdit(items, edit));
          history = recordEdit(history, edit);
        }
        const end = items;

        for (let count = 0; count < operations.length; count++) {
          const step = undo(history)!;
          items = frozen(applyEdit(items, step.edit));
          history = step.history;
        }
        expect(items).toEqual(start);
        expect(undo(history)).toBeNull();

        for (let count = 0; count < operations.length; count++) {
          const step = redo(history)!;
          items = frozen(applyEdit(items, step.edit));
          history = step.history;
        }
        expect(items).toEqual(end);
        expect(redo(history)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('forgets what could be redone once a new edit is made', () => {
    const start = frozen([item('a'), item('b')]);
    let history = recordEdit(emptyHistory<Item>(), makeEdit(start, start[0]!, item('a', 1)));
    history = recordEdit(history, makeEdit(start, null, item('c')));
    history = undo(history)!.history;
    expect(redo(history)).not.toBeNull();
    history = recordEdit(history, makeEdit(start, start[1]!, null));
    expect(redo(history)).toBeNull();
    expect(history.past).toHaveLength(2);
  });

  it('puts a deleted record back where it was, and changes records in place', () => {
    const start = frozen([item('a'), item('b'), item('c')]);
    const deleteB = makeEdit(start, start[1]!, null);
    const without = applyEdit(start, deleteB);
    expect(without.map(({ id }) => id)).toEqual(['a', 'c']);
    expect(applyEdit(without, undo(recordEdit(emptyHistory(), deleteB))!.edit)).toEqual(start);
    expect(applyEdit(start, makeEdit(start, start[1]!, item('b', 7))).map(({ id, value }) => `${id}${value}`)).toEqual(['a0', 'b7', 'c0']);
  });

  it('refuses an edit that does not match the list, and never mutates its input', () => {
    const start = frozen([item('a'), item('b')]);
    expect(() => applyEdit(start, { before: null, after: item('a') })).toThrow(/add record "a".*already/);
    expect(() => applyEdit(start, { before: item('x'), after: item('x', 1) })).toThrow(/change record "x".*not in the list/);
    expect(() => applyEdit(start, { before: item('x'), after: null })).toThrow(/delete record "x".*not in the list/);
    expect(() => applyEdit(start, { before: item('a'), after: item('b') })).toThrow(/cannot turn record "a" into "b"/);
    expect(() => applyEdit(start, { before: null, after: null })).toThrow(/both are null/);
    expect(() => makeEdit(start, item('x'), null)).toThrow(/delete record "x"/);
    // Frozen input: a mutation would have thrown; and the result is a new array.
    for (const edit of [makeEdit(start, null, item('c')), makeEdit(start, start[0]!, item('a', 1)), makeEdit(start, start[1]!, null)]) {
      expect(applyEdit(start, edit)).not.toBe(start);
    }
    expect(start).toEqual([item('a'), item('b')]);
  });

  it('keeps the last 200 edits: after 250, only 200 can be undone', () => {
    let items: readonly Item[] = [];
    let history = emptyHistory<Item>();
    for (let index = 0; index < 250; index++) {
      const edit = makeEdit(items, null, item(`n${index}`));
      items = applyEdit(items, edit);
      history = recordEdit(history, edit);
    }
    let undos = 0;
    for (let step = undo(history); step; step = undo(step.history)) {
      items = applyEdit(items, step.edit);
      undos++;
    }
    expect(undos).toBe(200);
    expect(items.map(({ id }) => id)).toEqual(Array.from({ length: 50 }, (_, index) => `n${index}`));
    expect(recordEdit(history, makeEdit([], null, item('x')), 3).past).toHaveLength(3);
  });
});

interface Tab {
  items: readonly Item[];
  applied: ReadonlyMap<string, number>;
  history: History<Item>;
}

const byId = (items: readonly Item[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('edit journal', () => {
  it('brings two tabs editing at once to the same records: the newest journal entry of each', () => {
    const action = fc.oneof(
      { weight: 4, arbitrary: operation },
      { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'sync' as const }) },
    );
    const actions = fc.array(fc.tuple(fc.constantFrom(0, 1), action), { maxLength: 40 });
    fc.assert(
      fc.property(startItems, actions, (start, steps) => {
        const journal: JournalEntry<Item>[] = [];
        const tabs: Tab[] = [0, 1].map(() => ({ items: start, applied: new Map(), history: emptyHistory() }));
        const newIds = [counter('a'), counter('b')];
        // A tab applies its own edit at once and appends it to the journal, which numbers it. It does not
        // mark that seq as applied: its own entries come back through applyJournal (edit-journal.ts says why).
        const commit = (tab: Tab, edit: Edit<Item>, history: History<Item>) => {
          tab.items = frozen(applyEdit(tab.items, edit));
          tab.history = history;
          journal.push({ seq: journal.length + 1, edit });
        };
        const sync = (tab: Tab) => {
          const result = applyJournal(tab.items, tab.applied, Object.freeze([...journal]));
          tab.items = frozen(result.records);
          tab.applied = result.applied;
        };

        for (const [which, step] of steps) {
          const tab = tabs[which]!;
          if (step.kind === 'sync') sync(tab);
          else if (step.kind === 'undo') {
            const undone = undo(tab.history);
            // The other tab may have deleted what this one would undo: applyEdit refuses, and the tab carries on.
            if (undone) {
              try {
                commit(tab, undone.edit, undone.history);
              } catch {
                // refused: nothing changed
              }
            }
          } else {
            const made = editFor(tab.items, step, newIds[which]!);
            commit(tab, made, recordEdit(tab.history, made));
          }
        }
        tabs.forEach(sync);

        const newest = new Map(journal.map(({ edit }) => [editId(edit), edit]));
        const expected = [...start.filter(({ id }) => !newest.has(id)), ...[...newest.values()].flatMap(({ after }) => (after ? [after] : []))];
        const [first, second] = tabs;
        expect(byId(first!.items)).toEqual(byId(expected));
        expect(byId(second!.items)).toEqual(byId(expected));
        // Order too: both tabs show the journal replayed on the start list.
        expect(first!.items).toEqual(second!.items);
        expect(first!.items).toEqual(applyJournal(start, new Map(), journal).records);
      }),
      { numRuns: 1000 },
    );
  });

  it('skips entries older than what the tab shows, applies the rest in seq order, and does not mutate its inputs', () => {
    const items = frozen([item('a', 5), item('b')]);
    const applied = new Map([['a', 5]]);
    const entries = Object.freeze([
      { seq: 3, edit: { before: item('a'), after: item('a', 3) } },
      { seq: 6, edit: { before: item('b'), after: null } },
      { seq: 7, edit: { before: null, after: item('c', 7) } },
      { seq: 4, edit: { before: null, after: item('d', 4) } },
    ]);
    const result = applyJournal(items, applied, entries);
    expect(result.records).toEqual([item('a', 5), item('d', 4), item('c', 7)]);
    expect(Object.fromEntries(result.applied)).toEqual({ a: 5, b: 6, c: 7, d: 4 });
    expect(Object.fromEntries(applied)).toEqual({ a: 5 });
    expect(items).toEqual([item('a', 5), item('b')]);
  });
});
