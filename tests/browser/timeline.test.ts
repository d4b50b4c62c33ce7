import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { drawnEventIds, launchBrowser, openReadyApp, renderedIds, screenshot, waitForRender } from './driver';

describe('the timeline drives the map', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('in mid-2019 the map draws the Vladivostok summit but not the August 2022 flight or its track', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2019-07-01' });
    await expect.poll(() => page.getByTestId('timeline-date').innerText()).toBe('1 July 2019');
    const events = await drawnEventIds(page);
    expect(events).toContain('vladivostok-summit-2019');
    expect(events).not.toContain('rus-aircraft-enter-kadiz-2022-08');
    expect(await renderedIds(page, ['tracks-line'])).not.toContain('track-rus-kadiz-2022-08');
    await screenshot(page, 'timeline-2019-07');
    await page.close();
  });

  it('moving the timeline lays out no event tile again: dots are the shader’s, routes feature-state', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2000-01-01' });
    await page.evaluate(() => window.tripwireStore!.getState().selectEvent('vladivostok-summit-2019'));
    // Selecting may bring the event into view: let that camera move and its tiles settle first.
    await page.waitForTimeout(1_500);
    await waitForRender(page);
    const { tilesLoaded, drawnAtEnd } = await page.evaluate(async () => {
      const map = window.tripwireMap!;
      let tilesLoaded = 0;
      const count = (event: { sourceId?: string; tile?: unknown }) => {
        if (event.sourceId === 'events' && event.tile) tilesLoaded++;
      };
      map.on('sourcedata', count);
      // Across the routes' and the summit's days: every kind of event comes and goes.
      for (const year of [2001, 2005, 2014, 2018, 2022, 2023]) {
        await new Promise((resolve) => {
          map.once('idle', resolve);
          window.tripwireStore!.getState().setTime(Date.UTC(year, 0, 1) / 86_400_000);
        });
      }
      map.off('sourcedata', count);
      return { tilesLoaded, drawnAtEnd: [...new Set(map.querySourceFeatures('event-label').map((feature) => feature.properties.title))] }; // one copy per tile it touches
    });
    expect(tilesLoaded).toBe(0);
    expect(drawnAtEnd).toEqual(['Putin–Kim summit in Vladivostok']);
    await page.close();
  });

  it('stepping to the next event with the keyboard moves the date and adds that event to the map', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2019-07-01' });
    const before = await drawnEventIds(page);
    await page.getByRole('slider').focus();
    await page.keyboard.press(']');
    await expect.poll(() => page.getByTestId('timeline-date').innerText()).not.toBe('1 July 2019');
    await waitForRender(page);
    const after = await drawnEventIds(page);
    expect(after.length).toBeGreaterThan(before.length);
    const selected = await page.locator('.event-row.is-selected').getAttribute('data-event-id');
    expect(after).toContain(selected);
    expect(await page.getByRole('slider').getAttribute('aria-valuetext')).toBe(await page.getByTestId('timeline-date').innerText());
    await page.close();
  });

  it('arrow keys move a month and PageUp a year', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2019-07-01' });
    await page.getByRole('slider').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('timeline-date').innerText()).toBe('1 August 2019');
    await page.keyboard.press('PageUp');
    await expect.poll(() => page.getByTestId('timeline-date').innerText()).toBe('1 August 2020');
    await page.close();
  });

  it('playing advances time', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2010-01-01' });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Pause' }).click();
    const day = Number(await page.getByRole('slider').getAttribute('aria-valuenow'));
    expect(day).toBeGreaterThan(Date.UTC(2010, 0, 15) / 86_400_000);
    await page.close();
  });

  it("South Korea's ADIZ follows its December 2013 expansion, and China's ECS ADIZ appears from 23 Nov 2013", async () => {
    const zones = async (hash: string) => {
      const { page } = await openReadyApp(browser, { hash });
      const ids = await renderedIds(page, ['adiz-fill']);
      await page.close();
      return ids;
    };
    expect(await zones('t=2013-11-22')).toEqual(['jadiz', 'kadiz-1951']);
    expect(await zones('t=2013-12-01')).toEqual(['cadiz-ecs', 'jadiz', 'kadiz-1951']);
    expect(await zones('t=2014-01-01')).toEqual(['cadiz-ecs', 'jadiz', 'kadiz-2013']);
  });
});
