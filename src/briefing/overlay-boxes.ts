// Where the legend, scale bar, north arrow and inset sit on a briefing image's map, in page
// pixels. compose.ts draws them there, and framing.ts keeps each slide's subject out from under
// them: one set of numbers for both.
import type { BriefingModel } from './briefing-model';
import type { layoutBands } from './compose';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Bands = ReturnType<typeof layoutBands>;

/** The inset's map is rendered at this size (CSS pixels) and shown 320 units wide. */
export const INSET_MAP_SIZE = { width: 260, height: 190 } as const;

/**
 * Which top corner the legend takes (the north arrow takes the other): left by default, right when
 * that leaves a slide's subject more room.
 */
export type LegendSide = 'left' | 'right';

export function legendBox(model: Pick<BriefingModel, 'legend'>, bands: Bands, measure: (text: string) => number, pageWidth: number, side: LegendSide = 'left'): Rect | null {
  if (model.legend.length === 0) return null;
  const { unit, margin, mapTop } = bands;
  const size = 13 * unit;
  const width = Math.max(...model.legend.map((entry) => measure(entry.label))) + size * 2.4 + 20 * unit;
  return { x: side === 'left' ? margin : pageWidth - margin - width, y: mapTop + margin * 0.6, width, height: 20 * unit * model.legend.length + 34 * unit };
}

/** The scale bar's white box, at its widest (the bar is at most 160 units). */
export function scaleBarBox(bands: Bands): Rect {
  const { unit, margin, mapTop, mapHeight } = bands;
  const baseline = mapTop + mapHeight - margin * 0.8;
  return { x: margin - 6 * unit, y: baseline - 22 * unit, width: 172 * unit, height: 32 * unit };
}

export function northArrowBox(bands: Bands, width: number, legendSide: LegendSide = 'left'): Rect {
  const { unit, margin, mapTop } = bands;
  return { x: legendSide === 'left' ? width - margin - 40 * unit : margin, y: mapTop + margin, width: 40 * unit, height: 40 * unit };
}

export function insetBox(bands: Bands, width: number): Rect {
  const { unit, margin, mapTop, mapHeight } = bands;
  const insetWidth = 320 * unit;
  const insetHeight = (insetWidth * INSET_MAP_SIZE.height) / INSET_MAP_SIZE.width;
  return { x: width - margin - insetWidth, y: mapTop + mapHeight - margin * 0.6 - insetHeight, width: insetWidth, height: insetHeight };
}
