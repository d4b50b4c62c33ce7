// Editing the open scenario: its events and its head (details, layers, geography). Each edit is
// one undoable step: the session shows it at once and appends it to the scenario's journal,
// which other tabs replay (src/session/scenario-session.ts).
import type { TripwireEvent } from '../data/events';
import type { ScenarioHead } from '../data/scenario-schema';
import { redo, undo } from '../data/editing/edit-history';
import { inverseStep } from '../data/editing/edit-journal';
import { headEdits } from '../data/editing/head-records';
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
  await session.commit(step.edit, 'undo');
}

export async function redoEdit(session: ScenarioSession): Promise<void> {
  const step = redo(session.store.getState().history);
  if (!step) return;
  session.store.getState().setHistory(step.history);
  await session.commit(step.edit, 'redo');
}
