// The basemap under situations far from the built-in article: the example scenarios of three
// regions open at their default views, and the names MapLibre actually placed (not merely those in
// the tiles) include the region's countries, towns and water. The screenshots at a phone's, a
// laptop's and a projector's sizes are the README's pictures of other regions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, openReadyApp, screenshot, waitForMapIdle, waitForRender } from './driver';

const fixture = (name: string) => new URL(`../fixtures/scenarios/${name}.tripwire.json`, import.meta.url).pathname;

const REGIONS = [
  { file: 'baltic-example', id: 'baltic-cable-incidents-2023-2024', countries: ['Estonia', 'Finland'], towns: ['Helsinki', 'Tallinn', 'Saint Petersburg', 'Tartu'], water: 'Gulf of Finland' },
  { file: 'taiwan-strait-example', id: 'taiwan-strait-exercises-2022-2023', countries: ['Taiwan', 'China'], towns: ['Taipei', 'Xiamen', 'Kaohsiung', 'Fuzhou', 'Taichung'], water: 'Taiwan Strait' },
  { file: 'red-sea-example', id: 'red-sea-shipping-2023-2024', countries: ['Yemen', 'Eritrea', 'Djibouti'], towns: ['Aden', 'Djibouti', 'Assab', 'Taizz', 'Al Hudaydah', 'Sanaa', 'Asmara'], water: 'Bab-el-Mandeb' },
];
const SIZES = [
  [1280, 720],
  [1920, 1080],
  [390, 844],
] as const;

/** Every basemap name MapLibre placed on screen, by kind. */
function placedNames(page: Page): Promise<{ country: string[]; city: string[]; marine: string[] }> {
  return page.evaluate(() => {
    const map = window.tripwireMap!;
    const names = { country: [] as string[], city: [] as string[], marine: [] as string[] };
    for (const feature of map.queryRenderedFeatures({ layers: ['basemap-country-labels', 'basemap-capital-labels', 'basemap-city-labels', 'basemap-sea-labels'] })) {
      const list = names[feature.properties.kind as keyof typeof names];
      if (!list.includes(String(feature.properties.name))) list.push(String(feature.properties.name));
    }
    return names;
  });
}

describe('the basemap in regions far from the built-in article', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each(REGIONS)("names $file's countries, towns and water where MapLibre placed them, at every screen size", async ({ file, id, countries, towns, water }) => {
    for (const [width, height] of SIZES) {
      // A phone's event list is a closed sheet: there is no row to wait for, only the map.
      const { page, consoleErrors, requestedUrls } = width >= 1280 ? await openReadyApp(browser, { width, height }) : await openApp(browser, { width, height });
      await waitForMapIdle(page);
      await page.getByLabel('Open scenario file').setInputFiles(fixture(file));
      await expect.poll(() => page.evaluate(() => window.tripwireStore!.getState().scenario?.id), { timeout: 30_000 }).toBe(id);
      await page.waitForFunction(() => window.tripwireMap !== undefined);
      await waitForMapIdle(page);
      await waitForRender(page);
      await screenshot(page, `region-${file}-${width}x${height}`);
      const placed = await placedNames(page);
      if (width >= 1280) {
        expect(placed.country, `${file} ${width}×${height}`).toEqual(expect.arrayContaining(countries));
        expect(placed.city.filter((name) => towns.includes(name)).length, `${file} ${width}×${height}: ${placed.city.join(', ')}`).toBeGreaterThanOrEqual(3);
      } else {
        // A phone's map is a quarter of a laptop's: fewer names fit, but never none.
        expect(placed.city.filter((name) => towns.includes(name)).length, `${file} phone: ${placed.city.join(', ')}`).toBeGreaterThanOrEqual(2);
      }
      // A phone's default view is a zoom or two wider: its water has a name, not always the gulf's own.
      if (width >= 1280) expect(placed.marine, `${file} ${width}×${height}`).toContain(water);
      else expect(placed.marine.length, `${file} phone`).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
      expect(requestedUrls.filter((url) => !url.startsWith(new URL(page.url()).origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      await page.close();
    }
  });
});
