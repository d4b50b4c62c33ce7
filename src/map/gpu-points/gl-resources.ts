// The WebGL objects of one points layer: a program, and per data set two buffers in one vertex
// array. Buffers are bound only inside MapLibre's render call, because MapLibre caches GL
// bindings and resets that cache (context.setDirty) after a custom layer renders, not after onAdd.
import { FLAG_BYTES_PER_POINT, FLOATS_PER_POINT, type PackedPoints } from './packing';
import { ATTRIBUTE, FRAGMENT_SHADER, VERTEX_SHADER } from './shaders';

const UNIFORM_NAMES = [
  'u_matrix',
  'u_time',
  'u_window_start',
  'u_fade_days',
  'u_opacity_floor',
  'u_outline_fades',
  'u_dot',
  'u_dot_outline',
  'u_ringed',
  'u_ringed_outline',
  'u_palette',
] as const;
type UniformName = (typeof UNIFORM_NAMES)[number];

export interface PointsProgram {
  program: WebGLProgram;
  /** Filled once the link has finished (see programReady). */
  uniforms: Record<UniformName, WebGLUniformLocation | null> | null;
}

export interface PointsBuffers {
  vertexArray: WebGLVertexArrayObject;
  positionsBuffer: WebGLBuffer;
  flagsBuffer: WebGLBuffer;
  /** Bytes held on the GPU by the two buffers. */
  bytes: number;
  /** Points whose positions have been copied so far (see uploadNextSlice). */
  uploadedPoints: number;
}

/** Points copied to the GPU per frame: 4 MB, tens of milliseconds even in software WebGL. */
export const UPLOAD_SLICE_POINTS = 250_000;

function shader(gl: WebGL2RenderingContext, type: GLenum, source: string): WebGLShader {
  const created = gl.createShader(type)!;
  gl.shaderSource(created, source);
  gl.compileShader(created);
  return created;
}

/**
 * Starts compiling and linking without asking how it went: asking waits for the compiler, which
 * takes ~0.1 s in software WebGL. Touches no binding, so it is safe outside render (in onAdd).
 */
function startProgram(gl: WebGL2RenderingContext): PointsProgram {
  const program = gl.createProgram();
  const vertex = shader(gl, gl.VERTEX_SHADER, VERTEX_SHADER);
  const fragment = shader(gl, gl.FRAGMENT_SHADER, FRAGMENT_SHADER);
  gl.attachShader(program, vertex);
  gl.attachShader(program, fragment);
  gl.linkProgram(program);
  // Flagged for deletion, kept alive by the program; their logs stay readable until then.
  gl.deleteShader(vertex);
  gl.deleteShader(fragment);
  // Send the commands now, so the GPU process compiles while this page packs the points.
  gl.flush();
  return { program, uniforms: null };
}

/**
 * One program per GL context, shared by every points layer on it: compiling is the slowest step
 * of adding a layer in software WebGL, and it does not depend on the data.
 */
const programsByContext = new WeakMap<WebGL2RenderingContext, PointsProgram>();

export function sharedProgram(gl: WebGL2RenderingContext): PointsProgram {
  let program = programsByContext.get(gl);
  if (!program) {
    program = startProgram(gl);
    programsByContext.set(gl, program);
  }
  return program;
}

/**
 * Starts compiling the shared program before any points layer exists (an import is on its way):
 * by the time the points arrive the link is done, and asking for its status no longer waits on a
 * GPU process that is busy drawing. A no-op for a context that already has it.
 */
export function prepareSharedProgram(gl: WebGL2RenderingContext): void {
  if (gl.isContextLost()) return;
  const program = sharedProgram(gl);
  // Asked once the compiler has had time, in a task of its own: by then the answer is immediate.
  setTimeout(() => {
    if (!gl.isContextLost() && programsByContext.get(gl) === program) programReady(gl, program);
  }, 1_000);
}

/** After a lost context every GL object is dead, the program included. */
export function forgetSharedProgram(gl: WebGL2RenderingContext): void {
  programsByContext.delete(gl);
}

/**
 * True once the program can draw. With KHR_parallel_shader_compile it never blocks (false = ask
 * again next frame); without it, it waits for the link, by then usually done in the background.
 */
export function programReady(gl: WebGL2RenderingContext, pending: PointsProgram): boolean {
  if (pending.uniforms) return true;
  const parallel = gl.getExtension('KHR_parallel_shader_compile') as { COMPLETION_STATUS_KHR: GLenum } | null;
  if (parallel && !gl.getProgramParameter(pending.program, parallel.COMPLETION_STATUS_KHR)) return false;
  if (!gl.getProgramParameter(pending.program, gl.LINK_STATUS) && !gl.isContextLost()) {
    const shaderLogs = gl.getAttachedShaders(pending.program)?.map((attached) => gl.getShaderInfoLog(attached)).join(' ');
    throw new Error(`points shaders did not link: ${gl.getProgramInfoLog(pending.program)} ${shaderLogs ?? ''}`);
  }
  pending.uniforms = Object.fromEntries(UNIFORM_NAMES.map((name) => [name, gl.getUniformLocation(pending.program, name)])) as PointsProgram['uniforms'];
  return true;
}

/**
 * Allocates the buffers and uploads the flags; positions follow in slices (uploadNextSlice), so
 * no single frame copies a million points. Call inside render (it binds buffers).
 */
export function createBuffers(gl: WebGL2RenderingContext, packed: PackedPoints): PointsBuffers {
  const vertexArray = gl.createVertexArray();
  gl.bindVertexArray(vertexArray);

  const positionsBuffer = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, positionsBuffer);
  gl.bufferData(gl.ARRAY_BUFFER, packed.positionsAndSpans.byteLength, gl.STATIC_DRAW);
  gl.enableVertexAttribArray(ATTRIBUTE.positionAndSpan);
  gl.vertexAttribPointer(ATTRIBUTE.positionAndSpan, FLOATS_PER_POINT, gl.FLOAT, false, 0, 0);

  const flagsBuffer = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, flagsBuffer);
  gl.bufferData(gl.ARRAY_BUFFER, packed.flags, gl.STATIC_DRAW);
  gl.enableVertexAttribArray(ATTRIBUTE.flags);
  gl.vertexAttribPointer(ATTRIBUTE.flags, FLAG_BYTES_PER_POINT, gl.UNSIGNED_BYTE, false, 0, 0);

  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  return { vertexArray, positionsBuffer, flagsBuffer, bytes: packed.positionsAndSpans.byteLength + packed.flags.byteLength, uploadedPoints: 0 };
}

/** Copies the next slice of positions; returns true once every point is on the GPU. Call inside render. */
export function uploadNextSlice(gl: WebGL2RenderingContext, buffers: PointsBuffers, packed: PackedPoints): boolean {
  const total = packed.positionsAndSpans.length / FLOATS_PER_POINT;
  const from = buffers.uploadedPoints;
  const to = Math.min(total, from + UPLOAD_SLICE_POINTS);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffers.positionsBuffer);
  const bytesPerPoint = FLOATS_PER_POINT * Float32Array.BYTES_PER_ELEMENT;
  gl.bufferSubData(gl.ARRAY_BUFFER, from * bytesPerPoint, packed.positionsAndSpans, from * FLOATS_PER_POINT, (to - from) * FLOATS_PER_POINT);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  buffers.uploadedPoints = to;
  return to === total;
}

/** Replaces the flags after a filter change (4 bytes a point). Call inside render. */
export function uploadFlags(gl: WebGL2RenderingContext, buffers: PointsBuffers, flags: Uint8Array): void {
  gl.bindBuffer(gl.ARRAY_BUFFER, buffers.flagsBuffer);
  gl.bufferSubData(gl.ARRAY_BUFFER, 0, flags);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
}

export function deleteBuffers(gl: WebGL2RenderingContext, buffers: PointsBuffers): void {
  gl.deleteVertexArray(buffers.vertexArray);
  gl.deleteBuffer(buffers.positionsBuffer);
  gl.deleteBuffer(buffers.flagsBuffer);
}
