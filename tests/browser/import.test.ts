import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openReadyApp, renderedIds, screenshot, waitForRender } from './driver';

const FIXTURES = new URL('../fixtures/browser-import/', import.meta.url).pathname;
const EVENT_LAYERS = ['event-points', 'event-routes'];

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
    const drawn = await renderedIds(page, EVENT_LAYERS);
    expect(drawn.length).toBe(3);
    await screenshot(page, 'import-valid-csv');

    await page.reload();
    await page.waitForFunction(() => window.tripwireStore?.getState().status === 'ready');
    await expect.poll(() => page.locator('.event-row').count()).toBe(3);
    expect(await page.getByRole('group', { name: 'Scenarios shown' }).innerText()).toContain('incidents.csv');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('a broken CSV lists every problem by line and changes nothing on the map', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    const before = await renderedIds(page, EVENT_LAYERS);
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}broken.csv`);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.innerText()).toContain('was not imported');
    const text = await report.innerText();
    expect(text).toMatch(/line 3\b/);
    expect(text).toMatch(/line 4\b/);
    expect(text).toMatch(/line 5\b/);
    expect(text).not.toMatch(/line 2\b/);
    await waitForRender(page);
    expect(await renderedIds(page, EVENT_LAYERS)).toEqual(before);
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
    expect(await renderedIds(page, EVENT_LAYERS)).not.toEqual([]);
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
