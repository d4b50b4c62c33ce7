import { useCallback, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { describeEventDate, type TripwireEvent } from '../../data/events';
import type { ScenarioView } from '../../data/scenario-schema';

/** A slide's view: framed on its event (the default), one of the scenario's views, or the map as it is now. */
export const ON_EVENT = '';
export const AS_NOW = '(now)';
const ROW_HEIGHT_ESTIMATE = 30;
/** Like the event list: short lists (an article's) are rendered whole, long ones only in sight. */
const RENDER_WHOLE_LIST_UP_TO = 1_000;

interface DeckEventListProps {
  order: readonly TripwireEvent[];
  chosen: ReadonlySet<TripwireEvent>;
  ticked: ReadonlySet<string>;
  onTick: (id: string, on: boolean) => void;
  slideViews: Readonly<Record<string, string>>;
  onSlideView: (id: string, view: string) => void;
  views: readonly ScenarioView[];
  onMove: (index: number, by: -1 | 1) => void;
}

/**
 * The deck's events in slide order, each with its tick, its view and ↑/↓. Windowed: with a large
 * import the dialog would otherwise put a row (and a select of views) in the page per event.
 */
export function DeckEventList({ order, chosen, ticked, onTick, slideViews, onSlideView, views, onMove }: DeckEventListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const itemKey = useCallback((index: number) => order[index]?.id ?? index, [order]);
  // eslint-disable-next-line react-hooks/incompatible-library -- this build has no React Compiler to confuse
  const rows = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    getItemKey: itemKey,
    overscan: order.length <= RENDER_WHOLE_LIST_UP_TO ? order.length : 20,
  });
  return (
    <div ref={scroller} className="deck-events">
      <ol aria-label="Events, in slide order" style={{ height: rows.getTotalSize() }}>
        {rows.getVirtualItems().map((row) => {
          const event = order[row.index]!;
          return (
            <li
              key={event.id}
              ref={rows.measureElement}
              data-index={row.index}
              style={{ transform: `translateY(${row.start}px)` }}
              className={chosen.has(event) ? undefined : 'deck-event-left-out'}
            >
              <label>
                <input type="checkbox" checked={ticked.has(event.id)} onChange={(change) => onTick(event.id, change.target.checked)} />
                <span className="deck-event-date">{describeEventDate(event)}</span> {event.title}
              </label>
              <select value={slideViews[event.id] ?? ON_EVENT} onChange={(change) => onSlideView(event.id, change.target.value)} aria-label={`View for “${event.title}”`}>
                <option value={ON_EVENT}>Framed on the event</option>
                {views.map((view) => (
                  <option key={view.id} value={view.id}>
                    {view.title}
                  </option>
                ))}
                <option value={AS_NOW}>The map as it is now</option>
              </select>
              <button type="button" onClick={() => onMove(row.index, -1)} disabled={row.index === 0} aria-label={`Move “${event.title}” up`}>
                ↑
              </button>
              <button type="button" onClick={() => onMove(row.index, 1)} disabled={row.index === order.length - 1} aria-label={`Move “${event.title}” down`}>
                ↓
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
