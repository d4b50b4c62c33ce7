// A map's first picture is drawn once, complete, instead of tile by tile as sources arrive.
//
// Why: with software WebGL on two cores, each partial frame (water, then land, then borders …)
// costs ~100 ms of the same CPU that MapLibre's worker needs to finish the tiles, so the partial
// frames delay the complete one. Measured on the default dashboard: first complete frame at
// 1.48 s instead of 2.14 s (medians of 8 interleaved cold loads, BENCHMARKS.md). The container
// shows the sea colour meanwhile (app.css).
//
// MapLibre has no public switch for this, so the painter's draw call is wrapped until the map
// reports every source loaded, then put back: after that the map draws exactly as MapLibre does.

import type { Map as MapLibreMap } from 'maplibre-gl';

/** Drawing starts anyway after this long, so a source that never loads cannot blank the map. */
export const FIRST_FRAME_HOLD_LIMIT_MS = 5_000;

interface Painter {
  render: (...args: unknown[]) => void;
}

/**
 * Holds back drawing until `map.loaded()`. Returns false (and changes nothing) if this MapLibre's
 * internals differ; the browser test "the first frame is drawn complete" then fails.
 */
export function drawFirstFrameComplete(map: MapLibreMap): boolean {
  const painter = (map as unknown as { painter?: Painter }).painter;
  if (typeof painter?.render !== 'function') return false;
  const render = painter.render;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    painter.render = render;
  };
  painter.render = function heldRender(this: Painter, ...args: unknown[]) {
    if (!map.loaded()) return;
    release();
    render.apply(this, args);
  };
  // A source that fails or never loads must not leave the map blank: draw what there is.
  const giveUp = () => {
    if (!held) return;
    release();
    map.triggerRepaint();
  };
  map.once('error', giveUp);
  window.setTimeout(giveUp, FIRST_FRAME_HOLD_LIMIT_MS);
  return true;
}

/**
 * Calls back once the GPU has carried out everything the map has sent it so far: a WebGL2 fence,
 * polled between tasks (Chromium answers the poll without waiting). Why: in software WebGL the
 * GPU process compiles and draws a map's first frame well after MapLibre's `idle`, and a second
 * map's WebGL context made meanwhile holds the page until all of that is done (~0.9 s here).
 */
export function afterGpuCatchesUp(map: MapLibreMap, callback: () => void): void {
  const gl = map.getCanvas().getContext('webgl2');
  const fence = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!gl || !fence) return callback();
  gl.flush();
  const poll = () => {
    if (!gl.isContextLost() && gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) {
      window.setTimeout(poll, 50);
      return;
    }
    if (!gl.isContextLost()) gl.deleteSync(fence);
    callback();
  };
  poll();
}
