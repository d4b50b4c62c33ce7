// The whole time filter and fade live here, in the vertex shader: changing the time changes a
// few uniforms, and no point is re-uploaded or re-tiled. GLSL ES 3.00 (WebGL2, MapLibre 6's default).
import { PALETTE_SIZE } from './palette';

/** Attribute locations, shared by the shader source and the vertex array setup. */
export const ATTRIBUTE = { positionAndSpan: 0, categoryAndShown: 1 } as const;

export const VERTEX_SHADER = `#version 300 es
precision highp float;

uniform mat4 u_matrix;          // mercator world square (0..1) → clip space
uniform float u_time;           // days since 1970-01-01
uniform float u_window_start;
uniform float u_fade_days;
uniform float u_opacity_floor;
uniform float u_point_size;     // device pixels, outline included
uniform vec4 u_palette[${PALETTE_SIZE}];

layout(location = ${ATTRIBUTE.positionAndSpan}) in vec4 a_position_span;   // x, y, start, end
layout(location = ${ATTRIBUTE.categoryAndShown}) in vec2 a_category_shown; // category index, 0/1

out vec4 v_color;

void main() {
  float start = a_position_span.z;
  float end = a_position_span.w;
  bool visible = start <= u_time && end >= u_window_start && a_category_shown.y > 0.5;
  if (!visible) {
    // Outside the clip volume with no size: the rasteriser drops it.
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  float age = (u_time - start) / u_fade_days;
  float opacity = max(u_opacity_floor, 1.0 - (1.0 - u_opacity_floor) * age);
  v_color = vec4(u_palette[int(a_category_shown.x)].rgb, opacity);
  gl_Position = u_matrix * vec4(a_position_span.xy, 0.0, 1.0);
  gl_PointSize = u_point_size;
}
`;

export const FRAGMENT_SHADER = `#version 300 es
precision mediump float;

uniform float u_stroke_fraction; // outline width / radius

in vec4 v_color;
out vec4 fragment_color;

void main() {
  // Round dot from a square point sprite: 0 at the centre, 1 at the rim.
  float distance_from_centre = length(gl_PointCoord * 2.0 - 1.0);
  float edge = fwidth(distance_from_centre);
  float outside = smoothstep(1.0 - edge, 1.0, distance_from_centre);
  if (outside >= 1.0) discard;
  float in_stroke = smoothstep(1.0 - u_stroke_fraction - edge, 1.0 - u_stroke_fraction, distance_from_centre);
  vec3 rgb = mix(v_color.rgb, vec3(1.0), in_stroke);
  float alpha = v_color.a * (1.0 - outside);
  // MapLibre blends custom layers with ONE, ONE_MINUS_SRC_ALPHA: premultiplied alpha.
  fragment_color = vec4(rgb * alpha, alpha);
}
`;
