// A panel's handle on the map drawing (src/map/draw/geography-drawing.ts, loaded on first use so
// Terra Draw is not part of the first page load). It tells the store a drawing is on, so a click
// on the map draws rather than selects (interactions.ts), and Escape cancels the drawing before
// it reaches anything else (the detail panel would close on it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { store } from '../../data/store';
import type { DrawnShape } from '../../data/editing/geography-form-values';
import type { DrawingOptions, ShapeKind } from '../../map/draw/geography-drawing';
import { useMainMap } from '../../map/map-context';

type DrawingModule = typeof import('../../map/draw/geography-drawing');

/** `placing`: corners are being clicked; `adjusting`: the shape is there and its corners drag. */
export type DrawingPhase = 'placing' | 'adjusting' | null;

/**
 * `onShape` hears the drawn shape (and each later drag); `onCancel`, that the shape left the map
 * without being saved: Escape, or the map was made anew.
 */
export function useShapeDrawing(onShape: (shape: DrawnShape) => void, onCancel?: () => void) {
  const [phase, setPhase] = useState<DrawingPhase>(null);
  const callbacks = useRef({ onShape, onCancel });
  useEffect(() => {
    callbacks.current = { onShape, onCancel };
  });
  // Each start gets a number; a later start or a stop makes the earlier one's callbacks (and a
  // module still loading for it) do nothing.
  const run = useRef(0);
  const active = useRef(false);
  const drawing = useRef<DrawingModule | null>(null);
  const map = useMainMap();

  const ended = useCallback(() => {
    run.current += 1;
    if (active.current) store.getState().setDrawing(false);
    active.current = false;
    setPhase(null);
  }, []);

  const stop = useCallback(() => {
    // Only this panel's own drawing: another panel may have started one since.
    if (active.current) drawing.current?.stopDrawing();
    ended();
  }, [ended]);

  const start = useCallback(
    async (begin: (module: DrawingModule, map: MapLibreMap, options: DrawingOptions) => void, color: string, firstPhase: Exclude<DrawingPhase, null>) => {
      if (!map) {
        store.getState().addNotice('Drawing needs the map, which is not shown yet.');
        return;
      }
      const mine = ++run.current;
      const module = (drawing.current ??= await import('../../map/draw/geography-drawing'));
      if (mine !== run.current) return;
      try {
        begin(module, map, {
          color,
          onShape: (shape) => {
            if (mine !== run.current) return;
            setPhase('adjusting');
            callbacks.current.onShape(shape);
          },
          onEnd: () => {
            if (mine !== run.current) return;
            ended();
            callbacks.current.onCancel?.();
          },
        });
      } catch (error) {
        store.getState().addNotice(error instanceof Error ? error.message : String(error));
        ended();
        return;
      }
      // After begin: starting a drawing ends the previous one, whose panel then clears the flag.
      active.current = true;
      setPhase(firstPhase);
      store.getState().setDrawing(true);
    },
    [ended, map],
  );

  /** Draws a new shape of this kind on the main map (map-context.tsx: the one map of the page). */
  const draw = useCallback(
    (kind: ShapeKind, color: string) => void start((module, map, options) => module.startDrawing(map, kind, options), color, 'placing'),
    [start],
  );

  /** Reshapes an existing shape on the main map (its corners, or the point, drag). */
  const reshape = useCallback(
    (shape: DrawnShape, color: string) => void start((module, map, options) => module.startEditingShape(map, shape, options), color, 'adjusting'),
    [start],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // `active`, not `phase`: it is set in the same task as the store's drawing flag, so an Escape
      // pressed the moment a drawing starts cancels it (keyed on `phase`, the listener came a render
      // later, and that Escape closed the detail panel instead).
      if (event.key !== 'Escape' || !active.current) return;
      event.stopPropagation();
      stop();
      callbacks.current.onCancel?.();
    };
    // Capture, so this runs before (and stops) the window's other Escape handlers.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [stop]);

  // A panel closing takes its drawing with it.
  useEffect(() => stop, [stop]);

  return { phase, draw, reshape, stop };
}
