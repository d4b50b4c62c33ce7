// "Fully rendered" for the benchmark: MapLibre has gone `idle` (no source, layout or placement
// work left) AND the GPU has executed the frame. MapLibre's `idle` fires once its draw calls are
// issued; with software WebGL the drawing itself happens later, in the GPU process, so a
// one-pixel readPixels (which waits for every queued command) closes the measurement.
import type { Map as MapLibreMap } from 'maplibre-gl';

const onePixel = new Uint8Array(4);

/** Blocks until the GPU has finished everything issued on the map's context so far. */
export function finishGpuWork(map: MapLibreMap): void {
  const canvas = map.getCanvas();
  // getContext returns the context MapLibre already created on this canvas (never a new one).
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, onePixel);
}

/**
 * Resolves after the next `idle` and (unless `gpu` is false) the GPU work before it. Call BEFORE
 * making the change. `gpu: false` is for long-task logs: the readPixels wait would block the main
 * thread itself and show up as a long task that a user never has.
 */
export function nextRenderedFrame(map: MapLibreMap, { gpu = true }: { gpu?: boolean } = {}): Promise<void> {
  return new Promise((resolve) =>
    map.once('idle', () => {
      if (gpu) finishGpuWork(map);
      resolve();
    }),
  );
}
