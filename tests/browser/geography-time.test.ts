// Geography follows the timeline without re-laying out its tiles (issue 15, "no spikes"): a step
// across a change day changes only the changed features' feature-state, and the shape really
// appears and disappears on screen on the right day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser, openReadyApp, waitForRender } from './driver';

const DAY = 86_400_000;
/** China's East China Sea ADIZ outline colour (the built-in scenario's cadiz-ecs). */
const CADIZ_COLOUR = [0xb5, 0x52, 0x3b];

async function cadizPixels(page: Page): Promise<number> {
  await waitForRender(page);
  const png = PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot());
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (CADIZ_COLOUR.every((value, channel) => Math.abs(png.data[i + channel]! - value) < 16)) count++;
  }
  return count;
}

/** Sets the timeline's day and counts the ADIZ tiles laid out (again) until the map is idle. */
async function stepTo(page: Page, iso: string): Promise<{ adizTilesReloaded: number }> {
  return page.evaluate(
    ({ day }) =>
      new Promise((resolve) => {
        const map = window.tripwireMap!;
        let adizTilesReloaded = 0;
        const count = (event: { sourceId?: string; tile?: unknown }) => {
          if (event.sourceId === 'adiz' && event.tile) adizTilesReloaded++;
        };
        map.on('sourcedata', count);
        map.once('idle', () => {
          map.off('sourcedata', count);
          resolve({ adizTilesReloaded });
        });
        window.tripwireStore!.getState().setTime(day);
      }),
    { day: Date.parse(iso) / DAY },
  );
}

describe('geography on its change days', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("China's ECS ADIZ appears on 23 Nov 2013 and goes again before it, with no ADIZ tile laid out again", async () => {
    // The East China Sea, zoomed in enough that the CADIZ outline is long on screen.
    const { page } = await openReadyApp(browser, { hash: 't=2013-11-01&map=125,29,4.5,0' });
    const before = await cadizPixels(page);
    expect(await stepTo(page, '2013-11-23')).toEqual({ adizTilesReloaded: 0 });
    const on = await cadizPixels(page);
    expect(await stepTo(page, '2013-11-22')).toEqual({ adizTilesReloaded: 0 });
    const offAgain = await cadizPixels(page);
    expect(on).toBeGreaterThan(150);
    expect(before).toBeLessThan(on / 10);
    expect(offAgain).toBeLessThan(on / 10);
    await page.close();
  });
});
