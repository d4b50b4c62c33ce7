// Editing the open scenario: its events and its head (details, layers, geography). Each edit is
// one undoable step: the session shows it at once and appends it to the scenario's journal,
// which other tabs replay (src/session/scenario-session.ts).
import type { TripwireEvent } from '../data/events';
import type { ScenarioHead } from '../data/scenario-schema';
import { editId, redo, undo } from '../data/editing/edit-history';
import { inverseStep, type EditableRecord, type Step } from '../data/editing/edit-journal';
import { withoutOthersChanges } from '../data/editing/record-changes';
import { quotedName } from '../data/editing/step-summary';
import { headEdits, headRecords } from '../data/editing/head-records';
import type { ScenarioSession } from '../session';

/** Adds (before null), changes, or deletes (after null) one event, as one undoable step. */
export async function editEvent(session: ScenarioSession, before: TripwireEvent | null, after: TripwireEvent | null): Promise<void> {
  if (!(await session.ensureEditable())) return;
  // After a copy the records are the copy's: the edit is made from the state as it is now.
  const current = before ? (session.store.getState().eventSets.flatMap((set) => set.events).find((event) => event.id === before.id) ?? before) : null;
  await session.edit([{ before: current, after }]);
}

/**
 * Changes the scenario's head (details, views, layers, geography), as one undoable step that
 * edits only the records that changed: a moved zone is one record, a new title another.
 */
export async function editHead(session: ScenarioSession, change: (head: ScenarioHead) => ScenarioHead): Promise<void> {
  if (!(await session.ensureEditable())) return;
  const head = session.store.getState().scenario!;
  await session.edit(headEdits(head, change(head)));
}

export async function undoEdit(session: ScenarioSession): Promise<void> {
  const step = undo(session.store.getState().history, inverseStep);
  if (!step) return;
  session.store.getState().setHistory(step.history);
  await commitOwn(session, step.edit, 'undo');
}

export async function redoEdit(session: ScenarioSession): Promise<void> {
  const step = redo(session.store.getState().history);
  if (!step) return;
  session.store.getState().setHistory(step.history);
  await commitOwn(session, step.edit, 'redo');
}

/**
 * An undo or redo takes back (or makes again) only what nobody else has changed since: a record
 * someone else changed after this person's edit stays as they made it, and a notice says so.
 */
async function commitOwn(session: ScenarioSession, step: Step, kind: 'undo' | 'redo'): Promise<void> {
  const state = session.store.getState();
  const { kept, skipped } = withoutOthersChanges(step, state.lastChanges, session.activeOptions.author);
  if (skipped.length > 0) {
    // Named as it is now (as the other person left it), which is what the person sees.
    const now = new Map<string, EditableRecord>([...state.eventSets.flatMap((set) => set.events), ...(state.scenario ? headRecords(state.scenario) : [])].map((record) => [record.id, record]));
    for (const { edit, by } of skipped) {
      const record = now.get(editId(edit)) ?? (edit.after ?? edit.before)!;
      state.addNotice(`Not ${kind === 'undo' ? 'undone' : 'redone'}: ${by.author} changed ${quotedName(record)} ${kind === 'undo' ? 'after your edit' : 'after you undid it'}.`);
    }
  }
  if (kept.length > 0) await session.commit(kept, kind);
}
