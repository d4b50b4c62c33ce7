// The whole time filter and fade live here, in the vertex shader: changing the time changes a
// few uniforms, and no point is re-uploaded or re-tiled. GLSL ES 3.00 (WebGL2, MapLibre 6's default).
// A draw call draws every dot in one look (u_dot, u_ringed: sizes and outlines); the hovered and
// the selected dot are drawn again on top, alone, with their own look in the same uniforms.
import { MAX_PALETTE_SIZE } from './palette';

/** Attribute locations, shared by the shader source and the vertex array setup. */
export const ATTRIBUTE = { positionAndSpan: 0, flags: 1 } as const;

export const VERTEX_SHADER = `#version 300 es
precision highp float;

uniform mat4 u_matrix;          // mercator world square (0..1) → clip space
uniform float u_time;           // days since 1970-01-01
uniform float u_window_start;
uniform float u_fade_days;
uniform float u_opacity_floor;
uniform float u_outline_fades;  // 1: the outline fades with the fill; 0: it stays opaque
uniform vec2 u_dot;             // a dot's diameter in device pixels (outline included), outline width / that radius
uniform vec3 u_dot_outline;     // its outline colour
uniform vec2 u_ringed;          // the same for an imported set's dot
uniform vec3 u_ringed_outline;
uniform vec4 u_palette[${MAX_PALETTE_SIZE}];

layout(location = ${ATTRIBUTE.positionAndSpan}) in vec4 a_position_span; // x, y, start, end
layout(location = ${ATTRIBUTE.flags}) in vec4 a_flags;                    // category index, shown, ringed, dot

out vec4 v_fill;      // straight alpha
out vec4 v_outline;   // rgb, alpha
out float v_outline_fraction;

void main() {
  float start = a_position_span.z;
  float end = a_position_span.w;
  bool visible = start <= u_time && end >= u_window_start && a_flags.y > 0.5 && a_flags.w > 0.5;
  if (!visible) {
    // Outside the clip volume with no size: the rasteriser drops it.
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  float age = (u_time - start) / u_fade_days;
  float opacity = max(u_opacity_floor, 1.0 - (1.0 - u_opacity_floor) * age);
  bool ringed = a_flags.z > 0.5;
  vec2 look = ringed ? u_ringed : u_dot;
  v_fill = vec4(u_palette[int(a_flags.x)].rgb, opacity);
  v_outline = vec4(ringed ? u_ringed_outline : u_dot_outline, mix(1.0, opacity, u_outline_fades));
  v_outline_fraction = look.y;
  gl_Position = u_matrix * vec4(a_position_span.xy, 0.0, 1.0);
  gl_PointSize = look.x;
}
`;

export const FRAGMENT_SHADER = `#version 300 es
precision mediump float;

in vec4 v_fill;
in vec4 v_outline;
in float v_outline_fraction;
out vec4 fragment_color;

void main() {
  // Round dot from a square point sprite: 0 at the centre, 1 at the rim.
  float distance_from_centre = length(gl_PointCoord * 2.0 - 1.0);
  float edge = fwidth(distance_from_centre);
  float outside = smoothstep(1.0 - edge, 1.0, distance_from_centre);
  if (outside >= 1.0) discard;
  float in_outline = smoothstep(1.0 - v_outline_fraction - edge, 1.0 - v_outline_fraction, distance_from_centre);
  // MapLibre blends custom layers with ONE, ONE_MINUS_SRC_ALPHA: premultiplied alpha.
  vec4 fill = vec4(v_fill.rgb * v_fill.a, v_fill.a);
  vec4 outline = vec4(v_outline.rgb * v_outline.a, v_outline.a);
  fragment_color = mix(fill, outline, in_outline) * (1.0 - outside);
}
`;
