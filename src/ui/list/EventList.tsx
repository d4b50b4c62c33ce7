import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatDay } from '../../data/dates';
import { formatCount } from '../../data/limits';
import { filteredEvents } from '../../data/selectors';
import { store, useStore } from '../../data/store';
import { categoryColor } from '../../data/vocabulary';
import { boundsOf } from '../detail/framing';
import { EventFilters } from './EventFilters';
import { EventSetPanel } from '../import/EventSetPanel';
import { EditToolbar } from '../edit/EditToolbar';
import { initialsOf, selectedBy } from '../../data/slices/presence';

/** A first guess for rows not yet measured; each row is measured once drawn (titles wrap). */
const ROW_HEIGHT_ESTIMATE = 44;
const RENDER_WHOLE_LIST_UP_TO = 1_000;

/** The side list, synced both ways with the map and the slider. */
export function EventList() {
  // Deferred: taking in a new set of events (an import of a million) renders after, not inside,
  // the task that changed the store, so the map and the other panels go first.
  const events = useDeferredValue(useStore((state) => state.events));
  const filters = useStore((state) => state.filters);
  const time = useStore((state) => state.time);
  const selectedEventId = useStore((state) => state.selectedEventId);
  // Who else (on a shared scenario) has which event selected: a marker on its row.
  const presence = useStore((state) => state.presence);
  const othersOn = useMemo(() => selectedBy(presence), [presence]);
  const [hideFuture, setHideFuture] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  // Recomputed only when the list itself changes, not on every timeline tick.
  const matching = useMemo(() => filteredEvents(events, filters), [events, filters]);
  const shown = useMemo(() => (hideFuture ? matching.filter((event) => event.start <= time) : matching), [hideFuture, matching, time]);
  // Measured heights belong to events, not positions: after an import the list holds other rows.
  // One function per list (not per render): the virtualizer recomputes every row's place when it changes.
  const itemKey = useCallback((index: number) => shown[index]?.id ?? index, [shown]);
  // Only the rows in sight (and a few either side) are in the page: an import of 100,000 events
  // would otherwise put 100,000 rows in the DOM and re-render them on every tick of the timeline.
  // Short lists, like the article's, are rendered whole.
  // eslint-disable-next-line react-hooks/incompatible-library -- this build has no React Compiler to confuse
  const rows = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    getItemKey: itemKey,
    overscan: shown.length <= RENDER_WHOLE_LIST_UP_TO ? shown.length : 20,
  });
  // Once per selection or list, not per render: a million rows are not searched on every tick.
  const selectedIndex = useMemo(() => (selectedEventId === null ? -1 : shown.findIndex((event) => event.id === selectedEventId)), [shown, selectedEventId]);
  useEffect(() => {
    if (selectedIndex >= 0) rows.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when the selection changes: the list must not jump while the user scrolls it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedEventId]);

  const choose = (id: string) => {
    const event = events.find((candidate) => candidate.id === id);
    if (!event) return;
    const state = store.getState();
    state.setTime(event.start);
    state.selectEvent(id);
    state.requestSubjectFrame(boundsOf(event.geometry), 6);
  };

  return (
    <div className="event-list">
      <EditToolbar />
      <EventSetPanel />
      <EventFilters />
      <label className="event-list-toggle">
        <input type="checkbox" checked={hideFuture} onChange={(event) => setHideFuture(event.target.checked)} /> Hide events after the
        current date
      </label>
      <p className="event-list-count" aria-live="polite">
        {formatCount(shown.length)} of {formatCount(events.length)} events
      </p>
      <div ref={scroller} className="event-rows">
        <ul id="event-list" tabIndex={-1} aria-label="Events, oldest first" style={{ height: rows.getTotalSize() }}>
        {rows.getVirtualItems().map((row) => {
          const event = shown[row.index]!;
          const selected = event.id === selectedEventId;
          const others = othersOn.get(event.id);
          return (
            <li
              key={event.id}
              ref={rows.measureElement}
              data-index={row.index}
              aria-setsize={shown.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
              tabIndex={0}
              aria-current={selected ? 'true' : undefined}
              className={`event-row${selected ? ' is-selected' : ''}${event.start > time ? ' is-future' : ''}${others ? ' has-presence' : ''}`}
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
              {others && (
                <span className="event-row-presence" title={`Selected by ${others.join(', ')}`}>
                  <span aria-hidden="true">{others.length > 1 ? `${initialsOf(others[0]!)}+${others.length - 1}` : initialsOf(others[0]!)}</span>
                  <span className="visually-hidden">, selected by {others.join(', ')}</span>
                </span>
              )}
            </li>
          );
        })}
        </ul>
      </div>
    </div>
  );
}
