import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportPng, launchBrowser, OUTPUT_DIR, openReadyApp, drawnEventIds, screenshot, waitForRender } from './driver';

const FIXTURES = new URL('../fixtures/browser-import/', import.meta.url).pathname;

describe('importing your own events', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a valid CSV becomes a scenario on the map and in the list, survives a reload, and hostile text stays text', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}incidents.csv`);
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('Imported 3 events');
    await expect.poll(() => page.locator('.event-row').count()).toBe(3);
    const hostile = page.locator('.event-row-title').filter({ hasText: '<img src=x onerror=alert(1)>' });
    expect(await hostile.count()).toBe(1);
    expect(await page.locator('.event-rows img').count()).toBe(0);
    await waitForRender(page);
    const drawn = await drawnEventIds(page);
    expect(drawn.length).toBe(3);
    await screenshot(page, 'import-valid-csv');

    await page.reload();
    await page.waitForFunction(() => window.tripwireStore?.getState().status === 'ready');
    await expect.poll(() => page.locator('.event-row').count()).toBe(3);
    expect(await page.getByRole('group', { name: 'Event sets shown' }).innerText()).toContain('incidents.csv');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('a broken CSV lists every problem by line and changes nothing on the map', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    const before = await drawnEventIds(page);
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}broken.csv`);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.innerText()).toContain('was not imported');
    const text = await report.innerText();
    expect(text).toMatch(/line 3\b/);
    expect(text).toMatch(/line 4\b/);
    expect(text).toMatch(/line 5\b/);
    expect(text).not.toMatch(/line 2\b/);
    await waitForRender(page);
    expect(await drawnEventIds(page)).toEqual(before);
    expect(await page.locator('.event-row').count()).toBe(37);
    await screenshot(page, 'import-broken-csv');
    await page.close();
  });

  it('corrupted saved data is set aside with a notice, and the app starts on its defaults', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('tripwire', '{"state": {"importedFiles": [trunc');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(`${inject('baseUrl')}#t=2023-01-11`);
    await page.waitForFunction(() => window.tripwireStore?.getState().status === 'ready', undefined, { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('notices').innerText()).toContain('set aside');
    expect(await page.getByRole('button', { name: 'Download the set-aside data' }).count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('tripwire-set-aside'))).toBe('{"state": {"importedFiles": [trunc');
    expect(await page.locator('.event-row').count()).toBe(37);
    await page.close();
  });

  it('runs under the strict Content-Security-Policy without a single violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto(inject('baseUrl'));
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).not.toContain('unsafe-eval');
    await page.waitForFunction(() => window.tripwireMap && window.tripwireStore?.getState().status === 'ready', undefined, { timeout: 60_000 });
    await waitForRender(page);
    expect(await drawnEventIds(page)).not.toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.close();
  });

  it('a lost WebGL context shows a message, the list and details keep working, and the map comes back', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    await page.evaluate(() => {
      const gl = window.tripwireMap!.getCanvas().getContext('webgl2');
      (window as unknown as { loseContext: WEBGL_lose_context }).loseContext = gl!.getExtension('WEBGL_lose_context')!;
      (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.loseContext();
    });
    await expect.poll(() => page.getByTestId('context-lost').count()).toBe(1);
    await page.locator('.event-row[data-event-id="vladivostok-summit-2019"]').click();
    await expect.poll(() => page.getByTestId('detail-quote').innerText()).toContain('Vladivostok');
    await screenshot(page, 'context-lost');
    await page.evaluate(() => (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.restoreContext());
    await expect.poll(() => page.getByTestId('context-lost').count()).toBe(0);
    await page.close();
  });
});

describe('a large import', () => {
  // 6,000 missile tests spread over 2021-2022 around the Korean Peninsula.
  const largeCsv = () => {
    const rows = Array.from({ length: 6000 }, (_, index) => {
      const day = new Date(Date.UTC(2021, 0, 1 + (index % 700))).toISOString().slice(0, 10);
      return `${day},Test ${index},${(126 + (index % 50) / 10).toFixed(2)},${(35 + ((index * 7) % 60) / 10).toFixed(2)},missile-test`;
    });
    return { name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(['date,title,lon,lat,category', ...rows].join('\n')) };
  };
  /** Pixels of the missile-test red (#cc3311) in a PNG. */
  const missileRedIn = (png: PNG) => {
    let count = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (Math.abs(png.data[i]! - 0xcc) < 20 && Math.abs(png.data[i + 1]! - 0x33) < 20 && Math.abs(png.data[i + 2]! - 0x11) < 20) count++;
    }
    return count;
  };
  const importLarge = async (browser: Browser) => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11&map=129,38,4.5,0' });
    await page.getByTestId('import-input').setInputFiles(largeCsv());
    await expect.poll(() => page.getByTestId('import-report').innerText(), { timeout: 60_000 }).toContain('Imported 6,000 events');
    await page.getByTestId('import-report').getByRole('button', { name: 'Close' }).click();
    return page;
  };

  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('keeps the page light: the list holds only the rows in sight, the timeline one canvas strip', async () => {
    const page = await importLarge(browser);
    expect(await page.getByText('6,000 of 6,000 events').count()).toBe(1);
    expect(await page.locator('.event-row').count()).toBeLessThan(100);
    expect(await page.locator('.timeline-event').count()).toBe(0);
    expect(await page.getByTestId('timeline-strip').count()).toBe(1);
    // The Deck… dialog lists the events for slides the same way: only the rows in sight.
    await page.getByRole('button', { name: 'Deck…' }).click();
    const deck = page.getByRole('dialog', { name: 'Make a deck' });
    await expect.poll(() => deck.locator('.deck-events li').count()).toBeGreaterThan(0);
    expect(await deck.locator('.deck-events li').count()).toBeLessThan(100);
    await deck.getByRole('button', { name: 'Close' }).click();
    // Scrolled to the end, the list shows the last events (rows are made as they come into sight).
    await page.locator('.event-rows').evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await expect.poll(() => page.locator('.event-row').last().innerText()).toContain('1 Dec 2022'); // the latest day in the file
    await screenshot(page, 'import-large-list-end');
    await page.close();
  });

  it('is drawn by the GPU points layer, which follows the timeline', async () => {
    const page = await importLarge(browser);
    expect(await page.evaluate(() => Boolean(window.tripwireMap!.getLayer('event-points-gpu')))).toBe(true);
    const missileRed = async () => {
      await waitForRender(page);
      return missileRedIn(PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot()));
    };
    const late = await missileRed();
    await page.evaluate(() => window.tripwireStore!.getState().setTime(Date.UTC(2020, 5, 1) / 86_400_000));
    const early = await missileRed();
    expect(late).toBeGreaterThan(500);
    expect(early).toBeLessThan(late / 10);
    await screenshot(page, 'import-large-gpu');
    await page.close();
  });

  it('answers hover and click on the map like the article\'s events: tooltip, chooser, detail', async () => {
    const page = await importLarge(browser);
    // Every 300th event shares a place: (126.0E, 35.0N) holds events 0, 300, … 5700, all shown now.
    const point = await page.evaluate(() => window.tripwireMap!.project([126, 35]));
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + point.x, box.y + point.y);
    await expect.poll(() => page.locator('.map-tooltip').innerText()).toMatch(/Test \d+[\s\S]*\+ 19 more here/);
    await page.mouse.click(box.x + point.x, box.y + point.y);
    const chooser = page.locator('.map-chooser');
    await expect.poll(() => chooser.innerText()).toContain('20 events here');
    await screenshot(page, 'import-large-chooser');
    await chooser.getByRole('button', { name: /Test 300$/ }).click();
    await expect.poll(() => page.locator('#detail-title').innerText()).toBe('Test 300');
    // Before those events happened, nothing is there to hover.
    await page.evaluate(() => window.tripwireStore!.getState().setTime(Date.UTC(2020, 5, 1) / 86_400_000));
    await page.mouse.move(box.x + point.x + 1, box.y + point.y);
    await page.waitForTimeout(300);
    expect(await page.locator('.map-tooltip').count()).toBe(0);
    await page.close();
  });

  it('draws the selected event larger, with a dark outline, on top of the crowd', async () => {
    const page = await importLarge(browser);
    // Near-black pixels in a ring around an event's dot: the selected look's outline (#111, 6 to 8.5 px out).
    const darkRingAround = async (lngLat: [number, number]) => {
      await waitForRender(page);
      const { x, y } = await page.evaluate((at) => window.tripwireMap!.project(at), lngLat);
      const png = PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot());
      let count = 0;
      for (let dy = -9; dy <= 9; dy++) {
        for (let dx = -9; dx <= 9; dx++) {
          const distance = Math.hypot(dx, dy);
          if (distance < 6 || distance > 9) continue;
          const i = (Math.round(y + dy) * png.width + Math.round(x + dx)) * 4;
          if (png.data[i]! < 70 && png.data[i + 1]! < 70 && png.data[i + 2]! < 70) count++;
        }
      }
      return count;
    };
    const at = await page.evaluate(() => {
      const event = window.tripwireStore!.getState().events.find((candidate) => candidate.title === 'Test 1')!;
      return event.geometry.coordinates as [number, number];
    });
    const before = await darkRingAround(at);
    await page.evaluate(() => window.tripwireStore!.getState().selectEvent(window.tripwireStore!.getState().events.find((event) => event.title === 'Test 1')!.id));
    await expect.poll(() => darkRingAround(at)).toBeGreaterThan(before + 20);
    await screenshot(page, 'import-large-selected');
    await page.close();
  });

  it('is in the briefing image too (the export map draws it with its own GPU layer)', async () => {
    const page = await importLarge(browser);
    const live = missileRedIn(PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot()));
    const bytes = await exportPng(page, { size: 'window', pixelRatio: 1, title: 'Large import', handling: '' });
    writeFileSync(join(OUTPUT_DIR, 'export-large-import.png'), bytes);
    // The export frames the same view at the window's size: about as many red pixels as on screen.
    expect(live).toBeGreaterThan(500);
    expect(missileRedIn(PNG.sync.read(bytes))).toBeGreaterThan(live * 0.5);
    await page.close();
  });
});
