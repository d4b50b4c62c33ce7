import { useDeferredValue, useMemo } from 'react';
import { store, useStore } from '../../data/store';
import { formatDay } from '../../data/dates';
import { focusYears, timeExtent, windowStart } from '../../data/selectors';
import { stepToEvent } from '../../data/step-events';
import type { TimeMode, TimeScale } from '../../data/slices/timeline';
import { TimelineTrack } from './TimelineTrack';
import { TimelineSettings } from './TimelineSettings';
import { NextIcon, PauseIcon, PlayIcon, PreviousIcon } from '../icons';
import { usePlayback } from './use-playback';
import type { TimeScaleSpec } from './scale';


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
  // Sub-ranges worth focusing on: the whole span, and the years where the scenario's events gather.
  // A focus from before the first event (the default 2000 under a 2023 scenario) focuses nothing: it reads as all years.
  const focusFrom = focus && focus[0] > extent[0] ? focus[0] : null;
  const focusChoices = useMemo(() => focusYears(events, focusFrom), [events, focusFrom]);

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
          value={focusFrom ?? ''}
          onChange={(event) => {
            const from = event.target.value ? Number(event.target.value) : null;
            state.setFocus(from === null ? null : [from, Infinity]);
            if (from !== null) state.setTime(clamp(Math.max(from, time)));
          }}
          aria-label="Years shown"
        >
          <option value="">All years</option>
          {focusChoices.map((from) => (
            <option key={from} value={from}>
              {formatDay(from, 'year')} →
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
