import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot, waitForMapIdle } from './driver';
import { canvasVariance } from './pixels';

describe('the dashboard loads offline and draws a map', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`at ${width}×${height}: reaches idle, no console errors, no other origin, canvas not blank`, async () => {
      const { page, consoleErrors, requestedUrls } = await openApp(browser, { width, height });
      await waitForMapIdle(page);
      const origin = new URL(page.url()).origin;
      const foreign = requestedUrls.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
      expect(foreign).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(await canvasVariance(page)).toBeGreaterThan(50);
      await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').innerText()).toMatch(/Natural Earth/);
      expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toMatch(/MapLibre/);
      expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toMatch(/GSHHG.*GeoNames/);
      // The picture (the README's) with the inset drawn: it is made once the main map's first frame is up.
      await page.waitForFunction(() => window.tripwireInset !== undefined, undefined, { timeout: 30_000 });
      await page.evaluate(() => new Promise<void>((resolve) => { const inset = window.tripwireInset!; const check = () => (inset.loaded() && inset.areTilesLoaded() ? resolve() : inset.once('idle', check)); check(); }));
      await screenshot(page, `smoke-${width}x${height}`);
      await page.close();
    });
  }

  it('shows a readable notice instead of a blank page when WebGL is unavailable', async () => {
    const noWebGL = await launchBrowser(['--disable-webgl', '--disable-webgl2']);
    try {
      const { page } = await openApp(noWebGL);
      await expect.poll(() => page.locator('.map-failure[role="alert"]').innerText()).toMatch(/WebGL/);
      await screenshot(page, 'no-webgl');
    } finally {
      await noWebGL.close();
    }
  });
});
