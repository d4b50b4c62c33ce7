// Real-world event files, as analysts get them, through the mapping step in the real app: each
// imports with one confirmation, with the right dates, seen in the list and on the map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openReadyApp, screenshot } from './driver';

const FIXTURES = new URL('../fixtures/browser-import/', import.meta.url).pathname;

/** Dates and titles as the event list shows them, in list order. */
const listedEvents = (page: Page) => page.locator('.event-row').evaluateAll((rows) => rows.map((row) => row.textContent?.replace(/\s+/g, ' ').trim() ?? ''));

async function importThroughMapping(page: Page, file: string) {
  await page.getByTestId('import-input').setInputFiles(`${FIXTURES}${file}`);
  const dialog = page.getByRole('dialog', { name: /Which column is which/ });
  await dialog.waitFor();
  return dialog;
}

describe('importing files in other shapes through the mapping step', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('an ACLED export: columns, title template and categories are detected; one click imports it', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-06-01' });
    const dialog = await importThroughMapping(page, 'acled-export.csv');
    expect(await dialog.getByRole('combobox', { name: 'Date', exact: true }).locator('option:checked').innerText()).toBe('event_date');
    expect(await dialog.getByRole('combobox', { name: 'Latitude' }).locator('option:checked').innerText()).toBe('latitude');
    expect(await dialog.getByLabel('Title template').inputValue()).toBe('{sub_event_type|event_type} in {location}');
    expect(await dialog.innerText()).toContain('Read as D Month YYYY');
    await screenshot(page, 'import-mapping-acled');
    await dialog.getByRole('button', { name: /^Import/ }).click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.innerText()).toMatch(/Imported \d+ events from “acled-export.csv”/);
    // The report keeps the choices with the result: which column became which field.
    await report.getByText('Columns used').click();
    expect(await report.innerText()).toContain('Date ← “event_date”, read as D Month YYYY');
    await screenshot(page, 'import-acled-report');
    const listed = await listedEvents(page);
    expect(listed.some((row) => row.includes('26 Dec 2022') && row.includes('Disrupted weapons use in Gimpo'))).toBe(true);
    await page.close();
  });

  it('a spreadsheet with MM/DD/YYYY dates imports with the dates the spreadsheet meant', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-06-01' });
    const dialog = await importThroughMapping(page, 'spreadsheet-mdy.csv');
    expect(await dialog.innerText()).toContain('Read as MM/DD/YYYY');
    await dialog.getByRole('button', { name: 'Import 5 events' }).click();
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('Imported 5 events');
    await expect.poll(() => listedEvents(page).then((rows) => rows[0])).toContain('26 Dec 2022'); // the list renders deferred
    const listed = await listedEvents(page);
    expect(listed[0]).toContain('26 Dec 2022');
    expect(listed[0]).toContain('Drone incursion over Gimpo');
    expect(listed.at(-1)).toContain('13 Mar 2023');
    await page.close();
  });

  it('a semicolon-separated file with decimal commas and day-first dates', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-06-01' });
    const dialog = await importThroughMapping(page, 'semicolon-europe.csv');
    expect(await dialog.innerText()).toContain('semicolon-separated CSV');
    await screenshot(page, 'import-mapping-semicolon');
    await dialog.getByRole('button', { name: /^Import/ }).click();
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('Imported 5 events');
    await expect.poll(() => listedEvents(page).then((rows) => rows[0])).toContain('26 Dec 2022'); // the list renders deferred
    const listed = await listedEvents(page);
    expect(listed[0]).toContain('26 Dec 2022');
    expect(listed[1]).toContain('1 Jan 2023');
    // The first event is drawn where its decimal-comma coordinates say: Gimpo, not 0°, 0°.
    await page.locator('.event-row').first().click();
    await expect.poll(() => page.evaluate(() => window.tripwireStore!.getState().selectedEventId)).not.toBeNull();
    const drawnAt = await page.evaluate(() => {
      const id = window.tripwireStore!.getState().selectedEventId;
      return window.tripwireStore!.getState().events.find((event) => event.id === id)!.geometry.coordinates;
    });
    expect(drawnAt).toEqual([126.7156, 37.6153]);
    await page.close();
  });

  it('a kepler.gl-style file keeps the calendar day of each timestamp', async () => {
    const { page } = await openReadyApp(browser, { hash: 't=2023-06-01' });
    const dialog = await importThroughMapping(page, 'kepler-style.csv');
    await dialog.getByRole('button', { name: /^Import/ }).click();
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('Imported 5 events');
    // The list renders deferred (useDeferredValue): on a busy machine it can follow the report by a frame or two.
    await expect.poll(() => listedEvents(page).then((rows) => rows[0])).toContain('11 Jan 2023');
    const listed = await listedEvents(page);
    expect(listed[0]).toContain('11 Jan 2023');
    expect(listed[0]).toContain('Air raid drill in Seoul');
    await screenshot(page, 'import-kepler-done');
    await page.close();
  });
});
