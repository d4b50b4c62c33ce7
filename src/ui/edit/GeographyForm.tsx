import { useState } from 'react';
import { session } from '../../session';
import { store, useStore } from '../../data/store';
import { editHead } from '../../actions';
import { layerOfFeature } from '../../data/editing/geography-edits';
import {
  DRAWABLE_KINDS,
  NEW_LAYER,
  SHAPES_OF_KIND,
  dayShowing,
  formLayerKind,
  drawableLayers,
  geographyFormValuesOf,
  headWithFormValues,
  type DrawnShape,
  type GeographyFormValues,
  type GeographyField,
  type GeographyIssues,
  type ShapeType,
} from '../../data/editing/geography-form-values';
import type { ScenarioFeature, ScenarioHead } from '../../data/scenario-schema';
import { FormActions, FormField } from './FormField';
import { useShapeDrawing } from './use-shape-drawing';

type TextField = Exclude<keyof GeographyFormValues, 'approximate' | 'layerId' | 'layerKind' | 'layerColor'>;

const TEXT_FIELDS: { field: TextField; label: string; hint?: string; long?: boolean }[] = [
  { field: 'name', label: 'Name' },
  { field: 'label', label: 'Label', hint: 'optional: a short name for the map' },
  { field: 'kind', label: 'Kind', hint: 'optional: e.g. exclusion-zone, shipping-lane' },
  { field: 'source', label: 'Source', hint: 'where the shape comes from: a document, a chart, “drawn by hand from …”' },
  { field: 'sourceUrl', label: 'Source URL', hint: 'optional' },
  { field: 'validFrom', label: 'Valid from', hint: 'optional, YYYY-MM-DD' },
  { field: 'validTo', label: 'Valid to', hint: 'optional, YYYY-MM-DD' },
  { field: 'date', label: 'Date', hint: 'the day it was travelled: YYYY, YYYY-MM or YYYY-MM-DD' },
  { field: 'notes', label: 'Notes', hint: 'how accurate the shape is', long: true },
];

const SHAPE_BUTTONS: { type: ShapeType; kind: 'polygon' | 'linestring' | 'point'; label: string; hint: string }[] = [
  { type: 'Polygon', kind: 'polygon', label: 'Polygon', hint: 'Click the map for each corner; click the first corner (or press Enter) to close it.' },
  { type: 'LineString', kind: 'linestring', label: 'Line', hint: 'Click the map for each point; click the last point again (or press Enter) to finish.' },
  { type: 'Point', kind: 'point', label: 'Point', hint: 'Click the map where it is.' },
];

const KIND_LABELS = { zones: 'Zones (areas)', routes: 'Routes (lines)', places: 'Places (points)' } as const;

const describeShape = (shape: DrawnShape) =>
  shape.type === 'Point' ? 'a point' : shape.type === 'LineString' ? `a line of ${shape.coordinates.length} points` : `a polygon of ${shape.coordinates[0]!.length - 1} corners`;

/**
 * "Draw geography" / "Edit geography": a panel beside the map, so the map stays free for drawing.
 * Saved only when the scenario with the feature passes the checks a document passes when opened;
 * problems appear beside their fields, and the save is one undoable step.
 */
export function GeographyForm() {
  const form = useStore((state) => state.geographyForm);
  const head = useStore((state) => state.scenario);
  if (!form || !head) return null;
  const editing = form.editing ? (layerOfFeature(head, form.editing)?.features.find((feature) => feature.properties.id === form.editing) ?? null) : null;
  // The feature was deleted meanwhile (undo, another tab): nothing is left to edit.
  if (form.editing && !editing) return null;
  return <GeographyFormPanel head={head} editing={editing} />;
}

function GeographyFormPanel({ head, editing }: { head: ScenarioHead; editing: ScenarioFeature | null }) {
  const [values, setValues] = useState<GeographyFormValues>(() => geographyFormValuesOf(head, editing));
  const [shape, setShape] = useState<DrawnShape | null>(null);
  const [drawingKind, setDrawingKind] = useState<ShapeType | null>(null);
  const [issues, setIssues] = useState<GeographyIssues>({});
  const drawing = useShapeDrawing(setShape, () => {
    setShape(null);
    setDrawingKind(null);
  });

  const layerKind = formLayerKind(head, values);
  const layer = head.layers.find((candidate) => candidate.id === values.layerId);
  const color = values.layerId === NEW_LAYER ? values.layerColor : (layer?.style.color ?? values.layerColor);
  const layers = editing && layer && !drawableLayers(head).includes(layer) ? [layer, ...drawableLayers(head)] : drawableLayers(head);
  const set = (change: Partial<GeographyFormValues>) => setValues({ ...values, ...change });

  const close = () => {
    drawing.stop();
    store.getState().openGeographyForm(null);
  };
  const startShape = (type: ShapeType, kind: 'polygon' | 'linestring' | 'point') => {
    setShape(null);
    setDrawingKind(type);
    drawing.draw(kind, color);
  };
  const discardShape = () => {
    drawing.stop();
    setShape(null);
    setDrawingKind(null);
  };

  const save = async () => {
    const result = headWithFormValues(store.getState().scenario!, values, { shape, editing });
    if (!result.head) {
      setIssues(result.issues);
      // To the first field to correct, so a keyboard or screen-reader user lands on it.
      const first = Object.keys(result.issues)[0];
      window.requestAnimationFrame(() => document.getElementById(`geography-form-${first}`)?.focus());
      return;
    }
    setIssues({});
    close();
    // Made again from the head as it is when the edit lands: the built-in scenario is copied first.
    await editHead(session, (current) => headWithFormValues(current, values, { shape, editing }).head ?? current);
    const { feature } = result;
    const state = store.getState();
    const savedLayer = layerOfFeature(state.scenario!, feature.properties.id);
    if (savedLayer) state.setLayerVisible(savedLayer.id, true);
    state.setTime(dayShowing(feature, state.time));
    state.selectGeography(feature.properties.id);
  };

  const issue = (field: GeographyField) =>
    issues[field] && (
      <p id={`geography-form-${field}-issue`} className="form-issue">
        {issues[field]}
      </p>
    );
  const invalid = (field: GeographyField) => ({
    'aria-invalid': issues[field] ? true : undefined,
    'aria-describedby': issues[field] ? `geography-form-${field}-issue` : undefined,
  });

  const input = ({ field, label, hint, long }: (typeof TEXT_FIELDS)[number]) =>
    field === 'date' && layerKind !== 'routes' ? null : (
      <FormField key={field} id={`geography-form-${field}`} label={label} hint={hint} long={long} issue={issues[field]} value={values[field]} onChange={(value) => set({ [field]: value })} />
    );

  const shapeButtons = SHAPE_BUTTONS.filter(({ type }) => SHAPES_OF_KIND[layerKind].includes(type));
  const placing = drawing.phase === 'placing' ? SHAPE_BUTTONS.find(({ type }) => type === drawingKind) : undefined;
  const shapeStatus = placing
    ? `${placing.hint} Escape cancels.`
    : shape
      ? `Drawn: ${describeShape(shape)}. ${shape.type === 'Point' ? 'Drag it to move it.' : 'Drag a corner to move it, or a midpoint to add one.'}`
      : editing
        ? 'Unchanged. Draw a new shape to replace it, or use “Edit shape” to move its corners.'
        : 'None yet: choose one, then click the map.';

  return (
    <section className="detail-panel event-form" role="dialog" aria-labelledby="geography-form-heading" data-testid="geography-form">
      <h2 id="geography-form-heading">{editing ? 'Edit geography' : 'Draw geography'}</h2>
      <form
        onSubmit={(submitted) => {
          submitted.preventDefault();
          void save();
        }}
      >
        <div className="form-field">
          <label htmlFor="geography-form-layerId">Layer</label>
          <select id="geography-form-layerId" value={values.layerId} disabled={Boolean(editing)} onChange={(event) => set({ layerId: event.target.value })}>
            {layers.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
            {!editing && <option value={NEW_LAYER}>New layer…</option>}
          </select>
        </div>
        {values.layerId === NEW_LAYER && (
          <fieldset className="form-group">
            <legend>New layer</legend>
            <FormField id="geography-form-layerTitle" label="Layer title" issue={issues.layerTitle} value={values.layerTitle} onChange={(layerTitle) => set({ layerTitle })} />
            <div className="form-field">
              <label htmlFor="geography-form-layerKind">Layer kind</label>
              <select id="geography-form-layerKind" value={values.layerKind} onChange={(event) => set({ layerKind: event.target.value as GeographyFormValues['layerKind'] })}>
                {DRAWABLE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor="geography-form-layerColor">Layer colour</label>
              <input id="geography-form-layerColor" type="color" value={values.layerColor} {...invalid('layerColor')} onChange={(event) => set({ layerColor: event.target.value })} />
              {issue('layerColor')}
            </div>
          </fieldset>
        )}
        <fieldset className="form-group" {...invalid('shape')}>
          <legend>Shape</legend>
          <div className="shape-buttons">
            {shapeButtons.map(({ type, kind, label }) => (
              <button key={type} type="button" id={type === shapeButtons[0]!.type ? 'geography-form-shape' : undefined} aria-pressed={drawing.phase !== null && drawingKind === type} onClick={() => startShape(type, kind)}>
                {label}
              </button>
            ))}
            {(drawing.phase || shape) && (
              <button type="button" onClick={discardShape}>
                Discard shape
              </button>
            )}
          </div>
          <p className="muted shape-status" role="status">
            {shapeStatus}
          </p>
          {issue('shape')}
        </fieldset>
        {TEXT_FIELDS.map(input)}
        <div className="form-field form-check">
          <input id="geography-form-approximate" type="checkbox" checked={values.approximate} onChange={(event) => set({ approximate: event.target.checked })} />
          <label htmlFor="geography-form-approximate">Approximate (drawn dashed)</label>
        </div>
        <FormActions issueCount={Object.keys(issues).length} onCancel={close} />
      </form>
    </section>
  );
}
