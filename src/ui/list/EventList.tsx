import { useEffect, useRef, useState } from 'react';
import { formatDay } from '../../data/dates';
import { filteredEvents } from '../../data/selectors';
import { store, useStore } from '../../data/store';
import { categoryColor } from '../../data/vocabulary';
import { boundsOf } from '../detail/framing';
import { EventFilters } from './EventFilters';
import { ScenarioPanel } from '../import/ScenarioPanel';

/** The side list, synced both ways with the map and the slider. */
export function EventList() {
  const events = useStore((state) => state.events);
  const filters = useStore((state) => state.filters);
  const time = useStore((state) => state.time);
  const selectedEventId = useStore((state) => state.selectedEventId);
  const [hideFuture, setHideFuture] = useState(false);
  const selectedRow = useRef<HTMLLIElement>(null);

  const shown = filteredEvents(events, filters).filter((event) => !hideFuture || event.start <= time);
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedEventId]);

  const choose = (id: string) => {
    const event = events.find((candidate) => candidate.id === id);
    if (!event) return;
    const state = store.getState();
    state.setTime(event.start);
    state.selectEvent(id);
    state.requestFrame(boundsOf(event.geometry), 6);
  };

  return (
    <div className="event-list">
      <ScenarioPanel />
      <EventFilters />
      <label className="event-list-toggle">
        <input type="checkbox" checked={hideFuture} onChange={(event) => setHideFuture(event.target.checked)} /> Hide events after the
        current date
      </label>
      <p className="event-list-count" aria-live="polite">
        {shown.length} of {events.length} events
      </p>
      <ul className="event-rows" aria-label="Events, oldest first">
        {shown.map((event) => {
          const selected = event.id === selectedEventId;
          return (
            <li
              key={event.id}
              ref={selected ? selectedRow : undefined}
              tabIndex={0}
              aria-current={selected ? 'true' : undefined}
              className={`event-row${selected ? ' is-selected' : ''}${event.start > time ? ' is-future' : ''}`}
              data-event-id={event.id}
              onClick={() => choose(event.id)}
              onKeyDown={(keyEvent) => {
                if (keyEvent.key === 'Enter' || keyEvent.key === ' ') {
                  keyEvent.preventDefault();
                  choose(event.id);
                }
              }}
              onMouseEnter={() => store.getState().hoverEvent(event.id)}
              onMouseLeave={() => store.getState().hoverEvent(null)}
            >
              <span className="event-row-dot" style={{ background: categoryColor(event.category) }} aria-hidden="true" />
              <span className="event-row-date">{formatDay(event.start, event.precision)}</span>
              <span className="event-row-title">{event.title}</span>
              {event.status === 'alleged' && <span className="event-row-flag">alleged</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
