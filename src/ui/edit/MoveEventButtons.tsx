import { useState } from 'react';
import { session } from '../../session';
import { editEvent } from '../../actions';
import type { TripwireEvent } from '../../data/events';
import type { DrawnShape } from '../../data/editing/geography-form-values';
import { categoryColor } from '../../data/vocabulary';
import { useShapeDrawing } from './use-shape-drawing';

/** Rounded to ~10 m, as a click in the event form places an event: no more precise than a drag can be. */
const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** "Move" for an event that is a point: drag it on the map, then Save position (one undoable step) or Cancel. */
export function MoveEventButtons({ event }: { event: TripwireEvent }) {
  const [moved, setMoved] = useState<DrawnShape | null>(null);
  const drawing = useShapeDrawing(setMoved);
  if (event.geometry.type !== 'Point') return null;

  if (!drawing.phase) {
    return (
      <button
        type="button"
        title="Drag the event’s point on the map"
        onClick={() => {
          setMoved(null);
          drawing.reshape(event.geometry as GeoJSON.Point, categoryColor(event.category));
        }}
      >
        Move
      </button>
    );
  }
  const save = () => {
    drawing.stop();
    if (moved?.type !== 'Point') return; // not dragged
    const [lon, lat] = moved.coordinates;
    void editEvent(session, event, { ...event, geometry: { type: 'Point', coordinates: [round(lon!), round(lat!)] } });
  };
  return (
    <>
      <span className="muted shape-status" role="status">
        Drag the point. Escape cancels.
      </span>
      {/* Focus moves on to the next step (the Move button is gone); Escape cancels. */}
      <button type="button" className="primary" onClick={save} autoFocus>
        Save position
      </button>
      <button type="button" onClick={drawing.stop}>
        Cancel move
      </button>
    </>
  );
}
