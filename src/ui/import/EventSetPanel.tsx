import { store, useStore } from '../../data/store';
import { session } from '../../session';
import { removeImport } from '../../actions';
import { eventsToCsv, eventsToGeoJson } from '../../import/export-events';
import type { EventSet } from '../../data/event-sets';
import { download } from '../export/download';

const baseName = (set: EventSet) => (set.imported ? set.name.replace(/\.[^.]+$/, '') : `tripwire-${set.id}-events`);

/** Which of the scenario's event sets are shown (its own, imports, or several at once), and their files out. */
export function EventSetPanel() {
  const eventSets = useStore((state) => state.eventSets);
  const active = useStore((state) => state.activeEventSetIds);
  if (eventSets.length < 2) return <EventSetExport set={eventSets[0]} />;
  return (
    <fieldset className="event-set-panel">
      <legend>Event sets shown</legend>
      {eventSets.map((set) => (
        <div key={set.id} className="event-set-row">
          <label>
            <input
              type="checkbox"
              checked={active.includes(set.id)}
              onChange={(event) => store.getState().setActiveEventSets(event.target.checked ? [...active, set.id] : active.filter((id) => id !== set.id))}
            />
            <span className={`event-set-swatch${set.imported ? ' is-imported' : ''}`} aria-hidden="true" />
            {set.name} <span className="muted">({set.events.length})</span>
          </label>
          <EventSetExport set={set} />
          {set.imported && (
            <button type="button" className="link-button" onClick={() => void removeImport(session, set.id)}>
              Remove
            </button>
          )}
        </div>
      ))}
    </fieldset>
  );
}

function EventSetExport({ set }: { set: EventSet | undefined }) {
  if (!set) return null;
  return (
    <span className="event-set-export">
      <button type="button" className="link-button" onClick={() => download(eventsToGeoJson(set.events, set.article), `${baseName(set)}.geojson`, 'application/geo+json')}>
        GeoJSON
      </button>
      <button type="button" className="link-button" onClick={() => download(eventsToCsv(set.events), `${baseName(set)}.csv`, 'text/csv;charset=utf-8')}>
        CSV
      </button>
    </span>
  );
}
