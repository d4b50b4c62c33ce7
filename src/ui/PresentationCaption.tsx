import { describeEventDate, sourceDateWording } from '../data/events';
import { useStore } from '../data/store';
import { selectedEvent } from '../data/selectors';

/** In presentation mode: the selected event in large type over the map, for the back of the room. */
export function PresentationCaption() {
  const event = useStore(selectedEvent);
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
