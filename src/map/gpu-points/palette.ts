// Category colours as shader uniforms: the app's palette, in CATEGORIES order, then one slot for
// categories outside the vocabulary (drawn grey, as the rest of the app draws them).
import { CATEGORIES, CATEGORY_COLORS, UNKNOWN_COLOR } from '../../data/vocabulary';

/** "#rrggbb" → [r, g, b] in 0..1. */
export function hexToRgb(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [1, 2, 3].map((group) => parseInt(match[group]!, 16) / 255) as [number, number, number];
}

/** Colours → a flat RGBA array (alpha 1), ready for `uniform4fv(u_palette, …)`. */
export function paletteToFloatArray(colors: readonly string[]): Float32Array {
  return Float32Array.from(colors.flatMap((color) => [...hexToRgb(color), 1]));
}

/** The category index of an event whose category is not in CATEGORIES. */
export const UNKNOWN_CATEGORY_INDEX = CATEGORIES.length;

/** The shader indexes this by an event's category index. */
export const CATEGORY_PALETTE = paletteToFloatArray([...CATEGORIES.map((category) => CATEGORY_COLORS[category]), UNKNOWN_COLOR]);
export const PALETTE_SIZE = CATEGORIES.length + 1;
