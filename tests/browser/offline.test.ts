// Editing a shared scenario while the team server is away (issue 26, "offline and crashes lose
// nothing"), in the real app against a real server in this process (the built app from dist/, PGlite
// in memory) that is stopped and started again on its port: the header says how many edits wait,
// they reach the server once it is back, and an edit left in a closed tab's outbox (IndexedDB) is
// sent when its person next opens the app. Screenshots: test-output/offline-*.png.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, screenshot, waitForMapIdle } from './driver';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson } from '../../src/server/accounts/people';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const BALTIC = new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url).pathname;
const PASSWORD = 'alice-password-1';

describe('editing a shared scenario while the server is away', () => {
  let browser: Browser;
  let context: BrowserContext;
  let db: Database;
  let server: FastifyInstance | null = null;
  let port = 0;
  let base = '';
  let sharedId = '';

  const startServer = async () => {
    server = await buildApp({ db, distDir: DIST });
    port = Number(new URL(await server.listen({ port, host: '127.0.0.1' })).port);
  };
  /** The server goes away: its port refuses, its streams end. */
  const stopServer = async () => {
    server!.server.closeAllConnections();
    await server!.close();
    server = null;
  };
  /** What axe-core finds wrong with the save status (its contrast, its role), as "rule: elements". */
  const statusViolations = async (page: Page) =>
    (await new AxeBuilder({ page }).include('.save-status').analyze()).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
  const status = (page: Page) => page.getByRole('status').filter({ hasText: /saved|Saving|Offline/ });
  const journalTitles = async () => {
    const journal = (await (await context.request.get(`${base}api/scenarios/${sharedId}/edits?after=0`)).json()) as { entries: { id: string; edits: { after: { title?: string } | null }[] }[] };
    return journal.entries.flatMap((entry) => entry.edits.map((edit) => edit.after?.title ?? ''));
  };

  async function openShared() {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${base}s/${sharedId}`);
    await page.waitForFunction((id) => window.tripwireStore?.getState().openShared?.id === id, sharedId, { timeout: 30_000 });
    await waitForMapIdle(page);
    return page;
  }

  async function addEvent(page: Page, title: string) {
    await page.getByRole('button', { name: 'Add event' }).click();
    const form = page.getByRole('dialog', { name: 'Add event' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Date', { exact: false }).first().fill('2023-11-02');
    await form.getByLabel('Longitude', { exact: false }).fill('24.9');
    await form.getByLabel('Latitude').fill('59.75');
    await form.getByRole('button', { name: 'Save' }).click();
  }

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    await addPerson(db, { username: 'alice', password: PASSWORD, role: 'member' }, null);
    await startServer();
    base = `http://localhost:${port}/`;
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.request.post(`${base}api/session`, { data: { username: 'alice', password: PASSWORD } });
    const { csrfToken } = (await (await context.request.get(`${base}api/session`)).json()) as { csrfToken: string };
    const published = await context.request.post(`${base}api/scenarios`, { headers: { 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' }, data: readFileSync(BALTIC, 'utf8') });
    expect(published.status()).toBe(201);
    sharedId = ((await published.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('says how many edits wait while the server is away, and that all are saved once it is back', async () => {
    const page = await openShared();
    await expect.poll(() => status(page).innerText()).toBe('All changes saved');

    await stopServer();
    await addEvent(page, 'Made while the server was away');
    await addEvent(page, 'Made while the server was still away');
    await expect.poll(() => status(page).innerText(), { timeout: 15_000 }).toBe('Offline — 2 edits waiting');
    await screenshot(page, 'offline-edits-waiting-1280x720');
    expect(await statusViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the short form shows (a screen reader still reads the sentence), inside the header.
    await expect.poll(() => page.locator('.save-status-short').innerText()).toBe('Offline · 2');
    expect(await status(page).getAttribute('aria-live')).toBe('polite');
    const box = await page.locator('.save-status-short').boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'offline-edits-waiting-390x844');
    expect(await statusViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });

    await startServer();
    await expect.poll(() => status(page).innerText(), { timeout: 30_000 }).toBe('All changes saved');
    const titles = await journalTitles();
    expect(titles.filter((title) => title.startsWith('Made while the server was'))).toEqual(['Made while the server was away', 'Made while the server was still away']);
    await screenshot(page, 'offline-all-saved-1280x720');
    expect(await statusViolations(page)).toEqual([]);
    await page.close();
  });

  it('an edit left waiting in a tab closed while the server was away is sent when the app is next opened', async () => {
    const page = await openShared();
    await stopServer();
    await addEvent(page, 'Left in a closed tab');
    await expect.poll(() => status(page).innerText(), { timeout: 15_000 }).toBe('Offline — 1 edit waiting');
    await page.close();

    await startServer();
    const next = await openShared();
    await expect.poll(() => status(next).innerText(), { timeout: 30_000 }).toBe('All changes saved');
    expect((await journalTitles()).filter((title) => title === 'Left in a closed tab')).toHaveLength(1);
    // The page hears of it as of any edit the server takes.
    await next.waitForFunction(() => window.tripwireStore!.getState().events.some((event) => event.title === 'Left in a closed tab'), undefined, { timeout: 15_000 });
  });
});
