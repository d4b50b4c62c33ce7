// Cold load (issue 8): the map's first picture is drawn once, complete (src/map/first-frame.ts),
// not frame after frame as each source arrives. Counted from the WebGL calls themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, waitForMapIdle } from './driver';
import { canvasVariance } from './pixels';

declare global {
  interface Window {
    /** Animation frames in which the main map drew anything before its `load` event. */
    framesDrawnBeforeLoad?: Set<number>;
    sawLoadingHint?: boolean;
  }
}

describe('cold load', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('draws the main map for the first time only when every source has loaded, in one frame', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(() => {
      // Number the animation frames, and note each frame in which the main map's canvas is drawn
      // into before MapView publishes the map (it does so on MapLibre's `load`).
      let frame = 0;
      const count = () => {
        frame++;
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      window.framesDrawnBeforeLoad = new Set();
      // Whether the "Drawing the map…" hint was shown while the map was held back.
      new MutationObserver(() => {
        if (document.querySelector('.map-loading[role="status"]')) window.sawLoadingHint = true;
      }).observe(document, { childList: true, subtree: true });
      const original = WebGL2RenderingContext.prototype.drawElements;
      WebGL2RenderingContext.prototype.drawElements = function (...args) {
        const onMainMap = this.canvas instanceof HTMLCanvasElement && this.canvas.closest('[data-testid="map"]');
        if (onMainMap && !window.tripwireMap) window.framesDrawnBeforeLoad!.add(frame);
        return original.apply(this, args);
      };
    });
    await page.goto(inject('baseUrl'));
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.framesDrawnBeforeLoad!.size)).toBe(1);
    // …and that one frame is the whole map, not an empty sea; the hint shown meanwhile is gone.
    expect(await canvasVariance(page)).toBeGreaterThan(50);
    expect(await page.evaluate(() => window.sawLoadingHint)).toBe(true);
    expect(await page.locator('.map-loading').count()).toBe(0);
    await page.close();
  });
});
