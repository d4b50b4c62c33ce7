// Export sizes in CSS pixels; the pixel ratio multiplies them (a 2× slide is 3840×2160).

export type ExportSizeId = 'slide' | 'slide-720' | 'a4-300dpi' | 'window';

export interface ExportSize {
  label: string;
  width: number;
  height: number;
  /** A4 at 300 dpi is a fixed pixel size: 3508×2480, whatever ratio is chosen. */
  fixedPixelRatio?: number;
}

const A4_CSS = { width: 1123, height: 794 }; // 297 × 210 mm at 96 CSS px per inch

export function exportSize(id: ExportSizeId | { width: number; height: number }, viewport: { width: number; height: number }): ExportSize {
  if (typeof id === 'object') return { label: `${id.width}×${id.height}`, width: id.width, height: id.height };
  switch (id) {
    case 'slide':
      return { label: 'Slide 1920×1080', width: 1920, height: 1080 };
    case 'slide-720':
      return { label: 'Slide 1280×720', width: 1280, height: 720 };
    case 'a4-300dpi':
      return { label: 'A4 landscape, 300 dpi', ...A4_CSS, fixedPixelRatio: 3508 / A4_CSS.width };
    case 'window':
      return { label: 'Current window', width: Math.round(viewport.width), height: Math.round(viewport.height) };
  }
}

export const EXPORT_SIZE_IDS: ExportSizeId[] = ['slide', 'slide-720', 'a4-300dpi', 'window'];
export const PIXEL_RATIOS = [1, 2, 3] as const;

/** "<date>-<id>.png" with the event's own date ("2022-11-rus-chn-joint-air-patrol-2022-11.png"), or "2023-01-11-view.png". */
export function briefingFileName(isoDate: string, selectedEventId: string | null): string {
  return `${isoDate}-${selectedEventId ?? 'view'}.png`;
}
