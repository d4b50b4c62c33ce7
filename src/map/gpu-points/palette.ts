// Category colours as shader uniforms: by default the app's palette, in CATEGORIES order, then one
// slot for categories outside the vocabulary (drawn grey, as the rest of the app draws them).
import { CATEGORIES, CATEGORY_COLORS, UNKNOWN_COLOR } from '../../data/vocabulary';

/** Colours the shader can tell apart; a data set with more categories draws the rest grey. */
export const MAX_PALETTE_SIZE = 32;

/** "#rrggbb" → [r, g, b] in 0..1. */
export function hexToRgb(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [1, 2, 3].map((group) => parseInt(match[group]!, 16) / 255) as [number, number, number];
}

/** Colours → a flat RGBA array (alpha 1), ready for `uniform4fv(u_palette, …)`. */
export function paletteToFloatArray(colors: readonly string[]): Float32Array {
  if (colors.length > MAX_PALETTE_SIZE) throw new Error(`${colors.length} colours: the shader holds ${MAX_PALETTE_SIZE}`);
  return Float32Array.from(colors.flatMap((color) => [...hexToRgb(color), 1]));
}

/** The category index of an event whose category is not in CATEGORIES. */
export const UNKNOWN_CATEGORY_INDEX = CATEGORIES.length;

/** The default palette: indexed by an event's position in CATEGORIES. */
export const CATEGORY_PALETTE = paletteToFloatArray([...CATEGORIES.map((category) => CATEGORY_COLORS[category]), UNKNOWN_COLOR]);
export const PALETTE_SIZE = CATEGORIES.length + 1;
