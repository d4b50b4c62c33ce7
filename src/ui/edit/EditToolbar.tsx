import { store, useStore } from '../../data/store';
import { session } from '../../session';
import { redoEdit, undoEdit } from '../../actions';
import { canEditOpenScenario } from '../../data/slices/team';

/** "Add event", "Draw geography", Undo and Redo (Ctrl+Z / Ctrl+Shift+Z), above the event list. */
export function EditToolbar() {
  const canUndo = useStore((state) => state.history.past.length > 0);
  const canRedo = useStore((state) => state.history.future.length > 0);
  const readOnly = useStore((state) => state.scenario?.readOnly === true);
  // A shared scenario the person may only view: no editing controls at all.
  const canEdit = useStore(canEditOpenScenario);
  if (!canEdit) return null;
  return (
    <div className="edit-toolbar">
      <button
        type="button"
        onClick={() => store.getState().openEventForm({ editing: null, position: null })}
        title={readOnly ? 'Add an event (the built-in scenario is read-only: this makes a copy to edit)' : 'Add an event: fill in the form, click the map to place it'}
      >
        Add event
      </button>
      <button
        type="button"
        onClick={() => store.getState().openGeographyForm({ editing: null })}
        title={readOnly ? 'Draw a zone, route or place (the built-in scenario is read-only: saving makes a copy to edit)' : 'Draw a zone, route or place on the map, with its source'}
      >
        Draw geography
      </button>
      <button type="button" onClick={() => void undoEdit(session)} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={() => void redoEdit(session)} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </div>
  );
}
