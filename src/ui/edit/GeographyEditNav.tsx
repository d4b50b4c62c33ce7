import { useState } from 'react';
import { session } from '../../session';
import { store, useStore } from '../../data/store';
import { editHead } from '../../actions';
import { checkHead, layerOfFeature, withoutFeature } from '../../data/editing/geography-edits';
import { editableShape, headWithShape, type DrawnShape } from '../../data/editing/geography-form-values';
import type { GeographyFeature } from '../../data/schemas';
import { useShapeDrawing } from './use-shape-drawing';
import { canEditOpenScenario } from '../../data/slices/team';

/**
 * The geography detail's edit buttons: reshape on the map (Save / Cancel), edit the fields in the
 * geography form, delete. Each save is one undoable step.
 */
export function GeographyEditNav({ feature }: { feature: GeographyFeature }) {
  const { id, name } = feature.properties;
  const color = useStore((state) => (state.scenario ? layerOfFeature(state.scenario, id)?.style.color : undefined));
  const [shape, setShape] = useState<DrawnShape | null>(null);
  const drawing = useShapeDrawing(setShape);
  const editable = editableShape(feature.geometry);
  const canEdit = useStore(canEditOpenScenario); // a viewer of a shared scenario: nothing to edit
  if (!color || !canEdit) return null;

  const notSaved = (what: string, issues: { location: string; message: string }[]) =>
    store.getState().addNotice(`${what}: the scenario would no longer open (${issues[0]!.location}: ${issues[0]!.message}).`);

  const saveShape = () => {
    drawing.stop();
    if (!shape) return; // nothing was dragged
    const checked = headWithShape(store.getState().scenario!, id, shape);
    if (checked.issues.length > 0) return notSaved(`The new shape of “${name}” was not saved`, checked.issues);
    void editHead(session, (current) => headWithShape(current, id, shape).head);
  };

  const remove = () => {
    const issues = checkHead(withoutFeature(store.getState().scenario!, id));
    if (issues.length > 0) return notSaved(`“${name}” was not deleted`, issues);
    store.getState().selectGeography(null);
    void editHead(session, (current) => withoutFeature(current, id)).then(() => store.getState().addNotice(`Deleted “${name}”. Undo (Ctrl+Z) brings it back.`));
  };

  if (drawing.phase) {
    return (
      <nav className="detail-nav detail-edit" aria-label="Edit this geography">
        <p className="muted shape-status" role="status">
          {editable?.type === 'Point' ? 'Drag the point to move it.' : 'Drag a corner to move it, a midpoint to add one; right-click a corner to remove it.'} Escape cancels.
        </p>
        {/* Focus moves on to the next step (Edit shape is gone); Escape cancels. */}
        <button type="button" className="primary" onClick={saveShape} autoFocus>
          Save shape
        </button>
        <button type="button" onClick={drawing.stop}>
          Cancel
        </button>
      </nav>
    );
  }
  return (
    <nav className="detail-nav detail-edit" aria-label="Edit this geography">
      <button
        type="button"
        disabled={!editable}
        title={editable ? 'Drag its corners on the map' : 'Shapes of several parts or with holes are edited in the scenario file'}
        onClick={() => {
          setShape(null);
          drawing.reshape(editable!, color);
        }}
      >
        Edit shape
      </button>
      <button type="button" onClick={() => store.getState().openGeographyForm({ editing: id })}>
        Edit details
      </button>
      <button type="button" onClick={remove}>
        Delete
      </button>
    </nav>
  );
}
