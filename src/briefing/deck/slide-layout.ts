// Where things sit on a 16:9 slide (inches; PowerPoint's 16:9 is 10 × 5.625 in). Kept apart from
// pptx-deck.ts so the page can size map images without loading PptxGenJS.
export const SLIDE = { width: 10, height: 5.625 } as const;

/** The map on the left; the caption column to its right reads beside it, as a briefer speaks. */
export const MAP_BOX = { x: 0.4, y: 1.15, w: 5.9, h: 3.85 } as const;
export const CAPTION_BOX = { x: 6.5, y: 1.15, w: 3.1, h: 3.85 } as const;

/** The handling marking's band, top and bottom (clear of the title above and the source line below). */
export const BANNER_HEIGHT = 0.18;

/**
 * The map fills 59 % of the slide's width, so its labels and legend are drawn this much larger
 * than on an image of its own size: close to what a full-slide briefing image shows.
 */
export const DECK_MAP_TEXT_SCALE = 1.5;

/** Pixel size for a slide's map image, from the slide's size in pixels (the CLI's --size): same shape as MAP_BOX. */
export function deckMapSize(slide: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.round((slide.width * MAP_BOX.w) / SLIDE.width), height: Math.round((slide.height * MAP_BOX.h) / SLIDE.height) };
}

/** Pixels per inch a printed deck's maps are drawn at. */
const PRINT_PPI = 300;

/** The pixel ratio that draws a map image of `mapSize` (CSS pixels) at PRINT_PPI across MAP_BOX. */
export const printPixelRatio = (mapSize: { width: number }) => (PRINT_PPI * MAP_BOX.w) / mapSize.width;
