import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { drawnEventIds, launchBrowser, openReadyApp, pagePoint, renderedIds, screenshot, waitForRender } from './driver';

const TOKYO: [number, number] = [139.6917, 35.6895];
const VLADIVOSTOK_SUMMIT: [number, number] = [131.8935, 43.0245];

describe('incidents: click for detail, list, URL, insets', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('clicking an event on the map opens its detail with the verbatim quote', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    const { x, y } = await pagePoint(page, TOKYO);
    await page.mouse.click(x, y);
    const quote = page.getByTestId('detail-quote');
    await expect.poll(() => quote.innerText()).toContain('major overhaul announced last month');
    await expect.poll(() => page.locator('#detail-title').innerText()).toMatch(/Japan/);
    await screenshot(page, 'detail-japan-overhaul');
    await page.close();
  });

  it('events that share a place are all reachable through a chooser', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2019-07-01' });
    const { x, y } = await pagePoint(page, VLADIVOSTOK_SUMMIT);
    await page.mouse.click(x, y);
    const options = page.locator('.chooser-option');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    await options.filter({ hasText: 'Vladivostok' }).filter({ hasText: '2019' }).first().click();
    await expect.poll(() => page.getByTestId('detail-quote').innerText()).toContain('Far Eastern Federal University');
    await page.close();
  });

  it('Enter on a focused list row selects the event and shows its quote', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    const row = page.locator('.event-row[data-event-id="rus-chn-joint-air-patrol-2022-11"]');
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('detail-quote').innerText()).toContain('air patrols');
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('detail-panel').count()).toBe(0);
    await page.close();
  });

  it('the URL of a view, opened in a new page, shows the same selection, time and layers', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    await page.locator('.event-row[data-event-id="vladivostok-summit-2019"]').click();
    await page.getByLabel('Air Defense Identification Zones').uncheck();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('hide=adiz');
    const hash = (await page.evaluate(() => window.location.hash)).slice(1);
    await page.close();

    const reopened = (await openReadyApp(browser, { hash })).page;
    await expect.poll(() => reopened.locator('#detail-title').innerText()).toBe('Putin–Kim summit in Vladivostok');
    await expect.poll(() => reopened.getByTestId('timeline-date').innerText()).toBe('25 April 2019');
    expect(await reopened.getByLabel('Air Defense Identification Zones').isChecked()).toBe(false);
    await waitForRender(reopened);
    expect(await renderedIds(reopened, ['adiz-fill'])).toEqual([]);
    expect(await drawnEventIds(reopened)).toContain('vladivostok-summit-2019');
    await reopened.close();
  });

  it('a garbage hash loads the defaults with a notice, never a crash', async () => {
    const { page, consoleErrors } = await openReadyApp(browser, { hash: 't=2022-02-30&map=999,0,3&event=<script>&zzz=1' });
    await expect.poll(() => page.getByTestId('notices').innerText()).toMatch(/ignored/);
    expect(await page.getByTestId('timeline-date').innerText()).toBe('11 January 2023');
    expect(consoleErrors).toEqual([]);
    await screenshot(page, 'garbage-hash');
    await page.close();
  });

  it('the inset keeps Bakhmut in sight while the main map shows Korea', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    await page.getByRole('button', { name: 'Korean Peninsula' }).click();
    await waitForRender(page);
    await expect.poll(() => renderedIds(page, ['places-points'], 'tripwireInset')).toContain('bakhmut');
    expect(await renderedIds(page, ['places-points'])).not.toContain('bakhmut');
    expect(await page.getByTestId('inset-map').isVisible()).toBe(true);
    await screenshot(page, 'inset-korea');
    await page.close();
  });
});
