// A small driver for the real app in headless Chromium: launch, open, wait for the map, look.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/launch-chromium.mjs';
import { inject } from 'vitest';
import type { ExportOptions } from '../../src/map/export/export-briefing';

export const OUTPUT_DIR = new URL('../../test-output/', import.meta.url).pathname;

/** Chromium with software WebGL, kept off the network (scripts/launch-chromium.mjs). */
export const launchBrowser = (extraFlags: string[] = []): Promise<Browser> => launchChromium(extraFlags);

export interface OpenedApp {
  page: Page;
  consoleErrors: string[];
  requestedUrls: string[];
}

/** Opens the app at `hash` in a fresh page of the given size and records console errors and requests. */
export interface OpenOptions {
  hash?: string;
  width?: number;
  height?: number;
  /** A touch screen (Playwright's touch emulation: `tap()` works). */
  hasTouch?: boolean;
  reducedMotion?: 'reduce' | 'no-preference';
}

export async function openApp(browser: Browser, { hash = '', width = 1280, height = 720, hasTouch = false, reducedMotion }: OpenOptions = {}): Promise<OpenedApp> {
  // A context of its own rather than browser.newPage(): axe-core's runner opens a second page in
  // the same context. Closing the page closes its context, as newPage()'s would; when the browser
  // itself is closing by then (afterAll), that close has nothing left to do and its rejection is moot.
  const context = await browser.newContext({ viewport: { width, height }, hasTouch, ...(reducedMotion ? { reducedMotion } : {}) });
  const page = await context.newPage();
  page.once('close', () => context.close().catch(() => undefined));
  const consoleErrors: string[] = [];
  const requestedUrls: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('request', (request) => requestedUrls.push(request.url()));
  await page.goto(inject('baseUrl') + (hash ? `#${hash}` : ''));
  return { page, consoleErrors, requestedUrls };
}

/** Waits until the map exists, its style and sources are loaded, and it has gone idle. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.tripwireMap !== undefined, undefined, { timeout: 60_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.tripwireMap!;
        const check = () => {
          if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) resolve();
          else map.once('idle', check);
        };
        check();
      }),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = `${OUTPUT_DIR}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/**
 * Ids of features MapLibre has actually drawn in the given style layers (what a user sees).
 * Geography out of its time stays in the tiles, drawn fully transparent by feature-state
 * (src/layers/expressions.ts, shownInTime): it is not seen, so it is not counted.
 */
export function renderedIds(page: Page, layers: string[], mapName: 'tripwireMap' | 'tripwireInset' = 'tripwireMap'): Promise<string[]> {
  return page.evaluate(
    ({ layers, mapName }) => {
      const map = window[mapName]!;
      const ids = map
        .queryRenderedFeatures({ layers })
        .filter((feature) => feature.state.outOfTime !== true)
        .map((feature) => String(feature.properties.id));
      return [...new Set(ids)].sort();
    },
    { layers, mapName },
  );
}

/**
 * Ids of the events the map draws now, in its frame: dots as the GPU points layer's shader decides
 * (the same test on the same uploaded values, src/map/gpu-points), routes as MapLibre drew them.
 */
export function drawnEventIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.tripwireMap!;
    const events = window.tripwireStore!.getState().events;
    const layer = map.getLayer('event-points-gpu') as unknown as { implementation: { visibleIndices(): number[] } } | undefined;
    const hidden = map.getLayoutProperty('event-points-gpu', 'visibility') === 'none';
    const { clientWidth: width, clientHeight: height } = map.getCanvas();
    const dots = hidden
      ? []
      : (layer?.implementation.visibleIndices() ?? [])
          .map((index) => events[index]!)
          .filter((event) => {
            const { x, y } = map.project(event.geometry.coordinates as [number, number]);
            return x >= 0 && y >= 0 && x <= width && y <= height;
          })
          .map((event) => event.id);
    const routes = map
      .queryRenderedFeatures({ layers: ['event-routes'] })
      .filter((feature) => feature.state.outOfTime !== true)
      .map((feature) => String(feature.properties.id));
    return [...new Set([...dots, ...routes])].sort();
  });
}

/** Waits until the map has applied the latest change and drawn it. */
export async function waitForRender(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.tripwireMap!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Where a lon/lat is on the page, in CSS pixels. */
export async function pagePoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  const point = await page.evaluate((lngLat) => window.tripwireMap!.project(lngLat), lngLat);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** Opens the app and waits for the map and the scenario's data. */
export async function openReadyApp(browser: Browser, options: OpenOptions = {}) {
  const opened = await openApp(browser, options);
  await waitForMapIdle(opened.page);
  await opened.page.waitForSelector('.event-row');
  await waitForRender(opened.page);
  return opened;
}

/** Renders a briefing image in the page (window.tripwireExport) and returns the PNG's bytes. */
export async function exportPng(page: Page, options: ExportOptions): Promise<Buffer> {
  const base64 = await page.evaluate(async (options) => {
    const result = await window.tripwireExport!.render(options);
    let binary = '';
    for (let i = 0; i < result.png.length; i += 0x8000) binary += String.fromCharCode(...result.png.subarray(i, i + 0x8000));
    return btoa(binary);
  }, options);
  return Buffer.from(base64, 'base64');
}
