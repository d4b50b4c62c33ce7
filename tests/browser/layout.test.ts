// The phone and tablet layouts, used as a briefer would: by touch on a phone, with a folding list
// on a tablet. Screenshots land in test-output/ (the README shows the phone's beside the desktop's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot, waitForMapIdle } from './driver';

async function openOnPhone(browser: Browser, width = 390, height = 844, hash = '') {
  const { page, consoleErrors } = await openApp(browser, { width, height, hasTouch: true, hash });
  await waitForMapIdle(page);
  await page.waitForFunction(() => window.tripwireStore?.getState().status === 'ready');
  return { page, consoleErrors };
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Visible controls smaller than 44 × 44 CSS pixels (the map's own attribution links aside). */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, summary, [role="slider"], .event-row')]
      .filter((element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden, .visually-hidden-until-focus'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => Math.round(box.width) < 44 || Math.round(box.height) < 44)
      .map(({ element, box }) => `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  );

const inViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
  });

/** The article's places nearest the default view's west edge, named on their left. */
const EDGE_PLACES = ['Beijing', 'Ieodo Ocean Research Station / Socotra Rock (Suyan Jiao)'];
/**
 * Of those, the scenario's own label, which must be drawn whole. Beijing's name is the basemap's,
 * and on a narrow screen it gives way to the scenario's "Rajin port (Rason)" label (basemap.ts).
 */
const EDGE_LABELS = ['Ieodo Ocean Research Station / Socotra Rock (Suyan Jiao)'];

/**
 * Names of the scenario's own places that cross the map's left or right edge, and whether the
 * default view's bounds are all on screen. The basemap's names fall where the world puts them:
 * a country's or sea's is drawn across its area, and a town beyond the view may run off the edge.
 */
const defaultViewFit = (page: Page) =>
  page.evaluate(() => {
    const map = window.tripwireMap!;
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const crossing = (x0: number, x1: number) =>
      map
        .queryRenderedFeatures([[x0, 0], [x1, h]])
        .filter((feature) => feature.layer.type === 'symbol' && !feature.layer.id.startsWith('basemap-'))
        .map((feature) => String(feature.properties.name));
    const [west, south, east, north] = window.tripwireStore!.getState().scenario!.views.find((view) => view.id === 'sea-of-japan-kurils')!.bounds;
    const corners = [map.project([west, north]), map.project([east, south])];
    return { left: crossing(0, 2), right: crossing(w - 2, w), viewInside: corners.every(({ x, y }) => x >= 0 && x <= w && y >= 0 && y <= h) };
  });

const drawnPlaceNames = (page: Page) =>
  page.evaluate(() => window.tripwireMap!.queryRenderedFeatures({ layers: ['places-labels', 'basemap-city-labels', 'basemap-capital-labels'] }).map((feature) => String(feature.properties.name)));

describe('on a phone (390×844, touch)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the map comes first and large, the timeline bar shows the slider and play, nothing scrolls sideways', async () => {
    const { page, consoleErrors } = await openOnPhone(browser);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const map = (await page.locator('.map-area').boundingBox())!;
    expect(map.width * map.height).toBeGreaterThanOrEqual(0.5 * 390 * 844);
    expect(await inViewport(page, '[role="slider"]')).toBe(true);
    expect(await inViewport(page, '.play-button')).toBe(true);
    expect(await page.locator('.timeline-track').evaluate((track) => track.getBoundingClientRect().width)).toBeGreaterThan(340);
    expect(await page.locator('.inset-map').count()).toBe(0);
    expect(await page.locator('.legend').getAttribute('open')).toBeNull();
    expect(await smallTargets(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, 'phone-390x844');
    await page.close();
  });

  it.each([
    [390, 844],
    [360, 740],
  ])('at %i×%i the default view is fitted to the width, no name cut off at its sides', async (width, height) => {
    const { page } = await openOnPhone(browser, width, height);
    await waitForMapIdle(page);
    expect(await defaultViewFit(page)).toEqual({ left: [], right: [], viewInside: true });
    expect(await drawnPlaceNames(page)).toEqual(expect.arrayContaining(EDGE_LABELS));
    await page.close();
  });

  it('the event list and an event’s detail open as sheets by touch, and close again', async () => {
    const { page } = await openOnPhone(browser);
    await page.getByRole('button', { name: 'Events', exact: true }).tap();
    const row = page.locator('.event-row', { hasText: 'Putin–Kim summit in Vladivostok' });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await smallTargets(page)).toEqual([]);
    await screenshot(page, 'phone-list-390x844');
    await row.tap();
    const detail = page.getByTestId('detail-panel');
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.getByRole('heading', { level: 2 }).innerText()).toBe('Putin–Kim summit in Vladivostok');
    expect(await page.locator('.sidebar').isVisible()).toBe(false); // the list gave way to the detail
    await expect.poll(() => inViewport(page, '[data-testid="detail-panel"]')).toBe(true); // once it has slid up
    await expect.poll(() => page.getByTestId('timeline-date').innerText()).toBe('25 April 2019');
    await screenshot(page, 'phone-detail-390x844');
    await page.getByRole('button', { name: 'Close details (Escape)' }).tap();
    await expect.poll(() => detail.count()).toBe(0);
    // The list sheet closes with its own button too.
    await page.getByRole('button', { name: 'Events', exact: true }).tap();
    await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Close the event list' }).tap();
    await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(false);
    await page.close();
  });

  it('a tapped event that lies under the detail sheet is framed above it, clear of the sheet', async () => {
    const { page } = await openOnPhone(browser);
    // In the south of the default view: where the detail sheet (the map's lower half) opens.
    const row = page.locator('.event-row', { hasText: 'Russia–China joint naval exercises' });
    await page.getByRole('button', { name: 'Events', exact: true }).tap();
    await row.tap();
    const detail = page.getByTestId('detail-panel');
    await expect.poll(() => inViewport(page, '[data-testid="detail-panel"]')).toBe(true);
    const clearOfSheet = () =>
      page.evaluate(() => {
        const map = window.tripwireMap!;
        const frame = map.getContainer().getBoundingClientRect();
        const sheet = document.querySelector('[data-testid="detail-panel"]')!.getBoundingClientRect();
        const { x, y } = map.project([123, 29.3]);
        return !map.isMoving() && x > 0 && x < frame.width && frame.top + y > frame.top && frame.top + y < sheet.top;
      });
    await expect.poll(clearOfSheet, { timeout: 5000 }).toBe(true);
    expect(await detail.getByRole('heading', { level: 2 }).innerText()).toBe('Russia–China joint naval exercises');
    await page.close();
  });

  it('a pinch on the map zooms it and a one-finger drag pans it (real touch input)', async () => {
    const { page } = await openOnPhone(browser);
    const map = (await page.locator('.map-container').boundingBox())!;
    const [cx, cy] = [map.x + map.width / 2, map.y + map.height / 2];
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][] = []) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    const camera = () => page.evaluate(() => ({ zoom: window.tripwireMap!.getZoom(), lng: window.tripwireMap!.getCenter().lng, moving: window.tripwireMap!.isMoving() }));
    const settled = async () => {
      await expect.poll(async () => (await camera()).moving).toBe(false);
      return camera();
    };
    const before = await settled();

    // Two fingers 60 px apart spread to 300 px: five times the distance, about 2.3 zoom levels in.
    await touch('touchStart', [[cx - 30, cy], [cx + 30, cy]]);
    for (let step = 1; step <= 12; step++) await touch('touchMove', [[cx - 30 - step * 10, cy], [cx + 30 + step * 10, cy]]);
    await touch('touchEnd');
    const pinched = await settled();
    expect(pinched.zoom - before.zoom).toBeGreaterThan(1.5);

    // One finger 120 px to the right: the map follows it (its centre moves west), at the same zoom.
    await touch('touchStart', [[cx - 60, cy]]);
    for (let step = 1; step <= 12; step++) await touch('touchMove', [[cx - 60 + step * 10, cy + step * 2]]);
    await touch('touchEnd');
    const dragged = await settled();
    expect(dragged.lng).toBeLessThan(pinched.lng - 1);
    expect(dragged.zoom).toBeCloseTo(pinched.zoom, 2);
    await page.close();
  });

  it('a swipe along the timeline moves the date, and one summary is announced once it ends', async () => {
    const { page } = await openOnPhone(browser, 390, 844, 't=2004-01-01');
    await page.evaluate(() => {
      const changes: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = changes;
      const region = document.querySelector('[data-testid="timeline-announcement"]')!;
      new MutationObserver(() => changes.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const track = (await page.locator('.timeline-track').boundingBox())!;
    const y = track.y + track.height / 2;
    // Real touch input (Chromium turns it into pointer events, as on a phone).
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', track.x + track.width * 0.2);
    for (let step = 1; step <= 10; step++) await touch('touchMove', track.x + track.width * (0.2 + step * 0.07));
    await touch('touchEnd');
    await expect.poll(() => page.getByTestId('timeline-date').innerText()).toMatch(/ 202[01]$/);
    await expect.poll(() => page.getByTestId('timeline-announcement').innerText()).toMatch(/^\d+ \w+ 202[01]\. \d+ new events: /);
    await page.waitForTimeout(600);
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.filter((text) => text !== ''));
    expect(new Set(spoken).size).toBe(1);
    await page.close();
  });

  it('the timeline’s speed, mode and window length open from the bar’s settings button, by touch', async () => {
    const { page } = await openOnPhone(browser);
    const speed = page.getByRole('combobox', { name: 'Playback speed' });
    expect(await speed.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: 'Timeline settings' });
    expect(await inViewport(page, '.timeline-settings-toggle')).toBe(true);
    await toggle.tap();
    await expect.poll(() => speed.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await inViewport(page, '#timeline-settings')).toBe(true);
    await page.getByRole('combobox', { name: 'Time mode' }).selectOption('window');
    await page.getByRole('combobox', { name: 'Window length' }).selectOption('6');
    await speed.selectOption({ index: 0 });
    const { mode, windowMonths, speed: chosen } = await page.evaluate(() => window.tripwireStore!.getState());
    expect({ mode, windowMonths }).toEqual({ mode: 'window', windowMonths: 6 });
    expect(chosen).toBe(await speed.inputValue());
    await expect.poll(() => page.locator('.timeline-mode').innerText()).toBe('window: 6 months');
    expect(await smallTargets(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-timeline-settings-390x844');
    // A tap on the map closes it; so does Escape, giving the focus back to its button.
    await page.locator('.map-container').tap({ position: { x: 200, y: 150 } });
    await expect.poll(() => speed.isVisible()).toBe(false);
    await toggle.tap();
    await expect.poll(() => speed.isVisible()).toBe(true);
    await speed.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => speed.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('timeline-settings-toggle');
    await page.close();
  });

  it('the inset shows from its button and goes again', async () => {
    const { page } = await openOnPhone(browser);
    const toggle = page.getByRole('button', { name: 'Inset map: Ukraine & Russia' });
    expect(await inViewport(page, '.inset-toggle')).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.tap();
    await page.waitForFunction(() => window.tripwireInset !== undefined, undefined, { timeout: 30_000 });
    expect(await inViewport(page, '.inset-map')).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await smallTargets(page)).toEqual([]);
    await screenshot(page, 'phone-inset-390x844');
    await toggle.tap();
    await expect.poll(() => page.locator('.inset-map').count()).toBe(0);
    await page.close();
  });

  it('the actions and the named views are menus; choosing a view frames it', async () => {
    const { page } = await openOnPhone(browser);
    expect(await page.getByRole('button', { name: 'Export image' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).tap();
    expect(await page.getByRole('button', { name: 'Export image' }).isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-menu-390x844');
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByRole('button', { name: 'Views' }).tap();
    await page.getByRole('button', { name: 'Ukraine & Russia', exact: true }).tap();
    await expect.poll(() => page.evaluate(() => window.tripwireMap!.getCenter().lng)).toBeLessThan(60);
    expect(await page.getByRole('button', { name: 'Ukraine & Russia', exact: true }).isVisible()).toBe(false);
    await page.close();
  });

  it('at 360 px wide nothing scrolls sideways, with the list, the menu or a detail open', async () => {
    const { page } = await openOnPhone(browser, 360, 740, 't=2022-11-30&event=rus-chn-joint-air-patrol-2022-11');
    await expect.poll(() => page.getByTestId('detail-panel').isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Events', exact: true }).tap();
    await page.getByRole('button', { name: 'Menu' }).tap();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-360x740');
    await page.close();
  });
});

describe('on a tablet (768×1024 and 1024×768)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('the legend starts folded where, open, it would cover land of the default view, and the list folds away to give the map the width', async () => {
    const { page } = await openApp(browser, { width: 768, height: 1024 });
    await waitForMapIdle(page);
    await page.waitForSelector('.event-row');
    // Upright, the default view is a band across the middle of the map; the open legend, with the
    // basemap choice at its foot, reaches down over Russia's coast at the top of the view.
    await page.waitForTimeout(300);
    expect(await page.locator('.legend').getAttribute('open')).toBeNull();
    // The default view is fitted with room for the names at its sides, as on a phone (Hanoi, far
    // outside the view, may run off the edge below it).
    const fit = await defaultViewFit(page);
    expect(fit.viewInside).toBe(true);
    expect([...fit.left, ...fit.right].filter((name) => EDGE_PLACES.includes(name))).toEqual([]);
    expect(await drawnPlaceNames(page)).toEqual(expect.arrayContaining(EDGE_LABELS));
    await screenshot(page, 'tablet-768x1024');
    const before = (await page.locator('.map-area').boundingBox())!.width;
    await page.getByRole('button', { name: 'Hide events' }).click();
    await expect.poll(async () => (await page.locator('.map-area').boundingBox())!.width).toBe(768);
    expect(before).toBeLessThan(768);
    await page.getByRole('button', { name: 'Events', exact: true }).click();
    await expect.poll(() => page.locator('.sidebar').isVisible()).toBe(true);
    await page.close();
  });

  it('at 1024×768 the legend starts folded: open, it would cover China and Korea', async () => {
    const { page } = await openApp(browser, { width: 1024, height: 768 });
    await waitForMapIdle(page);
    await page.waitForSelector('.event-row');
    // The decision is taken once the map is drawn; give a wrong "open" the time to show.
    await page.waitForTimeout(300);
    expect(await page.locator('.legend').getAttribute('open')).toBeNull();
    expect(await defaultViewFit(page)).toEqual({ left: [], right: [], viewInside: true });
    expect(await drawnPlaceNames(page)).toEqual(expect.arrayContaining(EDGE_LABELS));
    await screenshot(page, 'tablet-1024x768');
    // Still the user's to open.
    await page.getByText('Legend & layers').click();
    await expect.poll(() => page.locator('.legend').getAttribute('open')).toBe('');
    await page.close();
  });
});
