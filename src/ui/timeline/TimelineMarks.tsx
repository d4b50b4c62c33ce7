// The events on the timeline track, drawn again only when the events, the scale or the selection
// change, never on a tick of the timeline (the future is dimmed by one veil that moves with the
// handle, in TimelineTrack). Up to a few thousand events each is an element with its title; past
// that, a canvas strip: 100,000 elements would take seconds to build and make every tick slow.
import { memo, useEffect, useRef } from 'react';
import { formatDay } from '../../data/dates';
import type { TripwireEvent } from '../../data/events';
import { categoryColor } from '../../data/vocabulary';
import { dayToPosition, percent, type TimeScaleSpec } from './scale';

const ELEMENTS_UP_TO = 2_000;

interface Props {
  events: readonly TripwireEvent[];
  scale: TimeScaleSpec;
  selectedEventId: string | null;
}

/** Where an event starts and how wide its span is, as fractions of the track. */
function extentOf(scale: TimeScaleSpec, event: TripwireEvent): { left: number; width: number } {
  const [lo, hi] = scale.domain;
  const position = (day: number) => dayToPosition(scale, Math.min(hi, Math.max(lo, day)));
  const left = position(event.start);
  return { left, width: event.precision === 'day' ? 0 : position(event.end) - left };
}

export const TimelineMarks = memo(function TimelineMarks({ events, scale, selectedEventId }: Props) {
  if (events.length > ELEMENTS_UP_TO) return <TimelineStrip events={events} scale={scale} />;
  return (
    <div className="timeline-events" aria-hidden="true">
      {events.map((event) => {
        const { left, width } = extentOf(scale, event);
        return (
          <span
            key={event.id}
            className={`timeline-event precision-${event.precision}${event.id === selectedEventId ? ' is-selected' : ''}`}
            style={{ left: percent(left), width: width > 0 ? percent(width) : undefined, background: categoryColor(event.category) }}
            title={`${formatDay(event.start, event.precision)} — ${event.title}`}
          />
        );
      })}
    </div>
  );
});

/**
 * Many events: a canvas strip where dense stretches read as darker bands. Events are counted per
 * pixel column and category first, then each column is painted once per category with the
 * opacity that n translucent ticks (30 % each) would add up to: a million events cost a million
 * additions and a few thousand rectangles, not a million rectangles.
 */
function TimelineStrip({ events, scale }: Omit<Props, 'selectedEventId'>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current!;
    const draw = () => {
      const { width, height } = canvas.getBoundingClientRect();
      canvas.width = Math.round(width * devicePixelRatio);
      canvas.height = Math.round(height * devicePixelRatio);
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) return;
      const columns = canvas.width;
      const counts = new Map<string, Float32Array>();
      for (const event of events) {
        const extent = extentOf(scale, event);
        const first = Math.min(columns - 1, Math.max(0, Math.floor(extent.left * columns)));
        const last = Math.min(columns - 1, Math.max(first, Math.ceil((extent.left + extent.width) * columns) - 1));
        let perColumn = counts.get(event.category);
        if (!perColumn) counts.set(event.category, (perColumn = new Float32Array(columns)));
        for (let column = first; column <= last; column += 1) perColumn[column]! += 1;
      }
      for (const [category, perColumn] of counts) {
        context.fillStyle = categoryColor(category);
        perColumn.forEach((count, column) => {
          if (count === 0) return;
          context.globalAlpha = 1 - 0.7 ** count;
          context.fillRect(column, 0, 1, canvas.height);
        });
      }
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [events, scale]);
  return <canvas ref={canvasRef} className="timeline-events timeline-strip" aria-hidden="true" data-testid="timeline-strip" />;
}
