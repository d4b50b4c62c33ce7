/**
 * One labelled field of an edit form, with its problem (if any) beside it: announced with the
 * field (aria-describedby) and marked invalid, so a screen-reader user hears what to correct.
 */
export function FormField({
  id,
  label,
  hint,
  issue,
  long,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  issue?: string | undefined;
  long?: boolean | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const props = {
    id,
    value,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': issue ? `${id}-issue` : undefined,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
  };
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label} {hint && <span className="muted">({hint})</span>}
      </label>
      {long ? <textarea rows={3} {...props} /> : <input {...props} />}
      {issue && (
        <p id={`${id}-issue`} className="form-issue">
          {issue}
        </p>
      )}
    </div>
  );
}

/** The end of an edit form: how many fields to correct (announced), then Cancel and Save. */
export function FormActions({ issueCount, onCancel }: { issueCount: number; onCancel: () => void }) {
  return (
    <>
      {issueCount > 0 && (
        <p className="form-issue" role="alert">
          Not saved: {issueCount} field{issueCount === 1 ? '' : 's'} to correct.
        </p>
      )}
      <div className="export-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </>
  );
}
