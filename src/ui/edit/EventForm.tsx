import { useState } from 'react';
import { session } from '../../session';
import { store, useStore } from '../../data/store';
import { editEvent } from '../../actions';
import { eventFormValuesOf, type EventFormField, type EventFormValues } from '../../data/editing/event-form-values';
import { eventOfForm } from '../../data/editing/event-of-form';
import { CATEGORIES, categoryLabel, scenarioOwnCategories, STATUSES } from '../../data/vocabulary';
import { FormActions, FormField } from './FormField';

const TEXT_FIELDS: { field: EventFormField; label: string; hint?: string; long?: boolean }[] = [
  { field: 'title', label: 'Title' },
  { field: 'date', label: 'Date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD: no more precise than the source' },
  { field: 'endDate', label: 'End date', hint: 'optional' },
  { field: 'dateAsWritten', label: 'Date as written', hint: 'the source’s own words, e.g. “last August”' },
  { field: 'longitude', label: 'Longitude', hint: 'or click the map' },
  { field: 'latitude', label: 'Latitude' },
  { field: 'place', label: 'Place' },
  { field: 'actors', label: 'Actors', hint: 'comma-separated, e.g. RUS, PRK' },
  { field: 'summary', label: 'Summary', long: true },
  { field: 'quote', label: 'Quote', hint: 'the source’s exact words', long: true },
  { field: 'speaker', label: 'Speaker' },
  { field: 'source', label: 'Source', hint: 'if not the scenario’s source' },
  { field: 'sourceUrl', label: 'Source URL' },
];

/**
 * "Add event" / "Edit event": a panel beside the map, so a click on the map can place the event.
 * Checked like an import; problems appear beside their fields and nothing changes until Save passes.
 */
export function EventForm() {
  const form = useStore((state) => state.eventForm);
  const editing = useStore((state) => (form?.editing ? (state.eventSets.flatMap((set) => set.events).find((event) => event.id === form.editing) ?? null) : null));
  const eventSets = useStore((state) => state.eventSets);
  const prefilled = form?.prefilled;
  const [values, setValues] = useState<EventFormValues>(() => prefilled?.values ?? eventFormValuesOf(editing, form?.position ?? null));
  const [setId, setSetId] = useState(eventSets[0]?.id ?? '');
  const [issues, setIssues] = useState<Partial<Record<EventFormField, string>>>({});

  // A click on the map while the form is open moves the event there (state adjusted while
  // rendering, React's pattern for following a changed input, rather than an effect).
  const position = form?.position ?? null;
  const [placedAt, setPlacedAt] = useState(position);
  if (position !== placedAt) {
    setPlacedAt(position);
    if (position) setValues({ ...values, longitude: String(position[0]), latitude: String(position[1]), route: '' });
  }

  if (!form) return null;
  const close = () => store.getState().openEventForm(null);
  const isRoute = values.route.trim() !== '';
  const save = async () => {
    const result = eventOfForm(store.getState().eventSets, values, { editing, eventSetId: setId, extra: prefilled?.extra });
    if (!result.event) {
      setIssues(result.issues);
      // To the first field to correct, so a keyboard or screen-reader user lands on it.
      const first = Object.keys(result.issues)[0];
      window.requestAnimationFrame(() => document.getElementById(`event-form-${first}`)?.focus());
      return;
    }
    setIssues({});
    close();
    await editEvent(session, editing, result.event);
    store.getState().setTime(Math.max(store.getState().time, result.event.start));
    store.getState().selectEvent(result.event.id);
    prefilled?.onSaved(result.event);
  };

  const input = ({ field, label, hint, long }: (typeof TEXT_FIELDS)[number]) =>
    (field === 'longitude' || field === 'latitude') && isRoute ? null : (
      <FormField key={field} id={`event-form-${field}`} label={label} hint={hint} long={long} issue={issues[field]} value={values[field]} onChange={(value) => setValues({ ...values, [field]: value })} />
    );

  return (
    <section className="detail-panel event-form" role="dialog" aria-labelledby="event-form-heading" data-testid="event-form">
      <h2 id="event-form-heading">{editing ? 'Edit event' : prefilled ? 'Add event from the draft' : 'Add event'}</h2>
      {prefilled?.note && <p className="event-form-note">{prefilled.note}</p>}
      <form
        onSubmit={(submitted) => {
          submitted.preventDefault();
          void save();
        }}
      >
        {!editing && eventSets.length > 1 && (
          <div className="form-field">
            <label htmlFor="event-form-set">Event set</label>
            <select id="event-form-set" value={setId} onChange={(event) => setSetId(event.target.value)}>
              {eventSets.map((set) => (
                <option key={set.id} value={set.id}>
                  {set.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {TEXT_FIELDS.slice(0, 4).map(input)}
        {isRoute ? (
          <FormField id="event-form-route" label="Route" hint="one “longitude, latitude” per line" long issue={issues.route} value={values.route} onChange={(route) => setValues({ ...values, route })} />
        ) : null}
        {TEXT_FIELDS.slice(4).map(input)}
        <div className="form-field">
          <label htmlFor="event-form-category">Category</label>
          <select id="event-form-category" value={values.category} onChange={(event) => setValues({ ...values, category: event.target.value })}>
            {[...new Set([...CATEGORIES, ...scenarioOwnCategories(), values.category])].map((category) => (
              <option key={category} value={category}>
                {categoryLabel(category)}
              </option>
            ))}
          </select>
          {issues.category && <p className="form-issue">{issues.category}</p>}
        </div>
        <div className="form-field">
          <label htmlFor="event-form-status">Status</label>
          <select id="event-form-status" value={values.status} onChange={(event) => setValues({ ...values, status: event.target.value })}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <FormActions issueCount={Object.keys(issues).length} onCancel={close} />
      </form>
    </section>
  );
}
