// Imports survive a reload (IndexedDB), large ones included; version 1's localStorage imports
// move over once; without storage the app says so and keeps working; Cancel changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openReadyApp, screenshot } from './driver';

const FIXTURES = new URL('../fixtures/browser-import/', import.meta.url).pathname;

/** 20,000 events (past the GPU layer's threshold) under a header Tripwire does not know. */
const largeMappedCsv = () => {
  const rows = Array.from({ length: 20_000 }, (_, index) => {
    const day = new Date(Date.UTC(2021, 0, 1 + (index % 700)));
    const written = `${day.getUTCDate()}/${day.getUTCMonth() + 1}/${day.getUTCFullYear()}`; // day-first, settled by days > 12
    return `${written},Patrol ${index},${(35 + ((index * 7) % 60) / 10).toFixed(2)},${(126 + (index % 50) / 10).toFixed(2)}`;
  });
  return { name: 'patrols.csv', mimeType: 'text/csv', buffer: Buffer.from(['When,What,Latitude,Longitude', ...rows].join('\n')) };
};

const waitForReady = (page: Page) => page.waitForFunction(() => window.tripwireStore?.getState().status === 'ready', undefined, { timeout: 60_000 });
const eventSetNames = (page: Page) => page.evaluate(() => window.tripwireStore!.getState().eventSets.map((set) => `${set.name}:${set.events.length}`));

describe('imports kept in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a 20,000-row CSV imports with a progress bar and comes back after a reload, drawn by the GPU layer', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    await page.getByTestId('import-input').setInputFiles(largeMappedCsv());
    const dialog = page.getByRole('dialog', { name: /Which column is which/ });
    await dialog.waitFor();
    // While the user decides, the import shows where it is, with a way out.
    const progress = page.getByTestId('import-progress');
    expect(await progress.getByRole('progressbar').count()).toBe(1);
    expect(await progress.getByRole('button', { name: 'Cancel' }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Import 20,000 events' }).click();
    await expect.poll(() => page.getByTestId('import-report').innerText(), { timeout: 90_000 }).toContain('Imported 20,000 events');
    // Saving runs after the events are shown; the progress panel goes when it is done.
    await expect.poll(() => progress.count(), { timeout: 90_000 }).toBe(0);
    await screenshot(page, 'import-20000-done');

    await page.reload();
    await waitForReady(page);
    await expect.poll(() => eventSetNames(page), { timeout: 60_000 }).toContain('patrols.csv:20000');
    await expect.poll(() => page.getByText('20,000 of 20,000 events').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => Boolean(window.tripwireMap?.getLayer('event-points-gpu'))), { timeout: 60_000 }).toBe(true);
    const first = await page.evaluate(() => window.tripwireStore!.getState().events[0]!.date);
    expect(first).toBe('2021-01-01');

    // Removed, it is gone from the browser too: the next reload does not bring it back.
    await page.getByRole('group', { name: 'Event sets shown' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => eventSetNames(page)).not.toContain('patrols.csv:20000');
    await page.reload();
    await waitForReady(page);
    await page.waitForSelector('.event-row');
    await page.waitForFunction(() => window.tripwireStore!.getState().backgroundTask === null);
    expect(await eventSetNames(page)).toEqual(['Newsweek article:37']);
    await page.close();
  });

  it('an import stored by an older version is rebuilt from its file, with the mapping chosen then', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-06-01' });
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}spreadsheet-mdy.csv`);
    await page.getByRole('dialog', { name: /Which column is which/ }).getByRole('button', { name: /^Import/ }).click();
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('Imported 5 events');
    // As if an older Tripwire had stored it: its events in another shape, which must not be trusted.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const opening = indexedDB.open('tripwire');
          opening.onsuccess = () => {
            const transaction = opening.result.transaction(['imports', 'importChunks'], 'readwrite');
            const imports = transaction.objectStore('imports');
            const reading = imports.get('import-spreadsheet-mdy-csv');
            reading.onsuccess = () => imports.put({ ...reading.result, eventsVersion: 0 });
            transaction.objectStore('importChunks').clear();
            transaction.oncomplete = () => {
              opening.result.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload();
    await waitForReady(page);
    await expect.poll(() => eventSetNames(page), { timeout: 60_000 }).toContain('spreadsheet-mdy.csv:5');
    // The remembered month-first order, not the day-first default: 12/26/2022 is 26 December.
    expect(await page.evaluate(() => window.tripwireStore!.getState().eventSets.find((set) => set.imported)!.events[0]!.date)).toBe('2022-12-26');
    await page.close();
  });

  it('the mapping confirmed for a header is offered again for the next file with that header', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-06-01' });
    let dialog = await (async () => {
      await page.getByTestId('import-input').setInputFiles(`${FIXTURES}kepler-style.csv`);
      return page.getByRole('dialog', { name: /Which column is which/ });
    })();
    await dialog.getByRole('combobox', { name: 'Place' }).selectOption({ label: 'name' });
    await dialog.getByRole('button', { name: /^Import/ }).click();
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('Imported 5 events');
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}kepler-style.csv`);
    dialog = page.getByRole('dialog', { name: /Which column is which/ });
    await expect.poll(() => dialog.innerText()).toContain('These are the choices you confirmed for this header');
    expect(await dialog.getByRole('combobox', { name: 'Place' }).locator('option:checked').innerText()).toBe('name');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('Cancel in the mapping step imports nothing', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-01-11' });
    await page.getByTestId('import-input').setInputFiles(`${FIXTURES}kepler-style.csv`);
    const dialog = page.getByRole('dialog', { name: /Which column is which/ });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('cancelled. Nothing was changed');
    expect(await page.locator('.event-row').count()).toBe(37);
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    await page.close();
  });

  it("version 1's imports in localStorage move to the browser database once, and nothing is lost", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const text = 'date,title,lon,lat,category\n2022-03-01,Old saved import,131.9,43.1,diplomacy\n';
    await page.addInitScript((text) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      const state = { importedFiles: [{ id: 'import-old-csv', name: 'old.csv', text }], activeScenarioIds: ['article', 'import-old-csv'], mode: 'cumulative' }; // as version 1 wrote it
      localStorage.setItem('tripwire', JSON.stringify({ state, version: 1 }));
    }, text);
    await page.goto(`${inject('baseUrl')}#t=2023-01-11`);
    await waitForReady(page);
    await expect.poll(() => eventSetNames(page), { timeout: 60_000 }).toContain('old.csv:1');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('tripwire-legacy-imports'))).toBeNull();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('tripwire')!).state.importedFiles)).toBeUndefined();
    await page.reload();
    await waitForReady(page);
    await expect.poll(() => eventSetNames(page), { timeout: 60_000 }).toContain('old.csv:1');
    expect(await page.locator('.event-row').filter({ hasText: 'Old saved import' }).count()).toBe(1);
    await page.close();
  });

  it('with IndexedDB blocked, an import still works and the app says once that it will not be kept', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(() => {
      Object.defineProperty(IDBFactory.prototype, 'open', {
        value: () => {
          throw new DOMException('IndexedDB is blocked by policy', 'SecurityError');
        },
      });
    });
    await page.goto(`${inject('baseUrl')}#t=2023-01-11`);
    await waitForReady(page);
    await page.waitForSelector('.event-row');
    for (const file of ['incidents.csv', 'kepler-style.csv']) {
      await page.getByTestId('import-input').setInputFiles(`${FIXTURES}${file}`);
      if (file === 'kepler-style.csv') await page.getByRole('dialog', { name: /Which column is which/ }).getByRole('button', { name: /^Import/ }).click();
      await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('Imported');
    }
    await expect.poll(() => page.getByTestId('notices').innerText()).toContain('Imports cannot be saved for next time');
    expect((await page.getByTestId('notices').innerText()).match(/cannot be saved/g)).toHaveLength(1);
    await screenshot(page, 'import-no-storage');
    expect(errors).toEqual([]);
    await page.close();
  });
});
