// The part of the live map that no panel covers, and fitting an event into it: the rule briefing
// slides follow (framing.ts), applied to the screen. A selected event outside that part is brought
// into it, clear of the legend, the detail panel, the inset, the scale bar, the map's buttons and,
// when presenting, the caption.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { clearPadding, type Padding } from '../briefing/framing';
import type { Rect } from '../briefing/overlay-boxes';

/**
 * What sits over the live map. Panels are placed by the app's stylesheet; listing them here keeps
 * the framing rule in one place instead of a marker on every component.
 */
const OVER_THE_MAP = ['.legend', '.view-picker', '.detail-panel', '.event-form', '.inset-map', '.inset-toggle', '.presentation-caption', '.maplibregl-ctrl-scale', '.maplibregl-ctrl-top-right .maplibregl-ctrl'];

/** Room around the event (CSS pixels): its label and a route end's place name must fit beside it. */
const MARGIN = 60;

/**
 * Where a panel comes to rest: a phone's sheet slides up (a translate animation, layout.css) while
 * the fit measures it, and its box mid-slide would leave the event under the sheet once it lands.
 */
function restingBox(element: HTMLElement): DOMRect {
  const box = element.getBoundingClientRect();
  const transform = getComputedStyle(element).transform;
  if (transform === 'none') return box;
  const { m41: dx, m42: dy } = new DOMMatrix(transform);
  return new DOMRect(box.x - dx, box.y - dy, box.width, box.height);
}

/** Each visible panel's box in the map's own pixels, clipped to the map. */
function overlayRects(map: MapLibreMap): Rect[] {
  const frame = map.getContainer().getBoundingClientRect();
  const area = map.getContainer().closest('.map-area') ?? document;
  return [...area.querySelectorAll<HTMLElement>(OVER_THE_MAP.join(','))].flatMap((element) => {
    const box = restingBox(element);
    const left = Math.max(box.left, frame.left);
    const top = Math.max(box.top, frame.top);
    const right = Math.min(box.right, frame.right);
    const bottom = Math.min(box.bottom, frame.bottom);
    if (right <= left || bottom <= top || element.checkVisibility?.() === false) return [];
    return [{ x: left - frame.left, y: top - frame.top, width: right - left, height: bottom - top }];
  });
}

/** Padding that keeps an event of this shape (width / height on screen) clear of every panel; null when the panels leave no room. */
export function clearPaddingOf(map: MapLibreMap, aspect: number): Padding | null {
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  return clearPadding({ width, height }, overlayRects(map), MARGIN, aspect);
}

/** Whether every vertex is on screen and outside every panel. */
export function isClearlyInView(map: MapLibreMap, vertices: readonly [number, number][]): boolean {
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const overlays = overlayRects(map);
  return vertices.every((vertex) => {
    const { x, y } = map.project(vertex);
    return x >= 0 && x <= width && y >= 0 && y <= height && !overlays.some((box) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height);
  });
}

/** Fits the bounds into the clear part of the map (a plain padded fit if the panels leave no room). */
export function fitClear(map: MapLibreMap, [west, south, east, north]: readonly [number, number, number, number], { maxZoom, duration }: { maxZoom: number; duration: number }) {
  // A panel that just opened or closed (the presentation caption) may have resized the map's box.
  map.resize();
  const a = map.project([west, north]);
  const b = map.project([east, south]);
  const aspect = Math.abs(b.x - a.x) < 1 && Math.abs(b.y - a.y) < 1 ? 1 : Math.abs(b.x - a.x) / Math.max(Math.abs(b.y - a.y), 1e-6);
  const padding = clearPaddingOf(map, aspect) ?? MARGIN;
  map.fitBounds([[west, south], [east, north]], { padding, maxZoom, duration });
}
