import { useEffect } from 'react';
import { bbox } from '@turf/turf';
import { describeEventDate, sourceDateWording } from '../data/events';
import { store, useStore } from '../data/store';
import { selectedEvent } from '../data/selectors';
import type { Bounds } from '../data/slices/view';

/** As deep as a slide zooms on its event: a region, not a street. */
const SLIDE_MAX_ZOOM = 5.5;

/**
 * In presentation mode: the selected event in large type below the map, for the back of the room.
 * Each event shown is framed as its slide would be, clear of the legend, inset and scale bar.
 */
export function PresentationCaption() {
  const event = useStore(selectedEvent);
  useEffect(() => {
    if (event) store.getState().requestSubjectFrame(bbox(event.geometry) as Bounds, SLIDE_MAX_ZOOM);
  }, [event]);
  if (!event) return <div className="presentation-caption muted">PageDown: next event · Escape: leave presentation</div>;
  return (
    <div className="presentation-caption" data-testid="presentation-caption">
      <h2>{event.title}</h2>
      <p className="presentation-date">
        {describeEventDate(event)}
        {sourceDateWording(event) && ` — “${sourceDateWording(event)}”`}
        {event.status === 'alleged' ? ' · ALLEGED' : ''}
      </p>
      <blockquote>“{event.quote}”</blockquote>
      {event.speaker && <p className="presentation-speaker">— {event.speaker}</p>}
    </div>
  );
}
