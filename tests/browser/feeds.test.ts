// Feeds in the real app against a real team server in this process (the built app, PGlite in
// memory) and a feed served by a node:http server: the admin lists the feed's address in the
// shared library, follows it into a new event set of the shared scenario, and the server's poll
// (driven here with pollDue) brings its events onto the page without a reload; a broken feed then
// shows its error in plain words and the events stay. Screenshots: test-output/feeds-*.png.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, screenshot, waitForMapIdle } from './driver';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson } from '../../src/server/accounts/people';
import { pollDue } from '../../src/server/feeds/feed-poller';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const PASSWORD = 'alice-password-1';
const FEED_CSV = ['id,date,title,category,actors,status,lon,lat', 'feed-patrol-seen,2024-03-01,Patrol boat seen off Hanko,military-activity,,reported,22.9,59.8'].join('\n');

describe('a feed keeps a shared scenario current', () => {
  let browser: Browser;
  let db: Database;
  let server: FastifyInstance;
  let feedServer: Server;
  let feedUrl = '';
  let feedAnswer = { status: 200, body: FEED_CSV };
  let base: string;
  let page: Page;
  let clock = Date.now();

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    await addPerson(db, { username: 'alice', password: PASSWORD, role: 'admin' }, null);
    server = await buildApp({ db, distDir: DIST });
    base = `${(await server.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost')}/`;
    feedServer = createServer((_request, response) => response.writeHead(feedAnswer.status, { 'content-type': 'text/csv' }).end(feedAnswer.body));
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/patrols.csv`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
    await new Promise((resolve) => feedServer?.close(resolve));
  });

  const dialog = () => page.getByRole('dialog', { name: 'Scenarios' });
  const openDialog = async () => {
    // On a phone the header's actions are in its menu.
    if ((page.viewportSize()?.width ?? 1280) < 600) await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    await dialog().getByRole('heading', { name: 'Feeds' }).waitFor();
  };
  const feedsSection = () => dialog().locator('.feeds-section');
  /** Every due follow polled, as the server's minute tick would (each later than the last). */
  const poll = () => pollDue(db, new Date((clock += 60 * 60_000)));
  const eventSet = (name: string) => page.evaluate((name) => window.tripwireStore!.getState().eventSets.find((set) => set.name === name)?.events.map((event) => event.title) ?? null, name);

  it('the admin lists a feed, follows it into a new event set, and its events arrive without a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && !/status of 401/.test(message.text()) && errors.push(message.text()));
    await page.goto(base);
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForFunction(() => window.tripwireStore?.getState().teamUser?.username === 'alice', null, { timeout: 30_000 });
    await waitForMapIdle(page);

    await openDialog();
    // Before anything is open on the server, the admin sees only the list of addresses.
    await dialog().getByRole('button', { name: 'Publish to team' }).click();
    await page.waitForFunction(() => window.tripwireStore?.getState().openShared?.access === 'owner', null, { timeout: 30_000 });

    await openDialog();
    const add = feedsSection().getByRole('form', { name: 'Add a feed' });
    await add.getByLabel('Name').fill('Patrol sightings');
    await add.getByLabel('Address').fill(feedUrl);
    await add.getByLabel('every').fill('5');
    await add.getByRole('button', { name: 'Add feed' }).click();
    await feedsSection().getByRole('list', { name: 'Listed feeds' }).getByText(feedUrl).waitFor();

    const follow = feedsSection().getByRole('form', { name: 'Follow a feed' });
    expect(await follow.getByLabel('into').inputValue()).toBe('(new)');
    await follow.getByRole('button', { name: 'Follow' }).click();
    const follows = feedsSection().getByRole('list', { name: 'Feeds the open scenario follows' });
    await follows.getByText('Waiting for its first update').waitFor({ timeout: 15_000 });
    expect(await follows.innerText()).toContain('Patrol sightings — from the feed Patrol sightings');
    expect(await eventSet('Patrol sightings')).toEqual([]);

    expect(await poll()).toEqual([expect.objectContaining({ added: 1, error: null })]);
    // The live stream brings the feed's entry: no reload.
    await expect.poll(() => eventSet('Patrol sightings'), { timeout: 15_000 }).toEqual(['Patrol boat seen off Hanko']);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await openDialog();
    await feedsSection().getByText(/Up to date as of/).waitFor({ timeout: 10_000 });
    await screenshot(page, 'feeds-1280x720');
    expect((await new AxeBuilder({ page }).include('.feeds-section').analyze()).violations.map((violation) => violation.id)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a broken feed shows its error in plain words, and its events stay', async () => {
    feedAnswer = { status: 200, body: `${FEED_CSV}\nfeed-bad,not a date,Broken row,military-activity,,reported,22,59` };
    expect(await poll()).toEqual([expect.objectContaining({ error: expect.stringMatching(/line 3, column "date"/) })]);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await openDialog();
    const broken = feedsSection().locator('.feed-status.is-broken');
    await broken.waitFor({ timeout: 10_000 });
    expect(await broken.innerText()).toMatch(/^Not updated just now: The feed could not be read \(1 problem\): line 3, column "date": .* What is there is unchanged; last good update just now\.$/);
    expect(await eventSet('Patrol sightings')).toEqual(['Patrol boat seen off Hanko']);
    await broken.scrollIntoViewIfNeeded();
    await screenshot(page, 'feeds-broken-390x844');
  });
});
