// A shared scenario's history, in the real app against a real team server started in this process
// (the built app from dist/, PGlite in memory): alice owns the Baltic example, bob may edit it.
// Alice retitles an event, then bob retitles it from a copy that had not seen hers (a stale base),
// then a whole new version is kept: the event's detail says bob changed it last, on an
// out-of-date copy (from the server's answer: the page read no journal); the History dialog lists
// everyone's changes, newest first, filters by person, opens a past state read-only and restores
// one as a copy of alice's own. Screenshots: test-output/history-*.png at 1280×720 and 390×844.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { launchBrowser, screenshot, waitForMapIdle } from './driver';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson } from '../../src/server/accounts/people';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const BALTIC = readFileSync(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url).pathname, 'utf8');
const PASSWORDS = { alice: 'alice-password-1', bob: 'bob-password-22' } as const;
const ZONE = 'gulf-incident-area';
type Person = keyof typeof PASSWORDS;

const realErrors = (errors: string[]) => errors.filter((text) => !/status of 401/.test(text));

describe('the history of a shared scenario', () => {
  let browser: Browser;
  let db: Database;
  let server: FastifyInstance;
  let base: string;
  let sharedId: string;
  let event: { id: string; title: string } & Record<string, unknown>;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  /** A person's API client (their cookie jar and CSRF token), for the set-up. */
  async function apiAs(who: Person): Promise<{ request: APIRequestContext; csrf: Record<string, string> }> {
    const context = await browser.newContext();
    contexts.push(context);
    expect((await context.request.post(`${base}api/session`, { data: { username: who, password: PASSWORDS[who] } })).status()).toBe(200);
    const { csrfToken } = (await (await context.request.get(`${base}api/session`)).json()) as { csrfToken: string };
    return { request: context.request, csrf: { 'X-CSRF-Token': csrfToken } };
  }

  /** A person's page at a size, signed in, on the shared scenario. */
  async function openAs(who: Person, width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    expect((await context.request.post(`${base}api/session`, { data: { username: who, password: PASSWORDS[who] } })).status()).toBe(200);
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${base}s/${sharedId}`);
    await page.waitForFunction((id) => window.tripwireStore?.getState().openShared?.id === id, sharedId, { timeout: 30_000 });
    await waitForMapIdle(page);
    return page;
  }

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    for (const [username, password] of Object.entries(PASSWORDS)) await addPerson(db, { username, password, role: 'member' }, null);
    server = await buildApp({ db, distDir: DIST });
    base = `${(await server.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost')}/`;
    browser = await launchBrowser();

    const alice = await apiAs('alice');
    const published = await alice.request.post(`${base}api/scenarios`, { headers: { ...alice.csrf, 'Content-Type': 'application/json' }, data: BALTIC });
    expect(published.status()).toBe(201);
    sharedId = ((await published.json()) as { id: string }).id;
    expect((await alice.request.put(`${base}api/scenarios/${sharedId}/members/bob`, { headers: alice.csrf, data: { role: 'editor' } })).status()).toBe(200);

    const document = (await (await alice.request.get(`${base}api/scenarios/${sharedId}`)).json()) as { events: { features: { properties: { id: string; title: string } }[] } };
    const eventId = document.events.features[0]!.properties.id;
    event = ((await (await alice.request.get(`${base}api/scenarios/${sharedId}/events/${eventId}`)).json()) as { event: typeof event }).event;
    const append = async (who: { request: APIRequestContext; csrf: Record<string, string> }, title: string, baseSeq: number) => {
      const answer = await who.request.post(`${base}api/scenarios/${sharedId}/edits`, {
        headers: who.csrf,
        data: { entries: [{ id: randomUUID(), step: 'do', edits: [{ before: event, after: { ...event, title } }], madeAt: new Date().toISOString(), baseSeq }] },
      });
      expect(answer.status()).toBe(200);
    };
    await append(alice, 'Cable fault reported (alice’s wording)', 0);
    // Bob had not seen alice's edit: his is made on a stale base, and wins as the newest.
    const bob = await apiAs('bob');
    await append(bob, 'Cable fault confirmed by the operator', 0);
    // Bob also notes something on the zone (a head record: the feature).
    const { head } = (await (await bob.request.get(`${base}api/scenarios/${sharedId}/packed`)).json()) as { head: { layers: { id: string; features: { properties: Record<string, unknown> }[] }[] } };
    const layer = head.layers.find((candidate) => candidate.features.some((feature) => feature.properties.id === ZONE))!;
    const feature = layer.features.find((candidate) => candidate.properties.id === ZONE)!;
    const zoneBefore = { id: `(feature)${ZONE}`, kind: 'feature', layerId: layer.id, feature };
    const zoneAfter = { ...zoneBefore, feature: { ...feature, properties: { ...feature.properties, notes: 'Redrawn from the coastguard chart.' } } };
    const zoneEdit = await bob.request.post(`${base}api/scenarios/${sharedId}/edits`, {
      headers: bob.csrf,
      data: { entries: [{ id: randomUUID(), step: 'do', edits: [{ before: zoneBefore, after: zoneAfter }], madeAt: new Date().toISOString(), baseSeq: 2 }] },
    });
    expect(zoneEdit.status()).toBe(200);
    // A whole new version that includes both: the page reads it, and no journal.
    const now = await alice.request.get(`${base}api/scenarios/${sharedId}/document?at=3`);
    expect((await alice.request.put(`${base}api/scenarios/${sharedId}`, { headers: { ...alice.csrf, 'Content-Type': 'application/json', 'Tripwire-Seq': '3' }, data: await now.text() })).status()).toBe(200);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  const selectEvent = (page: Page) => page.evaluate((id) => window.tripwireStore!.getState().selectEvent(id), event.id);

  it('says who changed an event last, when, and that it was made on an out-of-date copy', async () => {
    const page = await openAs('alice', 1280, 720);
    await selectEvent(page);
    const line = page.getByTestId('changed-by');
    await expect.poll(() => line.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/^Changed by bob · (?:just now|\d+ minutes? ago) \(made on an out-of-date copy\)$/);
    await screenshot(page, 'history-changed-by-1280x720');
    // A zone says it too (not on an out-of-date copy: bob had seen everything).
    await page.evaluate((zone) => window.tripwireStore!.getState().selectGeography(zone), ZONE);
    await expect.poll(() => line.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/^Changed by bob · (?:just now|\d+ minutes? ago)$/);
    await page.context().close();
  });

  it('lists the changes by person and time, filters by person, opens a past state read-only and restores one as a copy', async () => {
    const page = await openAs('alice', 1280, 720);
    await page.getByRole('button', { name: 'History' }).click();
    const dialog = page.getByRole('dialog', { name: /^History of/ });
    const rows = dialog.getByTestId('history-item');
    await expect.poll(() => rows.allInnerTexts(), { timeout: 15_000 }).toHaveLength(5);
    const [version, ...texts] = await rows.allInnerTexts();
    expect(version).toMatch(/^alice\s+(?:just now|\d+ minutes? ago)\s+Saved a whole new version/);
    expect(texts[0]).toMatch(/^bob\s+(?:just now|\d+ minutes? ago)\s+Changed incident area “Gulf of Finland incident area \(illustrative\)”/);
    expect(texts[0]).not.toContain('out-of-date');
    expect(texts[1]).toMatch(/^bob\s+(?:just now|\d+ minutes? ago)\s+Changed event “Cable fault confirmed by the operator”\s+made on an out-of-date copy/);
    expect(texts[2]).toMatch(/^alice\s+(?:just now|\d+ minutes? ago)\s+Changed event “Cable fault reported \(alice’s wording\)”/);
    expect(texts[2]).not.toContain('out-of-date');
    expect(texts[3]).toMatch(/^alice\s+(?:just now|\d+ minutes? ago)\s+Published the scenario/);
    await screenshot(page, 'history-dialog-1280x720');

    await dialog.getByLabel('Show changes by').selectOption('bob');
    await expect.poll(() => rows.allInnerTexts(), { timeout: 10_000 }).toHaveLength(2);
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/^bob/), expect.stringMatching(/^bob/)]);
    await dialog.getByLabel('Show changes by').selectOption('');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);

    // Alice's own change, as it stood then: read-only, titled so, not the shared scenario.
    await rows.nth(3).getByRole('button', { name: /^Open as of this point/ }).click();
    await page.waitForFunction(() => window.tripwireStore!.getState().scenario?.title.startsWith('As of '), undefined, { timeout: 15_000 });
    const past = await page.evaluate((id) => {
      const state = window.tripwireStore!.getState();
      return { readOnly: state.scenario!.readOnly, openShared: state.openShared, title: state.events.find((candidate) => candidate.id === id)?.title };
    }, event.id);
    expect(past).toEqual({ readOnly: true, openShared: null, title: 'Cable fault reported (alice’s wording)' });
    expect(await page.locator('h1').innerText()).toMatch(/As of \d{1,2} \w{3} \d{4} \d{2}:\d{2}: Baltic/);
    await screenshot(page, 'history-as-of-1280x720');

    // Back on the shared scenario: the same point restored as a new shared scenario of alice's own.
    await page.goto(`${base}s/${sharedId}`);
    await page.waitForFunction((id) => window.tripwireStore?.getState().openShared?.id === id, sharedId, { timeout: 30_000 });
    await page.getByRole('button', { name: 'History' }).click();
    await expect.poll(() => dialog.getByTestId('history-item').count(), { timeout: 15_000 }).toBe(5);
    await dialog.getByTestId('history-item').nth(3).getByRole('button', { name: /^Restore as a copy/ }).click();
    await page.waitForFunction((id) => {
      const open = window.tripwireStore!.getState().openShared;
      return open !== null && open.id !== id;
    }, sharedId, { timeout: 15_000 });
    const restored = await page.evaluate((id) => {
      const state = window.tripwireStore!.getState();
      return { access: state.openShared!.access, title: state.scenario!.title, eventTitle: state.events.find((candidate) => candidate.id === id)?.title };
    }, event.id);
    expect(restored).toEqual({ access: 'owner', title: expect.stringMatching(/\(restored \d{1,2} \w{3} \d{2}:\d{2}\)$/), eventTitle: 'Cable fault reported (alice’s wording)' });
    expect(realErrors(errors)).toEqual([]);
  });

  it('shows who changed an event, and the history, on a phone', async () => {
    const phone = await openAs('bob', 390, 844);
    await selectEvent(phone);
    const line = phone.getByTestId('changed-by');
    await expect.poll(() => line.innerText().catch(() => ''), { timeout: 15_000 }).toContain('Changed by bob');
    await line.scrollIntoViewIfNeeded();
    await screenshot(phone, 'history-changed-by-390x844');
    await phone.keyboard.press('Escape');
    // On a phone the header's History button is beside the badge, outside the menu.
    await phone.getByRole('button', { name: 'History' }).click();
    const rows = phone.getByRole('dialog', { name: /^History of/ }).getByTestId('history-item');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(5);
    await screenshot(phone, 'history-dialog-390x844');
  });
});
