import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

/**
 * Variance of grey levels over a grid sample of the map's pixels, from a real screenshot of the
 * map element (the WebGL buffer itself is not kept, so we read what the compositor shows).
 * A blank or single-colour map scores ~0; a drawn map with land, sea and labels scores hundreds.
 */
export async function canvasVariance(page: Page, selector = '[data-testid="map"] canvas'): Promise<number> {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  const values: number[] = [];
  for (let y = 0; y < png.height; y += 7) {
    for (let x = 0; x < png.width; x += 7) {
      const i = (y * png.width + x) * 4;
      values.push((png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3);
    }
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
}
