import { useEffect, useState } from 'react';
import { formatDay } from '../../data/dates';
import { selectedEvent } from '../../data/selectors';
import { store } from '../../data/store';
import { describeMap, describeTimeChange, MAP_SUMMARY_ID, mapDescriptionSentence, type MapDescription } from './describe-map';

/** While playing: at most one announcement a second. */
export const PLAYING_INTERVAL_MS = 1000;
/** Otherwise the time must rest this long (a held key, a drag's end) before one summary is spoken. */
export const SETTLE_MS = 300;
/**
 * Up to this many events the map summary follows playback too; above it (the summary is a pass over
 * every event shown: ~30–100 ms at a million here) it is brought up to date when playback stops.
 */
const LIVE_SUMMARY_UP_TO = 50_000;

/**
 * The map and the timeline for a screen reader: a polite live region that says the date and the
 * events that appeared (or the selected event's title when stepping), and a visually hidden
 * summary of what the map shows now, which the map's canvas names as its description.
 * Both are written outside React's render of the timeline, from a store subscription, and at most
 * once a second while playing: the timeline's speed is untouched.
 */
export function ScreenReaderMap({ onShowList }: { onShowList: () => void }) {
  const [announcement, setAnnouncement] = useState('');
  const [summary, setSummary] = useState<{ description: MapDescription; time: number } | null>(null);

  useEffect(() => {
    let announced = { time: store.getState().time, selection: store.getState().selectedEventId };
    let lastWrite = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let announce = false;
    // While a finger or the mouse drags the slider nothing is said; its release brings one summary.
    let dragging = false;

    const write = () => {
      timer = undefined;
      lastWrite = performance.now();
      const state = store.getState();
      if (!state.playing || state.events.length <= LIVE_SUMMARY_UP_TO) setSummary({ description: describeMap(state.events, state), time: state.time });
      if (!announce) return;
      announce = false;
      const selectionChanged = state.selectedEventId !== announced.selection;
      const selected = selectionChanged ? selectedEvent(state) : null;
      if (!selected && state.time === announced.time) {
        announced = { time: state.time, selection: state.selectedEventId };
        return; // only a selection closed: nothing to say
      }
      const date = formatDay(Math.floor(state.time), 'day', 'long');
      const change = selected ? `Selected: ${selected.title}.` : describeTimeChange(state.events, state.filters, announced.time, state.time);
      announced = { time: state.time, selection: state.selectedEventId };
      setAnnouncement(`${date}. ${change}`);
    };
    const schedule = (withAnnouncement: boolean) => () => {
      announce ||= withAnnouncement;
      if (dragging) return;
      const { playing } = store.getState();
      if (timer !== undefined) {
        if (playing) return; // one write a second while playing
        clearTimeout(timer);
      }
      timer = setTimeout(write, playing ? Math.max(0, lastWrite + PLAYING_INTERVAL_MS - performance.now()) : SETTLE_MS);
    };
    const unsubscribers = [
      store.subscribe((state) => state.time, schedule(true)),
      store.subscribe((state) => state.selectedEventId, schedule(true)),
      store.subscribe((state) => state.playing, schedule(false)),
      store.subscribe((state) => state.events, schedule(false)),
      store.subscribe((state) => state.filters, schedule(false)),
      store.subscribe((state) => state.mode, schedule(false)),
      store.subscribe((state) => state.windowMonths, schedule(false)),
    ];
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest('[role="slider"]')) return;
      dragging = true;
      clearTimeout(timer);
      timer = undefined;
    };
    const onPointerUp = () => {
      if (!dragging) return;
      dragging = false;
      schedule(false)();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('pointerup', onPointerUp, true);
    document.addEventListener('pointercancel', onPointerUp, true);
    write();
    return () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('pointerup', onPointerUp, true);
      document.removeEventListener('pointercancel', onPointerUp, true);
      clearTimeout(timer);
    };
  }, []);

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="timeline-announcement">
        {announcement}
      </p>
      <div className="visually-hidden-until-focus map-summary" id={MAP_SUMMARY_ID} data-testid="map-summary">
        {summary && (
          <>
            <p>{mapDescriptionSentence(summary.description, summary.time)}</p>
            {summary.description.latest.length > 0 && (
              <>
                <p>Latest {summary.description.latest.length === 1 ? 'event' : 'events'}:</p>
                <ul>
                  {summary.description.latest.map((event) => (
                    <li key={event.id}>
                      {formatDay(event.start, event.precision, 'long')}: {event.title}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        <button type="button" onClick={onShowList}>
          Go to the event list
        </button>
      </div>
    </>
  );
}
