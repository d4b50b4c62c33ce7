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
import { drawRange, FLAG_BYTES_PER_POINT, FLOATS_PER_POINT, SHOWN_FLAG, type PackedPoints } from './packing';
import { CATEGORY_PALETTE, hexToRgb } from './palette';
import type { DotLook, Emphasis, TimePoints, TimePointsStyle, TimeWindow } from './types';

/** Small dots for crowded sets; radius 3 + outline 1 = the 4 px dot of the benchmark's approaches. */
export const DEFAULT_TIME_POINTS_STYLE: TimePointsStyle = {
  dot: { radius: 3, strokeWidth: 1, strokeColor: '#ffffff' },
  ringed: { radius: 3, strokeWidth: 1.5, strokeColor: '#111111' },
  hovered: { radius: 5, strokeWidth: 2, strokeColor: '#222222' },
  selected: { radius: 6, strokeWidth: 2.5, strokeColor: '#111111' },
  opacityFloor: 0.35,
  outlineFades: true,
};
/** Before the first setTime: everything visible, as INITIAL_GLOBAL_STATE does for the style. */
const SHOW_EVERYTHING: TimeWindow = { time: 1e6, windowStart: -1e6, fadeDays: 3650 };
const NO_EMPHASIS: Emphasis = { hovered: null, selected: null };

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
  /** Hides points filtered out by the user (`shown[i]` falsy); null shows all. Uploads 4 bytes a point. */
  setShown(shown: ArrayLike<number> | null): void;
  /** Draws these points larger, on top (a repaint; nothing uploaded). */
  setEmphasis(emphasis: Emphasis): void;
  /** Indices of the dots drawn at the current time, as the shader decides (for tests and exports). */
  visibleIndices(): number[];
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

/** A look as the shader's uniforms: [diameter in device pixels, outline width / radius], outline rgb. */
function lookUniforms({ radius, strokeWidth, strokeColor }: DotLook, pixelRatio: number) {
  const outer = radius + strokeWidth;
  return { size: [2 * outer * pixelRatio, strokeWidth / outer] as const, outline: hexToRgb(strokeColor) };
}

export function createTimePointsLayer(id: string, initialPoints: TimePoints, style: Partial<TimePointsStyle> = {}): TimePointsLayer {
  const look = { ...DEFAULT_TIME_POINTS_STYLE, ...style };
  let emphasis = NO_EMPHASIS;
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
      const count = Math.max(0, Math.min(range[1], buffers.uploadedPoints - range[0]));
      if (count === 0 && emphasis === NO_EMPHASIS) return;
      const pixelRatio = map?.getPixelRatio() ?? 1;
      const uniforms = program.uniforms!;
      gl.useProgram(program.program);
      gl.uniformMatrix4fv(uniforms.u_matrix, false, toFloat32(options.defaultProjectionData.mainMatrix));
      gl.uniform1f(uniforms.u_time, timeWindow.time);
      gl.uniform1f(uniforms.u_window_start, timeWindow.windowStart);
      gl.uniform1f(uniforms.u_fade_days, Math.max(1, timeWindow.fadeDays));
      gl.uniform1f(uniforms.u_opacity_floor, look.opacityFloor);
      gl.uniform1f(uniforms.u_outline_fades, look.outlineFades ? 1 : 0);
      gl.uniform4fv(uniforms.u_palette, points.palette ?? CATEGORY_PALETTE);
      const drawAs = (dot: DotLook, ringed: DotLook) => {
        const dotUniforms = lookUniforms(dot, pixelRatio);
        const ringedUniforms = lookUniforms(ringed, pixelRatio);
        gl.uniform2fv(uniforms.u_dot, dotUniforms.size);
        gl.uniform3fv(uniforms.u_dot_outline, dotUniforms.outline);
        gl.uniform2fv(uniforms.u_ringed, ringedUniforms.size);
        gl.uniform3fv(uniforms.u_ringed_outline, ringedUniforms.outline);
      };
      gl.bindVertexArray(buffers.vertexArray);
      drawAs(look.dot, look.ringed);
      gl.drawArrays(gl.POINTS, range[0], count);
      // The hovered, then the selected dot, again on top in their own look (the shader still
      // decides whether they show at this time).
      for (const [index, emphasised] of [
        [emphasis.hovered, look.hovered],
        [emphasis.selected, look.selected],
      ] as const) {
        if (index === null || index >= buffers.uploadedPoints) continue;
        drawAs(emphasised, emphasised);
        gl.drawArrays(gl.POINTS, index, 1);
      }
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
      for (let index = 0; index < points.count; index++) flags[index * FLAG_BYTES_PER_POINT + SHOWN_FLAG] = shown ? (shown[index] ? 1 : 0) : 1;
      flagsChanged = true;
      map?.triggerRepaint();
    },

    setEmphasis(next) {
      if (next.hovered === emphasis.hovered && next.selected === emphasis.selected) return;
      emphasis = next.hovered === null && next.selected === null ? NO_EMPHASIS : next;
      map?.triggerRepaint();
    },

    visibleIndices() {
      if (!packed) return [];
      // The vertex shader's test, on the same float32 values and flags.
      const { positionsAndSpans, flags } = packed;
      const time = Math.fround(timeWindow.time);
      const earliest = Math.fround(timeWindow.windowStart);
      const visible: number[] = [];
      for (let index = range[0]; index < range[0] + range[1]; index++) {
        const at = index * FLOATS_PER_POINT;
        const flag = index * FLAG_BYTES_PER_POINT;
        if (positionsAndSpans[at + 2]! <= time && positionsAndSpans[at + 3]! >= earliest && flags[flag + SHOWN_FLAG] && flags[flag + 3]) visible.push(index);
      }
      return visible;
    },

    ready: () => uploaded.promise,

    stats: () => ({ ...stats, points: points.count, drawRange: range }),
  };
}
