// Framing a slide around its subject (an event's point, or every vertex of its route) so that
// nothing drawn on top of the map (legend, scale bar, north arrow, inset) covers it. Each overlay
// sits at an edge of the map; the subject is kept clear of it by padding one side of the frame.
// Which side, for each overlay, is chosen to leave the subject the most room.
import type { Rect } from './overlay-boxes';

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const SIDES = ['top', 'right', 'bottom', 'left'] as const;

/** The padding on one side that keeps everything inside clear of `rect` (in map pixels). */
function paddingAvoiding(rect: Rect, side: (typeof SIDES)[number], size: { width: number; height: number }): number {
  if (side === 'top') return rect.y + rect.height;
  if (side === 'bottom') return size.height - rect.y;
  if (side === 'left') return rect.x + rect.width;
  return size.width - rect.x;
}

/**
 * How large a subject of this `aspect` (width / height on screen; Infinity for a flat route) can be
 * drawn inside the padding: the room for its longer side. 0 when there is no room at all.
 */
export function subjectScale(size: { width: number; height: number }, padding: Padding, aspect: number): number {
  const width = size.width - padding.left - padding.right;
  const height = size.height - padding.top - padding.bottom;
  if (width <= 0 || height <= 0) return 0;
  return Number.isFinite(aspect) && aspect > 0 ? Math.min(width / aspect, height) : width;
}

/**
 * The padding for a fit (MapLibre's fitBounds) that keeps the subject clear of every overlay, plus
 * `margin` on every side. `aspect`: the subject's width / height in screen terms (Infinity for a
 * flat route, 1 for a point): the choice that lets it be drawn largest wins. Null when no choice
 * leaves any room (overlays larger than the map): the caller says so instead of covering the subject.
 */
export function clearPadding(size: { width: number; height: number }, overlays: readonly Rect[], margin: number, aspect = 1): Padding | null {
  let best: { padding: Padding; scale: number } | null = null;
  const choose = (index: number, padding: Padding) => {
    if (index === overlays.length) {
      const scale = subjectScale(size, { top: padding.top + margin, right: padding.right + margin, bottom: padding.bottom + margin, left: padding.left + margin }, aspect);
      if (scale > 0 && (!best || scale > best.scale)) best = { padding: { ...padding }, scale };
      return;
    }
    for (const side of SIDES) {
      choose(index + 1, { ...padding, [side]: Math.max(padding[side], paddingAvoiding(overlays[index]!, side, size)) });
    }
  };
  choose(0, { top: 0, right: 0, bottom: 0, left: 0 });
  if (!best) return null;
  const { padding } = best as { padding: Padding };
  return { top: padding.top + margin, right: padding.right + margin, bottom: padding.bottom + margin, left: padding.left + margin };
}

/** Whether a point (map pixels) lies inside the frame's clear area. */
export const inClearArea = (point: readonly [number, number], size: { width: number; height: number }, padding: Padding) =>
  point[0] >= padding.left && point[0] <= size.width - padding.right && point[1] >= padding.top && point[1] <= size.height - padding.bottom;
