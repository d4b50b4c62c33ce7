// The GPU points layer on the benchmark page (bench.html), read back from real pixels: it must
// draw exactly the events that have started and are still in the window, and a time change must
// not re-upload anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { inject } from 'vitest';
import { CATEGORIES, CATEGORY_COLORS } from '../../src/data/vocabulary';
import { SYNTHETIC_FIRST_DAY, SYNTHETIC_LAST_DAY } from '../../src/bench/synthetic-events';
import type { TimeWindow } from '../../src/map/gpu-points';
import { launchBrowser, screenshot } from './driver';
import { benchFrameQuery } from '../../scripts/built-in-scenario.mjs';

const EVENT_COUNT = 10_000;
const PALETTE = CATEGORIES.map((category) => {
  const hex = CATEGORY_COLORS[category];
  return [1, 3, 5].map((offset) => parseInt(hex.slice(offset, offset + 2), 16));
});
/** No fade (opacity stays 1), so a dot's centre is exactly its category colour. */
const NO_FADE = 1e9;

const isEventColour = (png: PNG, x: number, y: number) => {
  const i = (y * png.width + x) * 4;
  return PALETTE.some(([r, g, b]) => Math.abs(png.data[i]! - r!) < 10 && Math.abs(png.data[i + 1]! - g!) < 10 && Math.abs(png.data[i + 2]! - b!) < 10);
};

/** Sets the time window, waits until it is drawn, and returns a screenshot of the map canvas. */
async function showWindow(page: Page, timeWindow: TimeWindow): Promise<PNG> {
  await page.evaluate(async (timeWindow) => {
    const bench = window.tripwireBench!;
    const rendered = bench.nextRenderedFrame();
    bench.setWindow(timeWindow);
    await rendered;
  }, timeWindow);
  return PNG.sync.read(await page.locator('#map canvas').screenshot());
}

function countEventPixels(png: PNG): number {
  let count = 0;
  for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (isEventColour(png, x, y)) count++;
  return count;
}

// Sorted by start, the layer skips points that cannot be visible yet; shuffled, it cannot, so the
// shader's own test decides every point. Both must draw the same thing.
describe.each(['by-start', 'shuffled'] as const)('GPU points layer (bench.html, 10,000 synthetic events, %s)', (order) => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const requestedUrls: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('request', (request) => requestedUrls.push(request.url()));
    await page.goto(new URL(`bench.html?${benchFrameQuery()}`, inject('baseUrl')).href);
    await page.waitForFunction(() => window.tripwireBench !== undefined, undefined, { timeout: 60_000 });
    // Only land, water and borders under the dots: labels and controls could share a dot's colour.
    // (Hidden through the CSSOM: the page's Content-Security-Policy refuses injected <style> tags.)
    await page.evaluate(async ({ count, order }) => {
      const { map } = window.tripwireBench!;
      map.getContainer().querySelector<HTMLElement>('.maplibregl-control-container')!.style.display = 'none';
      for (const layer of map.getStyle().layers) if (layer.type === 'symbol' || layer.id === 'basemap-city-dots') map.setLayoutProperty(layer.id, 'visibility', 'none');
      await window.tripwireBench!.load('tripwire', count, { seed: 5, order });
    }, { count: EVENT_COUNT, order });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('draws no event before the first one starts, and thousands of event pixels at the end', async () => {
    const before = await showWindow(page, { time: SYNTHETIC_FIRST_DAY - 1, windowStart: -1e6, fadeDays: NO_FADE });
    expect(countEventPixels(before)).toBe(0);
    const after = await showWindow(page, { time: SYNTHETIC_LAST_DAY, windowStart: -1e6, fadeDays: NO_FADE });
    expect(countEventPixels(after)).toBeGreaterThan(20_000);
    await screenshot(page, `gpu-points-10000-${order}-end`);
  });

  it('in a one-year window, shows each event that has started and not yet left it, and hides the others', async () => {
    const time = Math.round((SYNTHETIC_FIRST_DAY + SYNTHETIC_LAST_DAY) / 2);
    const yearWindow = { time, windowStart: time - 365, fadeDays: NO_FADE };
    // Screen positions of events on either side of the rule, keeping only those no other shown dot
    // (8 px across, with a white rim) could cover: what is at their centre is theirs alone.
    const { shown, hidden } = await page.evaluate(({ time, windowStart }) => {
      const bench = window.tripwireBench!;
      const events = bench.events()!;
      const { width, height } = bench.map.getCanvas().getBoundingClientRect();
      const shownPoints: { x: number; y: number }[] = [];
      const hiddenPoints: { x: number; y: number; why: string }[] = [];
      for (let i = 0; i < events.count; i++) {
        const { x, y } = bench.map.project([events.lon[i]!, events.lat[i]!]);
        if (x < 10 || y < 10 || x > width - 10 || y > height - 10) continue;
        const visible = events.start[i]! <= time && events.end[i]! >= windowStart;
        if (visible) shownPoints.push({ x, y });
        else hiddenPoints.push({ x, y, why: events.start[i]! > time ? 'not started' : 'left the window' });
      }
      const alone = (point: { x: number; y: number }) =>
        shownPoints.every((other) => other === point || Math.hypot(other.x - point.x, other.y - point.y) > 9);
      return { shown: shownPoints.filter(alone), hidden: hiddenPoints.filter(alone) };
    }, yearWindow);
    expect(shown.length).toBeGreaterThan(50);
    expect(hidden.filter((point) => point.why === 'not started').length).toBeGreaterThan(50);
    expect(hidden.filter((point) => point.why === 'left the window').length).toBeGreaterThan(50);

    const png = await showWindow(page, yearWindow);
    const at = (point: { x: number; y: number }) => isEventColour(png, Math.round(point.x), Math.round(point.y));
    expect(shown.filter((point) => !at(point))).toEqual([]);
    expect(hidden.filter((point) => at(point))).toEqual([]);
  });

  it('changes the time without uploading the points again', async () => {
    const before = await page.evaluate(() => window.tripwireBench!.layerStats()!);
    for (const time of [13_000, 15_000, 17_000, 19_000]) await showWindow(page, { time, windowStart: -1e6, fadeDays: 3650 });
    const after = await page.evaluate(() => window.tripwireBench!.layerStats()!);
    expect(after.uploads).toBe(before.uploads);
    expect(after.uploads).toBe(1);
    expect(after.gpuBytes).toBe(EVENT_COUNT * 20); // 16 bytes of position and span + 4 of flags
  });

  it('stays on its own origin and logs no errors', () => {
    const origin = new URL(inject('baseUrl')).origin;
    expect(requestedUrls.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
