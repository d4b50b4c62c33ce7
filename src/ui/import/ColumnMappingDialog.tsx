import { useEffect, useRef, useState } from 'react';
import { MAPPED_FIELD_LABELS, MAPPED_FIELDS, REQUIRED_MAPPED_FIELDS, type ColumnMapping, type MappedField } from '../../import/column-mapping';
import { DELIMITER_NAMES } from '../../import/csv-table';
import { describeDateFormat } from '../../import/date-formats';
import { categoryChoices, dateAnalysis, fieldSamples } from '../../import/mapping-preview';
import { mappingIssues } from '../../import/mapped-rows';
import { formatCount } from '../../data/limits';
import { CATEGORIES, CATEGORY_LABELS } from '../../data/vocabulary';
import type { MappingRequest } from '../../data/slices/dialog';

const TEMPLATE = 'template';
const NONE = '';

/**
 * The mapping step: each Tripwire field with the column chosen for it and sample values, all changeable.
 * Shown by src/ui/Dialogs.tsx while an import waits on it (the store's dialog is its request).
 */
export default function ColumnMappingDialog({ request, onDone }: { request: MappingRequest; onDone: (mapping: ColumnMapping | null) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [mapping, setMapping] = useState<ColumnMapping>(request.initial);
  const { preview } = request;
  const rows = preview.sampleRows;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the scrolling area; the first choice is where the user starts.
    dialog?.querySelector('select')?.focus();
  }, []);

  const setColumn = (field: MappedField, value: string) => {
    const columns = { ...mapping.columns };
    if (value === NONE || value === TEMPLATE) delete columns[field];
    else columns[field] = Number(value);
    const titleTemplate = field === 'title' && value === TEMPLATE ? (mapping.titleTemplate ?? `{${preview.labels[0] ?? ''}}`) : mapping.titleTemplate;
    setMapping({ ...mapping, columns, titleTemplate });
  };
  const issues = mappingIssues(preview, mapping);
  const dates = dateAnalysis(rows, mapping);
  const usesTemplate = mapping.columns.title === undefined && mapping.titleTemplate !== null;
  const where = preview.format === 'csv' ? `${DELIMITER_NAMES[preview.delimiter ?? ',']}-separated CSV` : 'GeoJSON features';

  return (
    <dialog ref={dialogRef} className="mapping-dialog" aria-labelledby="mapping-title" onCancel={() => onDone(null)}>
      <h2 id="mapping-title">Which column is which in “{request.fileName}”?</h2>
      <div className="mapping-body">
      <p className="mapping-summary">
        {where}, {preview.encoding}, {formatCount(preview.rowCount)} rows. Tripwire chose a column for each field from the names and values; check and change any of them.
        {request.rememberedOn && <> These are the choices you confirmed for this header on {request.rememberedOn}.</>}
      </p>
      {preview.notices.map((notice, index) => (
        <p key={index} className="mapping-notice">
          {notice.message}
        </p>
      ))}
      <table className="mapping-table">
        <thead>
          <tr>
            <th scope="col">Tripwire field</th>
            <th scope="col">Column in the file</th>
            <th scope="col">First values</th>
          </tr>
        </thead>
        <tbody>
          {MAPPED_FIELDS.map((field) => {
            const selectId = `mapping-${field}`;
            const value = mapping.columns[field] !== undefined ? String(mapping.columns[field]) : field === 'title' && usesTemplate ? TEMPLATE : NONE;
            return (
              <tr key={field}>
                <th scope="row">
                  <label htmlFor={selectId}>
                    {MAPPED_FIELD_LABELS[field]}
                    {REQUIRED_MAPPED_FIELDS.includes(field) && preview.format === 'csv' && <span aria-hidden="true"> *</span>}
                  </label>
                </th>
                <td>
                  <select id={selectId} value={value} onChange={(event) => setColumn(field, event.target.value)}>
                    <option value={NONE}>{field === 'lon' || field === 'lat' ? (preview.format === 'geojson' ? '(from the geometry)' : '— none —') : '— none —'}</option>
                    {field === 'title' && <option value={TEMPLATE}>Made from other columns…</option>}
                    {preview.labels.map((label, index) => (
                      <option key={index} value={index}>
                        {label || `column ${index + 1}`}
                      </option>
                    ))}
                  </select>
                  {field === 'title' && usesTemplate && (
                    <input
                      className="mapping-template"
                      aria-label="Title template"
                      value={mapping.titleTemplate ?? ''}
                      onChange={(event) => setMapping({ ...mapping, titleTemplate: event.target.value })}
                      placeholder="{event_type} in {location}"
                      title="Column names in braces; {a|b} uses b where a is empty or says only “Other”"
                    />
                  )}
                  {field === 'date' && mapping.columns.date !== undefined && <DateFormatNote mapping={mapping} setMapping={setMapping} analysis={dates} />}
                </td>
                <td className="mapping-samples">{fieldSamples(rows, preview.labels, mapping, field).map(shorten).join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {mapping.columns.category !== undefined && <CategoryChoices rows={rows} mapping={mapping} setMapping={setMapping} />}
      {issues.length > 0 && (
        <ul className="mapping-issues" aria-label="Still needed">
          {issues.map((issue, index) => (
            <li key={index}>{issue.message}</li>
          ))}
        </ul>
      )}
      </div>
      <div className="mapping-actions">
        <button type="button" className="primary" disabled={issues.length > 0} onClick={() => onDone(mapping)}>
          Import {formatCount(preview.rowCount)} events
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

type SetMapping = (mapping: ColumnMapping) => void;

/** Samples are a glimpse: a long note is cut so every field stays in view. */
const shorten = (text: string) => (text.length > 70 ? `${text.slice(0, 69).trimEnd()}…` : text);

function DateFormatNote({ mapping, setMapping, analysis }: { mapping: ColumnMapping; setMapping: SetMapping; analysis: ReturnType<typeof dateAnalysis> }) {
  if (!analysis.format) return <p className="mapping-note is-problem">Not recognised as dates: choose another column.</p>;
  if (analysis.format !== 'numeric' || !analysis.ambiguous) {
    return <p className="mapping-note">Read as {describeDateFormat(analysis.format, analysis.order ?? mapping.dateOrder)}</p>;
  }
  return (
    <label className="mapping-note is-question">
      Every date could be day/month or month/day:
      <select value={mapping.dateOrder} onChange={(event) => setMapping({ ...mapping, dateOrder: event.target.value as ColumnMapping['dateOrder'] })}>
        <option value="day-first">day first (DD/MM/YYYY)</option>
        <option value="month-first">month first (MM/DD/YYYY)</option>
      </select>
    </label>
  );
}

function CategoryChoices({ rows, mapping, setMapping }: { rows: string[][]; mapping: ColumnMapping; setMapping: SetMapping }) {
  const choices = categoryChoices(rows, mapping);
  if (choices.length === 0) return null;
  return (
    <fieldset className="mapping-categories">
      <legend>Categories: values in the file and what they become</legend>
      {choices.map(({ value, count, category, own }) => (
        <label key={value}>
          <span>
            {value} <span className="muted">({count})</span>
          </span>
          <select value={category} onChange={(event) => setMapping({ ...mapping, categories: { ...mapping.categories, [value]: event.target.value } })}>
            {CATEGORIES.map((known) => (
              <option key={known} value={known}>
                {CATEGORY_LABELS[known]}
              </option>
            ))}
            {!(CATEGORIES as readonly string[]).includes(own) && own !== '' && <option value={own}>its own category: {own}</option>}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
