// Filters on the GPU layer (issue 15, "filters at GPU speed"): a category filter over a large
// import shows and hides the right events on the map, in place in the layer's buffer (no new
// upload of the points), and the list agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser, openReadyApp, waitForRender } from './driver';

// 6,000 events (above the GPU layer's 5,000): missile tests west of 127.5°E, exercises east of it.
const csv = () => {
  const rows = Array.from({ length: 6000 }, (_, index) => {
    const missile = index % 2 === 0;
    const lon = (missile ? 125 : 128.5) + ((index >> 1) % 20) / 10;
    const lat = 35 + ((index * 7) % 50) / 10;
    const day = new Date(Date.UTC(2021, 0, 1 + (index % 600))).toISOString().slice(0, 10);
    return `${day},Event ${index},${lon.toFixed(2)},${lat.toFixed(2)},${missile ? 'missile-test' : 'exercise'}`;
  });
  return { name: 'two-categories.csv', mimeType: 'text/csv', buffer: Buffer.from(['date,title,lon,lat,category', ...rows].join('\n')) };
};

const COLOURS = { missile: [0xcc, 0x33, 0x11], exercise: [0xe6, 0x9f, 0x00] } as const;

async function colourPixels(page: Page): Promise<{ missile: number; exercise: number }> {
  await waitForRender(page);
  const png = PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot());
  const count = (colour: readonly number[]) => {
    let total = 0;
    for (let i = 0; i < png.data.length; i += 4) if (colour.every((value, channel) => Math.abs(png.data[i + channel]! - value) < 20)) total++;
    return total;
  };
  return { missile: count(COLOURS.missile), exercise: count(COLOURS.exercise) };
}

const setCategories = (page: Page, categories: string[]) => page.evaluate((categories) => window.tripwireStore!.getState().setFilters({ categories }), categories);
const uploads = (page: Page) =>
  page.evaluate(() => (window.tripwireMap!.getLayer('event-points-gpu') as unknown as { implementation: { stats(): { uploads: number } } }).implementation.stats().uploads);

describe('filters on a large import (GPU layer)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a category filter shows only that category on the map and in the list, without uploading the points again', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11&map=127.5,37.5,5.5,0' });
    await page.getByTestId('import-input').setInputFiles(csv());
    await expect.poll(() => page.getByTestId('import-report').innerText(), { timeout: 60_000 }).toContain('Imported 6,000 events');
    await page.getByTestId('import-report').getByRole('button', { name: 'Close' }).click();
    expect(await page.evaluate(() => Boolean(window.tripwireMap!.getLayer('event-points-gpu')))).toBe(true);

    const all = await colourPixels(page);
    const uploadsBefore = await uploads(page);
    await setCategories(page, ['missile-test']);
    const missilesOnly = await colourPixels(page);
    await expect.poll(() => page.locator('.event-list-count').innerText()).toContain('3,000 of 6,000');
    await setCategories(page, ['exercise']);
    const exercisesOnly = await colourPixels(page);
    await setCategories(page, []);
    const allAgain = await colourPixels(page);

    expect(all.missile).toBeGreaterThan(500);
    expect(all.exercise).toBeGreaterThan(500);
    expect(missilesOnly.missile).toBeGreaterThan(all.missile * 0.8);
    expect(missilesOnly.exercise).toBeLessThan(all.exercise / 10);
    expect(exercisesOnly.exercise).toBeGreaterThan(all.exercise * 0.8);
    expect(exercisesOnly.missile).toBeLessThan(all.missile / 10);
    expect(allAgain.missile).toBeGreaterThan(all.missile * 0.8);
    expect(allAgain.exercise).toBeGreaterThan(all.exercise * 0.8);
    expect(await uploads(page)).toBe(uploadsBefore);
    await page.close();
  });
});
