// Your own basemap: an OpenStreetMap archive in the Protomaps schema, made by the test
// (tests/osm-test-archive.ts), chosen in the legend as a file on disk, drawn under the scenario
// with local fonts and no sprite, credited on screen; and `npm run brief --basemap` draws over it.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser, openApp, openReadyApp, OUTPUT_DIR, screenshot, waitForMapIdle } from './driver';
import { makeOsmTestArchive, TEST_ARCHIVE_CENTER, TEST_ROADS, TEST_TOWNS } from '../osm-test-archive';

const run = promisify(execFile);
const ARCHIVE = `${OUTPUT_DIR}osm-test.pmtiles`;

/** Warnings MapLibre gives when a style asks for what the page does not have. */
const MISSING_ASSET = /image|sprite|glyph|font/i;

async function chooseArchive(page: Page) {
  await page.locator('[data-testid="basemap-file"]').setInputFiles({ name: 'test-extract.pmtiles', mimeType: 'application/octet-stream', buffer: readFileSync(ARCHIVE) });
  await page.waitForFunction(() => window.tripwireMap?.getSource('osm-basemap') !== undefined, undefined, { timeout: 30_000 });
}

/** Names of the archive's features MapLibre drew, by source layer: lines for roads, placed labels for towns. */
function drawnNames(page: Page) {
  return page.evaluate(() => {
    const names = (sourceLayer: string) =>
      [...new Set(window.tripwireMap!.queryRenderedFeatures().filter((feature) => feature.source === 'osm-basemap' && feature.sourceLayer === sourceLayer).map((feature) => String(feature.properties.name)))].sort();
    return { roads: names('roads'), towns: names('places') };
  });
}

async function goToTestArea(page: Page) {
  await page.evaluate((center) => window.tripwireMap!.jumpTo({ center, zoom: 12 }), TEST_ARCHIVE_CENTER);
  await waitForMapIdle(page);
}

describe('your own basemap', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(ARCHIVE, makeOsmTestArchive());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws a PMTiles file chosen in the legend, read on the page, with its roads and towns at zoom 12, credited to OpenStreetMap', async () => {
    const { page, consoleErrors, requestedUrls } = await openReadyApp(browser);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await screenshot(page, 'own-basemap-embedded-1280x720');
    await chooseArchive(page);
    await goToTestArea(page);
    // Polled: on a loaded machine MapLibre may place the town labels a frame after the map is idle.
    await expect.poll(() => drawnNames(page).then((names) => names.roads), { timeout: 10_000 }).toEqual(expect.arrayContaining(TEST_ROADS));
    await expect.poll(() => drawnNames(page).then((names) => names.towns), { timeout: 10_000 }).toEqual(expect.arrayContaining(TEST_TOWNS));
    // The town names are labels MapLibre placed, drawn with the style's symbol layer.
    const placed = await page.evaluate(() => window.tripwireMap!.queryRenderedFeatures({ layers: ['osm-places_locality'] }).map((feature) => feature.properties.name));
    expect(placed).toEqual(expect.arrayContaining(TEST_TOWNS));
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').innerText()).toMatch(/© OpenStreetMap contributors/);
    await screenshot(page, 'own-basemap-osm-1280x720');
    // The style the map holds asks for no glyphs or sprite: Protomaps' fonts are replaced by local stacks, its icons by the app's dots.
    const style = await page.evaluate(() => window.tripwireMap!.getStyle());
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const osmLayers = JSON.stringify(style.layers.filter((layer) => layer.id.startsWith('osm-')));
    expect(osmLayers).not.toMatch(/Noto Sans Medium|fill-pattern|line-pattern/);
    expect(osmLayers.match(/"(capital|townspot|basemap-capital|basemap-town)"/g)?.sort()).toEqual(['"basemap-capital"', '"basemap-town"', '"capital"']);

    // The scenario's own layers are still drawn above the basemap's ground and under its names.
    const order = await page.evaluate(() => window.tripwireMap!.getStyle().layers.map((layer) => layer.id));
    expect(order.indexOf('osm-earth')).toBeLessThan(order.indexOf('event-routes'));
    expect(order.indexOf('event-routes')).toBeLessThan(order.indexOf('osm-places_locality'));

    // Another flavour draws the same archive darker; back to the embedded basemap on request.
    await page.getByTestId('basemap-flavor').selectOption('dark');
    // Protomaps' dark flavour's earth.
    await page.waitForFunction(() => window.tripwireMap?.getPaintProperty('osm-earth', 'fill-color') === '#1f1f1f');
    await page.getByTestId('basemap-select').selectOption('embedded');
    await page.waitForFunction(() => window.tripwireMap?.getSource('basemap') !== undefined && window.tripwireMap.getSource('osm-basemap') === undefined);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').innerText()).toMatch(/Natural Earth/);

    expect(consoleErrors).toEqual([]);
    expect(warnings.filter((warning) => MISSING_ASSET.test(warning))).toEqual([]);
    const origin = new URL(inject('baseUrl')).origin;
    expect(requestedUrls.filter((url) => !url.startsWith(origin) && !/^(blob|data):/.test(url))).toEqual([]);
    // Read from the file on the page: the archive itself is never requested from the server.
    expect(requestedUrls.filter((url) => url.includes('.pmtiles') && !url.includes('geo/basemap.pmtiles'))).toEqual([]);
    await page.close();
  });

  it('offers the choice on a phone too, and draws the archive there', async () => {
    // A phone's event list is a closed sheet: ready once the map is.
    const { page, consoleErrors } = await openApp(browser, { width: 390, height: 844, hasTouch: true });
    await waitForMapIdle(page);
    await page.locator('.legend-title').tap();
    await expect.poll(() => page.getByTestId('basemap-select').isVisible()).toBe(true);
    await chooseArchive(page);
    await goToTestArea(page);
    expect((await drawnNames(page)).roads).toEqual(expect.arrayContaining(TEST_ROADS));
    await screenshot(page, 'own-basemap-osm-390x844');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('npm run brief --basemap draws its image over that archive and credits OpenStreetMap', async () => {
    const out = `${OUTPUT_DIR}own-basemap-brief.png`;
    const [lon, lat] = TEST_ARCHIVE_CENTER;
    await run('node', ['scripts/brief.mjs', '--basemap', ARCHIVE, '--hash', `map=${lon},${lat},12.00,0`, '--out', out, '--size', '800x450'], { timeout: 120_000 });
    const png = PNG.sync.read(readFileSync(out));
    // Protomaps' light earth (#e2dfda) fills the land of the test area; the embedded basemap has no such colour.
    let earth = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 0xe2 && png.data[i + 1] === 0xdf && png.data[i + 2] === 0xda) earth++;
    expect(earth / (png.width * png.height)).toBeGreaterThan(0.2);
    expect(readFileSync(out.replace(/\.png$/, '.alt.txt'), 'utf8')).toContain('© OpenStreetMap contributors');
  });
});
