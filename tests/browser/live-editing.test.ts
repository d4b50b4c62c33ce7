// Two analysts editing one shared scenario at once, in the real app against a real team server
// started in this process (the built app from dist/, PGlite in memory): alice owns the Baltic
// example, bob may edit it. What one adds reaches the other's list and map without a reload; a
// zone moved by one while the other renames the scenario leaves both changes on both screens and
// after a reload. (How fast is the bench's job: scripts/bench/team-server.mjs.) People sign in
// through the API, as the set-up of a test should; everything they do to the scenario is done in
// the page, as they would. Screenshots: test-output/live-editing-*.png.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { drawnEventIds, launchBrowser, pagePoint, screenshot, waitForMapIdle, waitForRender } from './driver';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson } from '../../src/server/accounts/people';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const BALTIC = new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url).pathname;
const PASSWORDS = { alice: 'alice-password-1', bob: 'bob-password-22' } as const;
type Person = keyof typeof PASSWORDS;
const ZONE = 'gulf-incident-area';
/** Inside the zone once bob has dragged its south-west corner from (24, 59.67) to (23.4, 59.35); outside it before. */
const ONLY_IN_MOVED_ZONE: [number, number] = [23.9, 59.6];

/** A 401 from `GET /api/session` while signed out is how the app learns it must sign in: not an error. */
const realErrors = (errors: string[]) => errors.filter((text) => !/status of 401/.test(text));

describe('two people editing one shared scenario at once', () => {
  let browser: Browser;
  let db: Database;
  let server: FastifyInstance;
  let base: string;
  let sharedId: string;
  const contexts: BrowserContext[] = [];
  const pages = {} as Record<Person, { page: Page; errors: string[]; streams: string[] }>;

  /** A person's own browser, signed in through the API (the context's cookie jar), on the shared scenario. */
  async function openAs(who: Person) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    const signedIn = await context.request.post(`${base}api/session`, { data: { username: who, password: PASSWORDS[who] } });
    expect(signedIn.status()).toBe(200);
    const page = await context.newPage();
    const errors: string[] = [];
    const streams: string[] = [];
    page.on('request', (request) => /\/stream$/.test(new URL(request.url()).pathname) && streams.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${base}s/${sharedId}`);
    await page.waitForFunction((id) => window.tripwireStore?.getState().openShared?.id === id, sharedId, { timeout: 30_000 });
    await waitForMapIdle(page);
    await page.waitForSelector('.event-row');
    pages[who] = { page, errors, streams };
    return context;
  }

  const titleOf = (page: Page) => page.evaluate(() => window.tripwireStore!.getState().scenario!.title);
  const zoneRing = (page: Page) =>
    page.evaluate((zone) => {
      const feature = window.tripwireStore!.getState().scenario!.layers.flatMap((layer) => layer.features).find((candidate) => candidate.properties.id === zone);
      return JSON.stringify(feature?.geometry);
    }, ZONE);
  /** Whether the map draws the zone at a lon/lat (as MapLibre rendered it, not as the store holds it). */
  const zoneDrawnAt = (page: Page, lngLat: [number, number]) =>
    page.evaluate(
      ({ lngLat, zone }) => {
        const map = window.tripwireMap!;
        return map.queryRenderedFeatures(map.project(lngLat), { layers: ['zones-fill'] }).some((feature) => feature.properties.id === zone);
      },
      { lngLat, zone: ZONE },
    );

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    for (const [username, password] of Object.entries(PASSWORDS)) await addPerson(db, { username, password, role: 'member' }, null);
    server = await buildApp({ db, distDir: DIST });
    base = `${(await server.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost')}/`;
    browser = await launchBrowser();

    // Set-up through the API: alice publishes the Baltic example and lets bob edit it.
    const setUp = await browser.newContext();
    contexts.push(setUp);
    await setUp.request.post(`${base}api/session`, { data: { username: 'alice', password: PASSWORDS.alice } });
    const { csrfToken } = (await (await setUp.request.get(`${base}api/session`)).json()) as { csrfToken: string };
    const published = await setUp.request.post(`${base}api/scenarios`, { headers: { 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' }, data: readFileSync(BALTIC, 'utf8') });
    expect(published.status()).toBe(201);
    sharedId = ((await published.json()) as { id: string }).id;
    const shared = await setUp.request.put(`${base}api/scenarios/${sharedId}/members/bob`, { headers: { 'X-CSRF-Token': csrfToken }, data: { role: 'editor' } });
    expect(shared.status()).toBe(200);

    await openAs('alice');
    await openAs('bob');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('alice adds an event; bob sees it in his list and on his map without reloading', async () => {
    const { page: alice } = pages.alice;
    const { page: bob } = pages.bob;
    // One live stream per page, for the edits and presence alike: a browser keeps six connections
    // per server across its tabs, and two streams a page took them all in three tabs.
    await bob.locator('[data-testid="presence"]').waitFor();
    for (const { streams } of Object.values(pages)) expect(streams).toEqual([`${base}api/scenarios/${sharedId}/stream`]);
    await alice.getByRole('button', { name: 'Add event' }).click();
    const form = alice.getByRole('dialog', { name: 'Add event' });
    await form.getByLabel('Title').fill('Anchor drag marks found near the cable');
    await form.getByLabel('Date', { exact: false }).first().fill('2023-11-02');
    await form.getByLabel('Longitude', { exact: false }).fill('24.9');
    await form.getByLabel('Latitude').fill('59.75');
    await form.getByRole('button', { name: 'Save' }).click();
    const added = await alice.waitForFunction(() => window.tripwireStore!.getState().events.find((event) => event.title === 'Anchor drag marks found near the cable')?.id, undefined, { timeout: 15_000 });
    const addedId = (await added.jsonValue()) as string;

    // Bob's page hears of it on the live stream: his list and his map draw it, nothing reloaded.
    await expect.poll(() => bob.locator('.event-row').allInnerTexts().then((rows) => rows.join('\n')), { timeout: 15_000 }).toContain('Anchor drag marks found near the cable');
    await expect.poll(() => waitForRender(bob).then(() => drawnEventIds(bob)), { timeout: 10_000 }).toContain(addedId);
    await screenshot(bob, 'live-editing-bob-sees-alice-event-1280x720');
  });

  it('bob moves a zone while alice renames the scenario: both changes on both screens, and after a reload', async () => {
    const { page: alice } = pages.alice;
    const { page: bob } = pages.bob;
    const before = await zoneRing(bob);
    expect(await zoneDrawnAt(bob, ONLY_IN_MOVED_ZONE)).toBe(false);

    const bobMovesTheZone = async () => {
      const inside = await pagePoint(bob, [25.2, 59.9]);
      await bob.mouse.click(inside.x, inside.y);
      const edit = bob.getByRole('navigation', { name: 'Edit this geography' });
      await edit.getByRole('button', { name: 'Edit shape' }).click();
      await bob.waitForFunction(() => window.tripwireStore!.getState().drawing === true);
      await waitForRender(bob);
      const corner = await pagePoint(bob, [24, 59.67]);
      const target = await pagePoint(bob, [23.4, 59.35]);
      await bob.mouse.move(corner.x, corner.y);
      await bob.mouse.down();
      await bob.mouse.move(target.x, target.y, { steps: 12 });
      await bob.mouse.up();
      await edit.getByRole('button', { name: 'Save shape' }).click();
    };
    const aliceRenames = async () => {
      await alice.getByRole('button', { name: 'Scenarios…' }).click();
      const dialog = alice.getByRole('dialog', { name: 'Scenarios' });
      await dialog.getByText('Edit title, “as of” date and source').click();
      const details = dialog.getByRole('form', { name: 'Scenario details' });
      await details.getByLabel('Scenario title').fill('Baltic cable incidents — desk working copy');
      await details.getByRole('button', { name: 'Save details' }).click();
      await dialog.getByText('Details saved.').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
    };
    await Promise.all([bobMovesTheZone(), aliceRenames()]);

    const bothChanges = async (page: Page) => ({
      title: await titleOf(page),
      heading: await page.locator('h1').innerText(),
      moved: (await zoneRing(page)) !== before,
      drawn: await waitForRender(page).then(() => zoneDrawnAt(page, ONLY_IN_MOVED_ZONE)),
    });
    const expected = { title: 'Baltic cable incidents — desk working copy', heading: expect.stringContaining('Baltic cable incidents — desk working copy'), moved: true, drawn: true };
    for (const page of [alice, bob]) await expect.poll(() => bothChanges(page), { timeout: 20_000 }).toEqual(expected);
    expect(await zoneRing(alice)).toBe(await zoneRing(bob));
    await screenshot(alice, 'live-editing-alice-sees-both-1280x720');

    // The server kept both: each page, reloaded, reads them back.
    for (const page of [alice, bob]) {
      await page.reload();
      await page.waitForFunction((id) => window.tripwireStore?.getState().openShared?.id === id, sharedId, { timeout: 30_000 });
      await waitForMapIdle(page);
      await expect.poll(() => bothChanges(page), { timeout: 20_000 }).toEqual(expected);
      expect(await page.locator('.event-row').allInnerTexts().then((rows) => rows.join('\n'))).toContain('Anchor drag marks found near the cable');
    }
    // Each change says who made it.
    const journal = (await (await alice.context().request.get(`${base}api/scenarios/${sharedId}/edits?after=0`)).json()) as { entries: { author: string; edits: { after: { id: string } | null }[] }[] };
    const authorOf = (recordId: string) => journal.entries.filter((entry) => entry.edits.some((edit) => edit.after?.id === recordId)).map((entry) => entry.author);
    expect(authorOf('(details)')).toEqual(['alice']);
    expect(authorOf(`(feature)${ZONE}`)).toEqual(['bob']);
    for (const { errors } of Object.values(pages)) expect(realErrors(errors)).toEqual([]);
  });
});
