import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { addMonths, formatDay } from '../../data/dates';
import type { TripwireEvent } from '../../data/events';
import { TimelineMarks } from './TimelineMarks';
import { dayToPosition, nearestStop, percent, positionToDay, type TimeScaleSpec } from './scale';

interface Props {
  scale: TimeScaleSpec;
  events: readonly TripwireEvent[];
  time: number;
  windowStart: number;
  selectedEventId: string | null;
  onTime: (day: number) => void;
  onStepEvent: (direction: 1 | -1) => void;
  onTogglePlay: () => void;
}

/** Year ticks that fit: every year when the range is short, every 2 or 5 years when it is long. */
function yearTicks([lo, hi]: [number, number]): number[] {
  const first = new Date(lo * 86_400_000).getUTCFullYear();
  const last = new Date(hi * 86_400_000).getUTCFullYear();
  const step = last - first > 14 ? 2 : 1;
  const years: number[] = [];
  for (let year = first; year <= last; year += step) years.push(Date.UTC(year, 0, 1) / 86_400_000);
  return years.filter((day) => day >= lo && day <= hi);
}

/** The slider itself: year ticks, the window, the events (TimelineMarks), the handle. */
export function TimelineTrack({ scale, events, time, windowStart, selectedEventId, onTime, onStepEvent, onTogglePlay }: Props) {
  const trackRef = useRef<HTMLDivElement>(null);
  const [lo, hi] = scale.domain;
  const position = (day: number) => dayToPosition(scale, Math.min(hi, Math.max(lo, day)));

  const dayAtPointer = (event: PointerEvent) => {
    const box = trackRef.current!.getBoundingClientRect();
    const day = positionToDay(scale, (event.clientX - box.left) / box.width);
    // In "even" mode the slider is a sequence of events: snap to the nearest one.
    return scale.kind === 'even' ? (nearestStop(scale.stops, day) ?? day) : Math.round(day);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    onTime(dayAtPointer(event));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) onTime(dayAtPointer(event));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      ArrowRight: () => (scale.kind === 'even' ? onStepEvent(1) : onTime(addMonths(time, 1))),
      ArrowUp: () => (scale.kind === 'even' ? onStepEvent(1) : onTime(addMonths(time, 1))),
      ArrowLeft: () => (scale.kind === 'even' ? onStepEvent(-1) : onTime(addMonths(time, -1))),
      ArrowDown: () => (scale.kind === 'even' ? onStepEvent(-1) : onTime(addMonths(time, -1))),
      PageUp: () => onTime(addMonths(time, 12)),
      PageDown: () => onTime(addMonths(time, -12)),
      Home: () => onTime(lo),
      End: () => onTime(hi),
      ']': () => onStepEvent(1),
      '[': () => onStepEvent(-1),
      ' ': onTogglePlay,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const windowLeft = Math.max(0, position(windowStart));
  return (
    <div
      ref={trackRef}
      className="timeline-track"
      role="slider"
      tabIndex={0}
      aria-label="Timeline: the date the map shows"
      aria-valuemin={lo}
      aria-valuemax={hi}
      aria-valuenow={Math.floor(time)}
      aria-valuetext={formatDay(Math.floor(time), 'day', 'long')}
      aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End [ ] Space"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    >
      <div className="timeline-years" aria-hidden="true">
        {yearTicks(scale.domain).map((day) => (
          <span key={day} className="timeline-year" style={{ left: percent(position(day)) }}>
            {/* the last tick's label would run off the track's right edge */}
            {position(day) < 0.97 ? new Date(day * 86_400_000).getUTCFullYear() : ''}
          </span>
        ))}
      </div>
      <div className="timeline-window" aria-hidden="true" style={{ left: percent(windowLeft), width: percent(Math.max(0, position(time) - windowLeft)) }} />
      <TimelineMarks events={events} scale={scale} selectedEventId={selectedEventId} />
      {/* Events still to come are dimmed by one veil from the handle on, not one by one. */}
      <div className="timeline-future" aria-hidden="true" style={{ left: percent(position(time)) }} />
      <div className="timeline-handle" aria-hidden="true" style={{ left: percent(position(time)) }} />
    </div>
  );
}
