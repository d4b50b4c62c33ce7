// A MapLibre custom layer that draws many dated points and filters them by time on the GPU.
// Moving the timeline = new uniforms + one repaint: no setData, no global-state re-layout.
// Mercator projection only (the app's): positions are uploaded as mercator x/y and projected with
// defaultProjectionData.mainMatrix. Float32 positions keep ~1 px accuracy up to about zoom 14.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import {
  createBuffers,
  deleteBuffers,
  forgetSharedProgram,
  programReady,
  sharedProgram,
  uploadFlags,
  uploadNextSlice,
  type PointsBuffers,
  type PointsProgram,
} from './gl-resources';
import { packPointsInSlices } from './pack-in-slices';
import { drawRange, FLAG_BYTES_PER_POINT, type PackedPoints } from './packing';
import { CATEGORY_PALETTE } from './palette';
import type { TimePoints, TimePointsStyle, TimeWindow } from './types';

export const DEFAULT_TIME_POINTS_STYLE: TimePointsStyle = { radius: 4, strokeWidth: 1, opacityFloor: 0.35 };
/** Before the first setTime: everything visible, as INITIAL_GLOBAL_STATE does for the style. */
const SHOW_EVERYTHING: TimeWindow = { time: 1e6, windowStart: -1e6, fadeDays: 3650 };

export interface TimePointsStats {
  /** Times the points were sent to the GPU (1 per setData, 0 per setTime). */
  uploads: number;
  points: number;
  gpuBytes: number;
  /** [first, count] of the points the shader tests at the current time (the rest can't be visible). */
  drawRange: [number, number];
  /** Main-thread time spent waiting for the shader link (once per GL context) and in the last upload. */
  linkWaitMs: number;
  uploadMs: number;
  /** Frames the last upload was spread over (one slice of points each). */
  uploadFrames: number;
}

export interface TimePointsLayer extends CustomLayerInterface {
  /** Cheap: stores three numbers, finds the drawable range (a binary search), asks for one repaint. */
  setTime(window: TimeWindow): void;
  /** Replaces the points (packed in slices, uploaded once). For a new data set, not a time change. */
  setData(points: TimePoints): void;
  /** Hides points filtered out by the user (`shown[i]` falsy); null shows all. Uploads 2 bytes a point. */
  setShown(shown: ArrayLike<number> | null): void;
  /** Resolves in the frame that has every current point on the GPU (the frame's draw calls follow). */
  ready(): Promise<void>;
  stats(): TimePointsStats;
}

/** A promise with its resolve function at hand. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Column-major float32 copy of a (possibly float64) matrix, as uniformMatrix4fv wants. */
const toFloat32 = (matrix: ArrayLike<number>) => (matrix instanceof Float32Array ? matrix : Float32Array.from(matrix));

export function createTimePointsLayer(id: string, initialPoints: TimePoints, style: Partial<TimePointsStyle> = {}): TimePointsLayer {
  const { radius, strokeWidth, opacityFloor } = { ...DEFAULT_TIME_POINTS_STYLE, ...style };
  let map: MapLibreMap | null = null;
  let context: WebGL2RenderingContext | null = null;
  let points = initialPoints;
  let shown: ArrayLike<number> | null = null;
  /** Packed points waiting for (or already given to) the GPU; null while packing. */
  let packed: PackedPoints | null = null;
  let uploaded = deferred();
  let uploadComplete = false;
  /** Bumped by every setData, so a slower, older packing job knows to give up. */
  let dataVersion = 0;
  let program: PointsProgram | null = null;
  let buffers: PointsBuffers | null = null;
  let flagsChanged = false;
  let timeWindow = SHOW_EVERYTHING;
  let range: [number, number] = [0, 0];
  const stats = { uploads: 0, gpuBytes: 0, linkWaitMs: 0, uploadMs: 0, uploadFrames: 0 };

  /** Whether `pending` can draw; the first answer may wait for the compiler, so it is timed. */
  const linked = (gl: WebGL2RenderingContext, pending: PointsProgram) => {
    if (pending.uniforms) return true;
    const start = performance.now();
    const ready = programReady(gl, pending);
    stats.linkWaitMs += performance.now() - start;
    return ready;
  };

  const startPacking = () => {
    const version = ++dataVersion;
    packed = null;
    // Whoever waits for the previous data set gets this one: never a promise left hanging.
    if (uploadComplete) uploaded = deferred();
    uploadComplete = false;
    void packPointsInSlices(points, shown, () => version !== dataVersion).then((result) => {
      if (!result || version !== dataVersion) return;
      packed = result;
      range = drawRange(points.start, packed, timeWindow);
      map?.triggerRepaint();
    });
  };

  // After a lost context the old GL objects are dead: forget them, rebuild on the next frame.
  const forgetResources = () => {
    if (context) forgetSharedProgram(context);
    program = null;
    buffers = null;
  };

  const releaseBuffers = () => {
    if (buffers && context) deleteBuffers(context, buffers);
    buffers = null;
  };

  startPacking();

  return {
    id,
    type: 'custom',
    renderingMode: '2d',

    onAdd(addedTo, gl) {
      map = addedTo;
      context = gl;
      map.on('webglcontextlost', forgetResources);
      // Compiles while the points are being packed. Asking whether the link is done waits for
      // the compiler (~0.2 s in software WebGL, once per context): asked in a task of its own, so
      // that wait never adds to an upload frame.
      const started = sharedProgram(gl);
      program = started;
      setTimeout(() => {
        if (program === started && !gl.isContextLost()) linked(gl, started);
      });
    },

    onRemove(removedFrom, gl) {
      removedFrom.off('webglcontextlost', forgetResources);
      if (buffers) deleteBuffers(gl, buffers);
      buffers = null; // the program stays: it is shared with any other points layer on this map
      program = null;
      map = null;
      context = null;
    },

    render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
      program ??= sharedProgram(gl);
      if (!packed) return; // still packing: a repaint follows when it is done
      if (!linked(gl, program)) {
        map?.triggerRepaint(); // still compiling: look again next frame
        return;
      }
      const uploadStart = performance.now();
      if (!buffers) {
        buffers = createBuffers(gl, packed);
        Object.assign(stats, { uploads: stats.uploads + 1, gpuBytes: buffers.bytes, uploadMs: 0, uploadFrames: 0 });
        flagsChanged = false;
      } else if (flagsChanged) {
        uploadFlags(gl, buffers, packed.flags);
        flagsChanged = false;
      }
      if (buffers.uploadedPoints < points.count) {
        // One slice a frame; draw what has arrived (the oldest points first, when sorted).
        if (!uploadNextSlice(gl, buffers, packed)) map?.triggerRepaint();
        stats.uploadMs += performance.now() - uploadStart;
        stats.uploadFrames++;
      }
      if (!uploadComplete && buffers.uploadedPoints === points.count) {
        uploadComplete = true;
        uploaded.resolve();
      }
      const count = Math.min(range[1], buffers.uploadedPoints - range[0]);
      if (count <= 0) return;
      const pixelRatio = map?.getPixelRatio() ?? 1;
      const uniforms = program.uniforms!;
      gl.useProgram(program.program);
      gl.uniformMatrix4fv(uniforms.u_matrix, false, toFloat32(options.defaultProjectionData.mainMatrix));
      gl.uniform1f(uniforms.u_time, timeWindow.time);
      gl.uniform1f(uniforms.u_window_start, timeWindow.windowStart);
      gl.uniform1f(uniforms.u_fade_days, Math.max(1, timeWindow.fadeDays));
      gl.uniform1f(uniforms.u_opacity_floor, opacityFloor);
      gl.uniform1f(uniforms.u_point_size, 2 * radius * pixelRatio);
      gl.uniform1f(uniforms.u_stroke_fraction, strokeWidth / radius);
      gl.uniform4fv(uniforms.u_palette, CATEGORY_PALETTE);
      gl.bindVertexArray(buffers.vertexArray);
      gl.drawArrays(gl.POINTS, range[0], count);
      gl.bindVertexArray(null);
    },

    setTime(next) {
      // Infinite window starts (cumulative mode) become a finite "long ago" for the shader.
      timeWindow = { time: next.time, windowStart: Math.max(-1e6, next.windowStart), fadeDays: next.fadeDays };
      if (!packed) return; // nothing to draw yet; packing ends with a repaint anyway
      range = drawRange(points.start, packed, timeWindow);
      map?.triggerRepaint();
    },

    setData(next) {
      releaseBuffers();
      points = next;
      shown = null;
      startPacking();
    },

    setShown(next) {
      if (next && next.length !== points.count) throw new Error(`setShown: ${next.length} flags for ${points.count} points`);
      shown = next;
      if (!packed) {
        startPacking(); // the job under way has read the old flags already
        return;
      }
      // In place: only the "shown" byte of each point changes, and the buffer is rewritten with
      // bufferSubData in the next frame (2 bytes a point, no re-pack, no new allocation).
      const flags = packed.flags;
      for (let index = 0; index < points.count; index++) flags[index * FLAG_BYTES_PER_POINT + 1] = shown ? (shown[index] ? 1 : 0) : 1;
      flagsChanged = true;
      map?.triggerRepaint();
    },

    ready: () => uploaded.promise,

    stats: () => ({ ...stats, points: points.count, drawRange: range }),
  };
}
