// The app's own edit path (edit-actions.ts): edits land on the event sets through
// withEventReplaced and are undone through the history. Any sequence of edits, then as many
// undos, gives back the sets exactly as they were, order included; as many redos, the end state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventSet } from '../../src/data/event-sets';
import type { TripwireEvent } from '../../src/data/events';
import { emptyHistory, recordEdit, redo, undo, type Edit, type History } from '../../src/data/editing/edit-history';
import { byTime, withEventReplaced } from '../../src/data/editing/event-edits';

const event = (id: string, start: number, set: string, key: number): TripwireEvent =>
  ({ id, title: id, date: '2022', category: 'diplomacy', actors: [], status: 'reported', layers: [], key, eventSetId: set, geometry: { type: 'Point', coordinates: [0, 0] }, start, end: start, precision: 'day' }) as TripwireEvent;

const START: EventSet[] = ['a', 'b'].map((set) => ({
  id: set,
  name: set,
  citation: set,
  imported: set === 'b',
  article: null,
  events: [0, 1, 2].map((n) => event(`${set}${n}`, n * 10, set, set === 'a' ? n : n + 10)).sort(byTime),
}));

type Step = { kind: 'add'; start: number; set: 'a' | 'b' } | { kind: 'change'; pick: number; start: number } | { kind: 'delete'; pick: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), start: fc.integer({ min: -5, max: 50 }), set: fc.constantFrom('a' as const, 'b' as const) }),
  fc.record({ kind: fc.constant('change' as const), pick: fc.nat(), start: fc.integer({ min: -5, max: 50 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

const apply = (sets: EventSet[], edit: Edit<TripwireEvent>) => withEventReplaced(sets, (edit.after ?? edit.before)!.id, edit.after);

describe("the app's edit path", () => {
  it('undoes any sequence of adds, changes and deletes back to the start, and redoes it to the end (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let sets = START;
        let history: History<TripwireEvent> = emptyHistory();
        let next = 100;
        for (const s of steps) {
          const all = sets.flatMap((set) => set.events);
          let edit: Edit<TripwireEvent> | null = null;
          if (s.kind === 'add') edit = { before: null, after: event(`new${next}`, s.start, s.set, next++) };
          else if (all.length > 0) {
            const before = all[s.pick % all.length]!;
            edit = { before, after: s.kind === 'change' ? { ...before, start: s.start, end: s.start, title: `${before.title}*` } : null };
          }
          if (!edit) continue;
          sets = apply(sets, edit);
          history = recordEdit(history, edit);
        }
        const end = sets;
        for (let undone = undo(history); undone; undone = undo(history)) {
          sets = apply(sets, undone.edit);
          history = undone.history;
        }
        expect(sets).toEqual(START);
        for (let redone = redo(history); redone; redone = redo(history)) {
          sets = apply(sets, redone.edit);
          history = redone.history;
        }
        expect(sets).toEqual(end);
      }),
    );
  });
});
