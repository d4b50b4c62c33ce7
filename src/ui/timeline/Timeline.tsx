import { useDeferredValue, useMemo } from 'react';
import { store, useStore } from '../../data/store';
import { formatDay, toDay } from '../../data/dates';
import { timeExtent, windowStart } from '../../data/selectors';
import { stepToEvent } from '../../data/step-events';
import { DEFAULT_FOCUS_START, type TimeMode, type TimeScale } from '../../data/slices/timeline';
import { TimelineTrack } from './TimelineTrack';
import { TimelineSettings } from './TimelineSettings';
import { NextIcon, PauseIcon, PlayIcon, PreviousIcon } from '../icons';
import { usePlayback } from './use-playback';
import type { TimeScaleSpec } from './scale';

/** Sub-ranges worth focusing on: the scenario's whole span, and the recent years where it is dense. */
const FOCUS_CHOICES = [
  { label: 'All years', from: null },
  { label: '2000 →', from: DEFAULT_FOCUS_START },
  { label: '2018 →', from: toDay(2018, 1, 1) },
  { label: '2022 →', from: toDay(2022, 1, 1) },
] as const;

function describeMode(mode: TimeMode, windowMonths: number, start: number): string {
  return mode === 'cumulative' ? `cumulative since ${formatDay(start, 'year')}` : `window: ${windowMonths} months`;
}

export function Timeline() {
  // Deferred like the event list's: a new set of events is laid out after the store change's task.
  const events = useDeferredValue(useStore((state) => state.events));
  const publishedDate = useStore((state) => state.scenario?.publishedDate ?? null);
  const time = useStore((state) => state.time);
  const mode = useStore((state) => state.mode);
  const windowMonths = useStore((state) => state.windowMonths);
  const scaleKind = useStore((state) => state.scale);
  const focus = useStore((state) => state.focus);
  const playing = useStore((state) => state.playing);
  const selectedEventId = useStore((state) => state.selectedEventId);

  const extent = useMemo(() => timeExtent(events, publishedDate), [events, publishedDate]);
  const domain: [number, number] = focus ? [Math.max(extent[0], focus[0]), Math.min(extent[1], focus[1])] : extent;
  const scale: TimeScaleSpec = useMemo(
    () => ({ kind: scaleKind, domain, stops: events.map((event) => event.start) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- domain is derived from these two
    [scaleKind, domain[0], domain[1], events],
  );
  usePlayback(domain[1]);

  const state = store.getState();
  const clamp = (day: number) => Math.min(domain[1], Math.max(domain[0], day));
  const stepEvent = (direction: 1 | -1) => stepToEvent(store, direction);
  const togglePlay = () => {
    if (!playing && time >= domain[1]) state.setTime(domain[0]);
    state.setPlaying(!playing);
  };

  return (
    <div className="timeline">
      <div className="timeline-readout">
        {/* Not live: it changes every frame while playing. ScreenReaderMap speaks the date, throttled. */}
        <output className="timeline-date" aria-live="off" data-testid="timeline-date">
          {formatDay(Math.floor(time), 'day', 'long')}
        </output>
        <span className="timeline-mode">{describeMode(mode, windowMonths, extent[0])}</span>
      </div>
      <div className="timeline-controls" role="group" aria-label="Timeline controls">
        <button type="button" onClick={() => stepEvent(-1)} aria-label="Previous event" title="Previous event ( [ )">
          <PreviousIcon />
        </button>
        <button type="button" onClick={togglePlay} aria-label={playing ? 'Pause' : 'Play'} title="Play/pause (Space)" className="play-button">
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
        <button type="button" onClick={() => stepEvent(1)} aria-label="Next event" title="Next event ( ] )">
          <NextIcon />
        </button>
        <TimelineSettings />
        <select value={scaleKind} onChange={(event) => state.setScale(event.target.value as TimeScale)} aria-label="Timeline spacing">
          <option value="linear">Calendar spacing</option>
          <option value="even">Events evenly spaced</option>
        </select>
        <select
          value={focus ? String(focus[0]) : ''}
          onChange={(event) => {
            const from = event.target.value ? Number(event.target.value) : null;
            state.setFocus(from === null ? null : [from, Infinity]);
            if (from !== null) state.setTime(clamp(Math.max(from, time)));
          }}
          aria-label="Years shown"
        >
          {FOCUS_CHOICES.map(({ label, from }) => (
            <option key={label} value={from ?? ''}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <TimelineTrack
        scale={scale}
        events={events}
        time={time}
        windowStart={windowStart(time, mode, windowMonths)}
        selectedEventId={selectedEventId}
        onTime={(day) => state.setTime(clamp(day))}
        onStepEvent={stepEvent}
        onTogglePlay={togglePlay}
      />
    </div>
  );
}
