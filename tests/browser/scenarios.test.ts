// Scenarios are documents: a hand-written one opens and replaces the article everywhere; a broken
// one changes nothing; edits (to a copy of the built-in scenario) survive a reload, undo, and
// reach a second tab.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { exportPng, launchBrowser, drawnEventIds, openReadyApp, renderedIds, screenshot, waitForMapIdle, waitForRender } from './driver';

const BALTIC = new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url).pathname;
const balticJson = () => JSON.parse(readFileSync(BALTIC, 'utf8')) as { events: { features: { geometry: { coordinates: number[] } }[] } };
const asFile = (name: string, json: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });

/** Words of the article that must not appear once another scenario is open. */
const ARTICLE_WORDS = /Newsweek|Korea|Putin|Kuril|KADIZ/;

const state = (page: Page) =>
  page.evaluate(() => {
    const { scenario, scenarioStored, eventSets, events, history } = window.tripwireStore!.getState();
    return { id: scenario?.id, title: scenario?.title, stored: scenarioStored, events: events.map((event) => event.title), sets: eventSets.length, undoable: history.past.length };
  });

async function openScenarioFile(page: Page, file: string | ReturnType<typeof asFile>) {
  await page.getByLabel('Open scenario file').setInputFiles(file);
}

async function addEvent(page: Page, { title, date, lon, lat }: { title: string; date: string; lon: string; lat: string }) {
  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add event' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Date', { exact: false }).first().fill(date);
  await form.getByLabel('Longitude', { exact: false }).fill(lon);
  await form.getByLabel('Latitude').fill(lat);
  await form.getByRole('button', { name: 'Save' }).click();
}

describe('scenario documents', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('a hand-written scenario opens: header, list, map, view picker and exported image show it and nothing of the article', async () => {
    const { page, consoleErrors } = await openReadyApp(browser);
    await openScenarioFile(page, BALTIC);
    await expect.poll(() => state(page).then((now) => now.id), { timeout: 30_000 }).toBe('baltic-cable-incidents-2023-2024');
    await waitForMapIdle(page);
    await waitForRender(page);

    expect(await page.locator('h1').innerText()).toContain('Baltic Sea cable incidents 2023–2024');
    expect(await page.locator('.app-header').innerText()).not.toMatch(ARTICLE_WORDS);
    expect(await page.getByRole('navigation', { name: 'Named views' }).innerText()).toBe('Gulf of Finland');
    const list = await page.locator('.event-row').allInnerTexts();
    expect(list).toHaveLength(2);
    expect(list.join(' ')).toContain('Balticconnector');
    expect(await page.getByTestId('legend').innerText()).not.toMatch(/Air Defense|Kuril|Rason/);
    // The map draws the document's zone and events, and no layer of the article exists.
    expect(await renderedIds(page, ['zones-fill'])).toEqual(['gulf-incident-area']);
    expect(await drawnEventIds(page)).toEqual(['balticconnector-damage-2023-10', 'estlink-2-damage-2024-12']);
    expect(await page.evaluate(() => Boolean(window.tripwireMap!.getLayer('adiz-fill')))).toBe(false);
    await screenshot(page, 'scenario-baltic-1280x720');

    const png = await exportPng(page, { size: { width: 1280, height: 720 }, pixelRatio: 1, title: 'Baltic briefing', handling: '', permalinkBase: '' });
    expect(png.length).toBeGreaterThan(10_000);
    // With no title of its own, an image is titled with the scenario's.
    const model = await page.evaluate(async () => (await window.tripwireExport!.render({ size: { width: 800, height: 450 }, pixelRatio: 1, title: ' ', handling: '', permalinkBase: '' })).model);
    expect(model.title).toBe('Baltic Sea cable incidents 2023–2024');
    expect(model.sources.join(' ')).toContain('Tripwire example');
    expect([model.title, model.altText, ...model.sources].join(' ')).not.toMatch(ARTICLE_WORDS);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('a broken scenario file is refused with located errors, and the scenario on screen is unchanged', async () => {
    const { page } = await openReadyApp(browser);
    const before = await state(page);
    const broken = balticJson();
    broken.events.features[1]!.geometry.coordinates[1] = 95;
    await openScenarioFile(page, asFile('broken.tripwire.json', broken));
    const report = page.getByTestId('scenario-report');
    await expect.poll(() => report.count(), { timeout: 30_000 }).toBe(1);
    const text = await report.innerText();
    expect(text).toContain('“broken.tripwire.json” was not opened: 1 problem');
    expect(text).toContain('events › features[1] (id "estlink-2-damage-2024-12") › geometry.coordinates[1]');
    expect(text).toContain('latitude must be within −90…90');
    expect(await state(page)).toEqual(before);
    expect(await page.locator('h1').innerText()).toContain('Russia–North Korea');
    await page.close();
  });

  it('an event added through "Add event" goes into a copy of the built-in scenario, survives a reload, and undo removes it', async () => {
    const { page } = await openReadyApp(browser);
    await addEvent(page, { title: 'Test convoy near Rason', date: '2023-01-05', lon: '130.3', lat: '42.25' });
    await expect.poll(() => state(page).then((now) => now.events.includes('Test convoy near Rason')), { timeout: 20_000 }).toBe(true);
    const copy = await state(page);
    expect(copy.title).toBe('Russia–North Korea ties and the balance of power in East Asia (copy)');
    expect(copy.stored).toBe(true);
    // The link names the copy (the hash is written a moment after the change).
    await expect.poll(() => page.url()).toContain('s=russia-north-korea-2023-copy');
    await screenshot(page, 'scenario-added-event');

    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => state(page).then((now) => now.events.includes('Test convoy near Rason')), { timeout: 20_000 }).toBe(true);
    expect((await state(page)).id).toBe('russia-north-korea-2023-copy');

    await page.keyboard.press('Control+z');
    await expect.poll(() => state(page).then((now) => now.events.includes('Test convoy near Rason'))).toBe(false);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => state(page).then((now) => now.events.includes('Test convoy near Rason'))).toBe(true);

    // The original is always there: opening the built-in scenario shows the article as shipped.
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scenarios' });
    await expect.poll(() => dialog.getByRole('list', { name: 'Scenario library' }).innerText()).toContain('(copy)');
    await dialog.getByRole('listitem').filter({ hasText: 'Built-in scenario' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => state(page).then((now) => now.title)).toBe('Russia–North Korea ties and the balance of power in East Asia');
    expect((await state(page)).events).toHaveLength(37);
    await page.close();
  });

  it('a form with a bad date and no position says what is wrong beside each field and saves nothing', async () => {
    const { page } = await openReadyApp(browser);
    await addEvent(page, { title: 'Half-filled', date: '2023-02-30', lon: '', lat: '' });
    const form = page.getByRole('dialog', { name: 'Add event' });
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('Not saved');
    expect(await form.locator('#event-form-date-issue').innerText()).toContain('must be a real date');
    expect(await form.locator('#event-form-longitude-issue').innerText()).toContain('type it, or click the map');
    expect((await state(page)).events).toHaveLength(37);
    expect((await state(page)).stored).toBe(false);
    await page.close();
  });

  it('two tabs editing the same scenario stay consistent', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const first = await context.newPage();
    await first.goto(inject('baseUrl'));
    await waitForMapIdle(first);
    await openScenarioFile(first, BALTIC);
    await expect.poll(() => state(first).then((now) => now.stored), { timeout: 30_000 }).toBe(true);
    // The second tab opens the first one's link, which names the scenario.
    await expect.poll(() => first.url()).toContain('s=baltic-cable-incidents-2023-2024');
    const second = await context.newPage();
    await second.goto(first.url());
    await waitForMapIdle(second);
    await expect.poll(() => state(second).then((now) => now.id), { timeout: 30_000 }).toBe('baltic-cable-incidents-2023-2024');

    await addEvent(first, { title: 'Anchor drag reported', date: '2024-11-18', lon: '20.5', lat: '57.5' });
    await addEvent(second, { title: 'Patrol vessel on scene', date: '2024-12-26', lon: '25.4', lat: '59.8' });
    const both = ['Anchor drag reported', 'Patrol vessel on scene'];
    for (const page of [first, second]) await expect.poll(() => state(page).then((now) => both.every((title) => now.events.includes(title))), { timeout: 20_000 }).toBe(true);
    // Deleted in one tab, gone in the other; the newer edit wins.
    await second.locator('.event-row', { hasText: 'Anchor drag reported' }).click();
    await second.getByRole('button', { name: 'Delete' }).click();
    for (const page of [first, second]) await expect.poll(() => state(page).then((now) => now.events.includes('Anchor drag reported')), { timeout: 20_000 }).toBe(false);
    expect((await state(first)).events).toEqual((await state(second)).events);
    await context.close();
  });

  it('a link to a scenario this browser does not have says so instead of silently showing the article', async () => {
    const { page } = await openReadyApp(browser, { hash: 's=someone-elses-scenario&t=2023-01-11' });
    await expect.poll(() => page.locator('.notices').innerText()).toContain('“someone-elses-scenario”, which is not in this browser');
    await page.close();
  });

  it('a ?scenario= link to a document that fails its checks names where, and the built-in scenario works behind it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const broken = balticJson();
    broken.events.features[0]!.geometry.coordinates[0] = 200;
    // Served from the app's own origin, as a deployment would serve its scenarios.
    await page.route('**/shared/broken.tripwire.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }));
    await page.goto(`${inject('baseUrl')}?scenario=shared/broken.tripwire.json`);
    const alert = page.locator('.load-issues');
    await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(1);
    expect(await alert.innerText()).toContain('shared/broken.tripwire.json › events › features[0]');
    // Behind it, not an empty page: the built-in scenario, its map, list and timeline.
    await waitForMapIdle(page);
    await page.waitForSelector('.event-row');
    expect(await page.locator('h1').innerText()).toContain('Russia–North Korea');
    expect((await state(page)).events.length).toBeGreaterThan(30);
    expect(await page.getByTestId('timeline-date').innerText()).not.toContain('1970');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => alert.count()).toBe(0);
    await context.close();
  });

  it('a new scenario from the current view is renamed, given an event, saved as a file, and that file opens again', async () => {
    const { page } = await openReadyApp(browser);
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scenarios' });
    await dialog.getByRole('button', { name: 'New from current view' }).click();
    await expect.poll(() => state(page).then((now) => now.title)).toBe('Untitled scenario');
    expect((await state(page)).events).toEqual([]);
    // The article's layers come along; its events and source text do not.
    expect(await page.getByTestId('legend').innerText()).toContain('Air Defense Identification Zones');

    await page.getByRole('button', { name: 'Scenarios…' }).click();
    await dialog.getByText('Edit title, “as of” date and source').click();
    const details = dialog.getByRole('form', { name: 'Scenario details' });
    await details.getByLabel('Scenario title').fill('Korea Strait watch');
    await details.getByLabel('As of', { exact: false }).fill('2024-06-30');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain('Korea Strait watch');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await addEvent(page, { title: 'Ferry diverted', date: '2024-06-12', lon: '129.2', lat: '34.6' });
    await expect.poll(() => state(page).then((now) => now.events)).toEqual(['Ferry diverted']);

    await page.getByRole('button', { name: 'Scenarios…' }).click();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save scenario' }).click();
    const file = await (await download).path();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { title: string; publishedDate: string; layers: { id: string }[]; events: { features: { properties: { title: string } }[] } };
    expect(saved.title).toBe('Korea Strait watch');
    expect(saved.publishedDate).toBe('2024-06-30');
    expect(saved.layers.map((layer) => layer.id)).toContain('adiz');
    expect(saved.events.features.map((feature) => feature.properties.title)).toEqual(['Ferry diverted']);

    // Opened in a fresh browser, the file is the same scenario.
    const other = await openReadyApp(browser);
    await openScenarioFile(other.page, { name: 'korea-strait.tripwire.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await expect.poll(() => state(other.page).then((now) => now.title), { timeout: 30_000 }).toBe('Korea Strait watch');
    expect((await state(other.page)).events).toEqual(['Ferry diverted']);
    await other.page.close();
    await page.close();
  });
});
