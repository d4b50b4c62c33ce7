// Presence in the real app against a real team server started in this process (the built app from
// dist/, PGlite in memory): alice owns the Baltic example, bob and carol may view it, each in their
// own browser. Alice's header says who else is there; when bob selects an event, alice's list
// marks its row with his initials and her map rings it; carol's phone shows a count; bob leaving
// takes him away. Screenshots: test-output/presence-*.png.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { launchBrowser, screenshot, waitForMapIdle, waitForRender } from './driver';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson } from '../../src/server/accounts/people';
import { PRESENCE_RING_LAYER } from '../../src/layers/presence';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const BALTIC = new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url).pathname;
const PASSWORDS = { alice: 'alice-password-1', bob: 'bob-password-22', carol: 'carol-password-333' } as const;
type Person = keyof typeof PASSWORDS;

describe('who else is on a shared scenario, and what they have selected', () => {
  let browser: Browser;
  let db: Database;
  let server: FastifyInstance;
  let base: string;
  let sharedId: string;
  const contexts = {} as Record<Person, BrowserContext>;
  const pages = {} as Record<Person, { page: Page; errors: string[] }>;

  async function openAs(who: Person, viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport });
    contexts[who] = context;
    expect((await context.request.post(`${base}api/session`, { data: { username: who, password: PASSWORDS[who] } })).status()).toBe(200);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${base}s/${sharedId}`);
    await page.waitForFunction((id) => window.tripwireStore?.getState().openShared?.id === id, sharedId, { timeout: 30_000 });
    await waitForMapIdle(page);
    pages[who] = { page, errors };
  }

  /** The names alice's header lists as also here (the chips' spoken names). */
  const alsoHere = (page: Page) => page.getByRole('list', { name: 'Also here' }).locator('.visually-hidden').allTextContents();

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    for (const [username, password] of Object.entries(PASSWORDS)) await addPerson(db, { username, password, role: 'member' }, null);
    server = await buildApp({ db, distDir: DIST });
    base = `${(await server.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost')}/`;
    browser = await launchBrowser();
    const setUp = await browser.newContext();
    await setUp.request.post(`${base}api/session`, { data: { username: 'alice', password: PASSWORDS.alice } });
    const { csrfToken } = (await (await setUp.request.get(`${base}api/session`)).json()) as { csrfToken: string };
    const published = await setUp.request.post(`${base}api/scenarios`, { headers: { 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' }, data: readFileSync(BALTIC, 'utf8') });
    expect(published.status()).toBe(201);
    sharedId = ((await published.json()) as { id: string }).id;
    for (const viewer of ['bob', 'carol']) {
      expect((await setUp.request.put(`${base}api/scenarios/${sharedId}/members/${viewer}`, { headers: { 'X-CSRF-Token': csrfToken }, data: { role: 'viewer' } })).status()).toBe(200);
    }
    await setUp.close();
    await openAs('alice', { width: 1280, height: 720 });
    await openAs('bob', { width: 1280, height: 720 });
    await openAs('carol', { width: 390, height: 844 });
  });
  afterAll(async () => {
    for (const context of Object.values(contexts)) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('lists the others in the header, never oneself; a phone shows how many', async () => {
    const { page: alice } = pages.alice;
    await expect.poll(() => alsoHere(alice), { timeout: 10_000 }).toEqual(['bob', 'carol']);
    await expect.poll(() => alsoHere(pages.bob.page), { timeout: 10_000 }).toEqual(['alice', 'carol']);
    const chips = alice.getByRole('list', { name: 'Also here' });
    expect(await chips.getByRole('listitem').evaluateAll((items) => items.map((item) => [item.getAttribute('title'), item.querySelector('[aria-hidden]')?.textContent]))).toEqual([
      ['bob', 'BO'],
      ['carol', 'CA'],
    ]);
    const carolsCount = pages.carol.page.locator('.presence-count');
    await expect.poll(() => carolsCount.locator('[aria-hidden="true"]').innerText(), { timeout: 10_000 }).toBe('+2');
    expect(await carolsCount.getAttribute('title')).toBe('Also here: alice, bob');
    expect(await pages.carol.page.getByRole('list', { name: 'Also here' }).isVisible()).toBe(false);
  });

  it('marks the event bob selects in alice’s list and on her map, and in carol’s list on her phone', async () => {
    const { page: alice } = pages.alice;
    const { page: bob } = pages.bob;
    await bob.waitForSelector('.event-row');
    const eventId = (await bob.locator('.event-row').nth(1).getAttribute('data-event-id'))!;
    await bob.locator(`.event-row[data-event-id="${eventId}"]`).click();

    const row = alice.locator(`.event-row[data-event-id="${eventId}"] .event-row-presence`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.getAttribute('title')).toBe('Selected by bob');
    expect(await row.innerText()).toContain('BO');
    // Only that row.
    expect(await alice.locator('.event-row-presence').count()).toBe(1);
    // The map: a ring at the event, as MapLibre drew it.
    await expect
      .poll(
        () =>
          waitForRender(alice).then(() =>
            alice.evaluate((layer) => window.tripwireMap!.queryRenderedFeatures({ layers: [layer] }).map((feature) => [feature.properties.id, feature.properties.initials]), PRESENCE_RING_LAYER),
          ),
        { timeout: 10_000 },
      )
      .toEqual([[eventId, 'BO']]);
    await waitForMapIdle(alice);
    await screenshot(alice, 'presence-alice-sees-bob-1280x720');

    // Carol (on her phone) sees it in her list too.
    await pages.carol.page.getByRole('button', { name: 'Events' }).click();
    await expect.poll(() => pages.carol.page.locator(`.event-row[data-event-id="${eventId}"] .event-row-presence`).count(), { timeout: 10_000 }).toBe(1);
    await pages.carol.page.locator(`.event-row[data-event-id="${eventId}"]`).scrollIntoViewIfNeeded();
    await screenshot(pages.carol.page, 'presence-carol-phone-390x844');
    await pages.carol.page.getByRole('button', { name: 'Hide events' }).click();
    await waitForMapIdle(pages.carol.page);
    await screenshot(pages.carol.page, 'presence-carol-phone-map-390x844');

    // Bob's tab hidden: it leaves presence (a browser has six connections per server for every
    // tab), so his selection goes; he is still here through the stream his edits come on.
    const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
      page.evaluate((state) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility(bob, 'hidden');
    await expect.poll(() => alice.locator('.event-row-presence').count(), { timeout: 10_000 }).toBe(0);
    expect(await alsoHere(alice)).toEqual(['bob', 'carol']);
    await setVisibility(bob, 'visible');
    await expect.poll(() => alice.locator('.event-row-presence').count(), { timeout: 10_000 }).toBe(1);

    // Bob selects nothing: the marks go.
    await bob.keyboard.press('Escape');
    await bob.evaluate(() => window.tripwireStore!.getState().selectEvent(null));
    await expect.poll(() => alice.locator('.event-row-presence').count(), { timeout: 10_000 }).toBe(0);
  });

  it('takes bob away when he leaves', async () => {
    await contexts.bob.close();
    await expect.poll(() => alsoHere(pages.alice.page), { timeout: 10_000 }).toEqual(['carol']);
    for (const who of ['alice', 'carol'] as const) expect(pages[who].errors.filter((text) => !/status of 401/.test(text)), who).toEqual([]);
  });
});
