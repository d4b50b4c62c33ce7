import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openReadyApp, renderedIds, screenshot } from './driver';

describe('the sourced geography, all layers on', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('over Korea and Japan: the three ADIZs, Rason and the named places are drawn', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11&map=130.5,37.5,4.6,0', width: 1920, height: 1080 });
    expect(await renderedIds(page, ['adiz-fill'])).toEqual(['cadiz-ecs', 'jadiz', 'kadiz-2013']);
    expect(await renderedIds(page, ['places-points'])).toEqual(expect.arrayContaining(['alsom-island', 'ieodo', 'rason-port']));
    await screenshot(page, 'geography-korea-japan');
    await page.close();
  });

  it('over the Kurils: the four disputed islands are marked, named both ways', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11&map=147.2,44.4,6.2,0', width: 1920, height: 1080 });
    expect(await renderedIds(page, ['kurils-disputed-fill'])).toEqual(['habomai', 'iturup', 'kunashir', 'shikotan']);
    const labels = await page.evaluate(() => window.tripwireMap!.queryRenderedFeatures({ layers: ['kurils-disputed-labels'] }).map((f) => String(f.properties.label)));
    expect(labels.sort()).toEqual(['Habomai islets', 'Iturup (Etorofu)', 'Kunashir (Kunashiri)', 'Shikotan']);
    await screenshot(page, 'geography-kurils');
    await page.close();
  });
});
