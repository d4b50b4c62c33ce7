import { useEffect } from 'react';
import { store, useStore } from '../../data/store';
import { SPEEDS } from '../../data/slices/timeline';

/** While playing, advance time by the chosen speed on each animation frame; stop at `end`. */
export function usePlayback(end: number) {
  const playing = useStore((state) => state.playing);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const state = store.getState();
      const next = Math.min(end, state.time + ((now - last) / 1000) * SPEEDS[state.speed].daysPerSecond);
      last = now;
      state.setTime(next);
      if (next >= end) state.setPlaying(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, end]);
}
