import { useEffect, useRef, useState } from 'react';
import { store, useStore } from '../../data/store';
import { SPEEDS, WINDOW_MONTH_CHOICES, type SpeedId, type TimeMode } from '../../data/slices/timeline';

/**
 * Play speed, cumulative or sliding window, and the window's length. On a wide screen they sit in
 * the timeline's row of controls as before (layout.css: the wrapper is `display: contents`); the
 * phone's compact bar has no room for them, so there a "⋯" button opens them as a small panel
 * above the bar. Escape, the button again or a tap elsewhere closes it.
 */
export function TimelineSettings() {
  const mode = useStore((state) => state.mode);
  const windowMonths = useStore((state) => state.windowMonths);
  const speed = useStore((state) => state.speed);
  const state = store.getState();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // A tap outside the panel (the map, the track) closes it, as a menu would.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !toggleRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const closeOnEscape = (event: React.KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Only the panel closes: not the detail or presentation that also listen for Escape.
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        className="timeline-settings-toggle"
        aria-expanded={open}
        aria-controls="timeline-settings"
        onClick={() => setOpen(!open)}
        onKeyDown={closeOnEscape}
      >
        <span aria-hidden="true">⋯</span>
        <span className="visually-hidden">Timeline settings</span>
      </button>
      <div ref={panelRef} id="timeline-settings" className={`timeline-settings${open ? ' is-open' : ''}`} role="group" aria-label="Timeline settings" onKeyDown={closeOnEscape}>
        <label>
          <span className="visually-hidden timeline-setting-name">Speed</span>
          <select value={speed} onChange={(event) => state.setSpeed(event.target.value as SpeedId)} aria-label="Playback speed">
            {Object.entries(SPEEDS).map(([id, { label }]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden timeline-setting-name">Mode</span>
          <select value={mode} onChange={(event) => state.setMode(event.target.value as TimeMode)} aria-label="Time mode">
            <option value="cumulative">Cumulative</option>
            <option value="window">Sliding window</option>
          </select>
        </label>
        {mode === 'window' && (
          <label>
            <span className="visually-hidden timeline-setting-name">Window</span>
            <select value={windowMonths} onChange={(event) => state.setWindowMonths(Number(event.target.value))} aria-label="Window length">
              {WINDOW_MONTH_CHOICES.map((months) => (
                <option key={months} value={months}>
                  {months} months
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </>
  );
}
