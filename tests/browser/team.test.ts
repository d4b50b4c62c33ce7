// Working as a team, in the real app against a real team server started in this process (the
// built app from dist/, PGlite in memory): three people in three browser contexts. A publishes
// the article and shares it with B as a viewer; B opens it by link, signs in, and is offered no
// editing (and the API refuses a forged edit); C, not a member, gets exactly the answer a missing
// scenario gets, in the library, by link and by API. Under `npm start` (vite preview, no server)
// the team features are absent. Screenshots: test-output/team-*.png at 1280×720 and 390×844.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, screenshot, waitForMapIdle } from './driver';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson } from '../../src/server/accounts/people';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const PASSWORDS = { alice: 'alice-password-1', bob: 'bob-password-22', carol: 'carol-password-333' } as const;
type Person = keyof typeof PASSWORDS;
const NOT_SHARED = 'This scenario does not exist or has not been shared with you.';

/** Every axe-core violation, as "rule: elements" (as tests/browser/a11y.test.ts). */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

/** A 401 from `GET /api/session` while signed out is how the app learns it must sign in: the console logs it, nothing failed. */
const realErrors = (errors: string[]) => errors.filter((text) => !/status of 401/.test(text));

describe('a team on one server', () => {
  let browser: Browser;
  let db: Database;
  let server: FastifyInstance;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    for (const [username, password] of Object.entries(PASSWORDS)) await addPerson(db, { username, password, role: username === 'alice' ? 'admin' : 'member' }, null);
    server = await buildApp({ db, distDir: DIST });
    base = `${(await server.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost')}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  /** A person's own browser (cookies and storage of their own), at the given size. */
  async function personPage(width = 1280, height = 720) {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => requests.push(request.url()));
    return { page, errors, requests };
  }

  async function signIn(page: Page, who: Person) {
    await page.getByLabel('Username').fill(who);
    await page.getByLabel('Password').fill(PASSWORDS[who]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // On a phone, Sign out is in the header's menu: the page knows who is signed in either way.
    await page.waitForFunction((who) => window.tripwireStore?.getState().teamUser?.username === who, who, { timeout: 30_000 });
  }

  const team = (page: Page) =>
    page.evaluate(() => {
      const { teamServer, teamUser, openShared, sharedLibrary, scenario, notices } = window.tripwireStore!.getState();
      return { teamServer, user: teamUser?.username ?? null, openShared, library: sharedLibrary?.map((row) => row.id) ?? null, scenarioId: scenario?.id ?? null, title: scenario?.title ?? null, notices };
    });

  /** A call to the API from inside the page, as a script in it could make it (the person's cookie, and their CSRF token if `csrf`). */
  const apiFromPage = (page: Page, method: string, path: string, body?: unknown, csrf = true) =>
    page.evaluate(
      async ({ method, path, body, csrf }) => {
        const session = await fetch('api/session');
        const token = session.ok ? ((await session.json()) as { csrfToken: string }).csrfToken : '';
        const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json', ...(csrf && token ? { 'X-CSRF-Token': token } : {}) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        return { status: response.status, body: await response.text() };
      },
      { method, path, body, csrf },
    );

  let sharedId = '';
  /** A's and B's pages, kept open from one case to the next. */
  let alice: Page;
  let bob: Page;

  it('A signs in, publishes the article to the team and shares it with B as a viewer', async () => {
    const { page, errors, requests } = await personPage();
    alice = page;
    await page.goto(base);
    // Signed out on a team server: the sign-in page, with labelled fields.
    await page.getByLabel('Username').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Username').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Password').getAttribute('autocomplete')).toBe('current-password');
    await screenshot(page, 'team-sign-in-1280x720');
    expect(await axeViolations(page)).toEqual([]);
    // A wrong password: the server's sentence in an alert, still signed out.
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 }).toBe('Unknown username or wrong password.');
    expect(await axeViolations(page)).toEqual([]);

    await signIn(page, 'alice');
    expect(await page.locator('.app-header').innerText()).toContain('Signed in as alice');
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scenarios' });
    await dialog.getByRole('heading', { name: 'Shared library' }).waitFor();
    await dialog.getByRole('button', { name: 'Publish to team' }).click();
    await expect.poll(async () => (await team(page)).openShared?.access, { timeout: 30_000 }).toBe('owner');
    const now = await team(page);
    sharedId = now.openShared!.id;
    expect(now.scenarioId).toBe(sharedId); // the server gave it its own id
    expect(new URL(page.url()).searchParams.get('shared')).toBe(sharedId);
    expect(await page.locator('.shared-badge').innerText()).toBe('Shared · you can edit');

    // Share… with bob, as a viewer.
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    const row = dialog.locator('.shared-library li').filter({ hasText: 'balance of power' });
    await row.getByRole('button', { name: 'Share…' }).click();
    const panel = dialog.getByRole('group', { name: /^Share “/ });
    await panel.getByLabel('Share with', { exact: true }).selectOption('bob');
    await panel.getByLabel('What they may do', { exact: true }).selectOption('viewer');
    await panel.getByRole('button', { name: 'Share', exact: true }).click();
    await panel.getByRole('list', { name: 'People it is shared with' }).getByText('bob').waitFor();
    expect(await panel.getByLabel('What bob may do').inputValue()).toBe('viewer');
    await screenshot(page, 'team-library-1280x720');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    expect(realErrors(errors)).toEqual([]);
    expect(requests.every((url) => url.startsWith(base))).toBe(true); // nothing from another origin
  });

  it('B opens it by link, signs in, and can only view it: no edit controls, and the API refuses a forged edit', async () => {
    const { page, errors } = await personPage();
    bob = page;
    await page.goto(`${base}s/${sharedId}`);
    await page.getByLabel('Username').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('shared')).toBe(sharedId);
    await signIn(page, 'bob');
    await expect.poll(async () => (await team(page)).openShared, { timeout: 30_000 }).toEqual({ id: sharedId, access: 'viewer', owner: 'alice' });
    await waitForMapIdle(page);
    await page.waitForSelector('.event-row');

    expect(await page.locator('.shared-badge').innerText()).toBe('Shared · view only');
    for (const name of ['Add event', 'Draw geography', 'Undo', 'Redo', 'Import events…', 'Draft from text…']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    await page.locator('.event-row').first().click();
    await page.locator('.detail').waitFor();
    expect(await page.getByRole('navigation', { name: 'Edit this event' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scenarios' });
    await dialog.getByRole('heading', { name: 'Shared library' }).waitFor();
    expect(await dialog.getByText('Edit title, “as of” date and source').count()).toBe(0);
    expect(await dialog.locator('.shared-library li').filter({ hasText: 'balance of power' }).getByRole('button', { name: /Share…|Rename|Delete/ }).count()).toBe(0);
    await screenshot(page, 'team-viewer-library-1280x720');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await screenshot(page, 'team-viewer-1280x720');
    expect(await axeViolations(page)).toEqual([]);

    // What a script in B's page could try: an edit through the API, with B's own cookie and token.
    const event = await page.evaluate(() => window.tripwireStore!.getState().events[0]!);
    const forged = await apiFromPage(page, 'POST', `api/scenarios/${sharedId}/edits`, {
      entries: [{ id: crypto.randomUUID(), step: 'do', edits: [{ before: event, after: { ...event, title: 'Forged by a viewer' } }], madeAt: new Date().toISOString() }],
    });
    expect(forged.status).toBe(403);
    const answer = await apiFromPage(page, 'GET', `api/scenarios/${sharedId}/edits?after=0`);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain('Forged by a viewer');
    expect(realErrors(errors).filter((text) => !/status of 403/.test(text))).toEqual([]);
  });

  it('what A changes reaches B within seconds, and stays on the server through a reload', async () => {
    const titleOf = (page: Page, id: string) => page.evaluate((id) => window.tripwireStore!.getState().events.find((event) => event.id === id)?.title, id);
    const target = await alice.evaluate(() => window.tripwireStore!.getState().events[1]!.id);
    await alice.locator('.event-row').nth(1).click();
    await alice.getByRole('navigation', { name: 'Edit this event' }).getByRole('button', { name: 'Edit' }).click();
    const form = alice.getByRole('dialog', { name: 'Edit event' });
    await form.getByLabel('Title').fill('Changed by alice for the team');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => titleOf(alice, target), { timeout: 10_000 }).toBe('Changed by alice for the team');
    // B's page hears of it on the scenario's live stream.
    await expect.poll(() => titleOf(bob, target), { timeout: 15_000 }).toBe('Changed by alice for the team');
    // The list draws what the store holds on its next render: wait for it, not for the same task.
    await expect.poll(() => bob.locator('.event-row').nth(1).innerText(), { timeout: 10_000 }).toContain('Changed by alice for the team');
    // A's own undo history holds A's edit; B has none to undo.
    expect(await alice.evaluate(() => window.tripwireStore!.getState().history.past.length)).toBe(1);
    expect(await bob.evaluate(() => window.tripwireStore!.getState().history.past.length)).toBe(0);
    // The journal says who: a reload of A's page reads the document and the journal after it.
    await alice.reload();
    await expect.poll(async () => (await team(alice)).openShared?.id, { timeout: 30_000 }).toBe(sharedId);
    await expect.poll(() => titleOf(alice, target), { timeout: 15_000 }).toBe('Changed by alice for the team');
    expect((await team(alice)).notices.join(' ')).not.toContain('not in this browser'); // the link names the server's scenario
    const journal = JSON.parse((await apiFromPage(alice, 'GET', `api/scenarios/${sharedId}/edits?after=0`)).body) as { entries: { author: string }[] };
    expect(journal.entries.map((entry) => entry.author)).toEqual(['alice']);
  });

  it('C, not a member, gets the answer a missing scenario gets: in the library, by link and by API', async () => {
    const { page, errors } = await personPage();
    await page.goto(`${base}s/${sharedId}`);
    await page.getByLabel('Username').waitFor({ timeout: 30_000 });
    await signIn(page, 'carol');
    await expect.poll(async () => (await team(page)).notices, { timeout: 30_000 }).toContain(NOT_SHARED);
    const now = await team(page);
    expect(now.openShared).toBeNull();
    expect(now.library).toEqual([]);
    expect(now.scenarioId).not.toBe(sharedId);
    expect(new URL(page.url()).searchParams.has('shared')).toBe(false); // a reload shows what is on screen
    // What was on screen stays and works: the built-in scenario, its list and map.
    await waitForMapIdle(page);
    await page.waitForSelector('.event-row');
    await screenshot(page, 'team-not-shared-1280x720');

    // A link to a scenario that does not exist says the same.
    await page.goto(`${base}s/no-such-scenario-at-all`);
    await expect.poll(async () => (await team(page)).notices, { timeout: 30_000 }).toContain(NOT_SHARED);

    // And the API answers alike, byte for byte, for the scenario C may not see and one that does not exist.
    for (const suffix of ['', '/edits?after=0', '/members']) {
      const hidden = await apiFromPage(page, 'GET', `api/scenarios/${sharedId}${suffix}`);
      const missing = await apiFromPage(page, 'GET', `api/scenarios/no-such-scenario-at-all${suffix}`);
      expect(hidden).toEqual(missing);
      expect(hidden.status).toBe(404);
      expect(JSON.parse(hidden.body)).toEqual({ error: NOT_SHARED });
    }
    expect(realErrors(errors).filter((text) => !/status of 404/.test(text))).toEqual([]);
  });

  it('on a phone (390×844): the sign-in page, and the viewer’s shared scenario', async () => {
    const { page } = await personPage(390, 844);
    await page.goto(`${base}?shared=${sharedId}`);
    await page.getByLabel('Username').waitFor({ timeout: 30_000 });
    await screenshot(page, 'team-sign-in-390x844');
    await signIn(page, 'bob');
    await expect.poll(async () => (await team(page)).openShared?.access, { timeout: 30_000 }).toBe('viewer');
    await waitForMapIdle(page);
    await screenshot(page, 'team-viewer-390x844');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('heading', { name: 'Shared library' }).waitFor();
    await screenshot(page, 'team-library-390x844');
  });

  it('under npm start (vite preview, no server) the team features are absent', async () => {
    const { page, errors, requests } = await personPage();
    await page.goto(inject('baseUrl'));
    await expect.poll(async () => (await team(page)).teamServer, { timeout: 30_000 }).toBe('absent');
    await waitForMapIdle(page);
    expect(await page.getByLabel('Username').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Scenarios…' }).click();
    expect(await page.getByRole('heading', { name: 'Shared library' }).count()).toBe(0);
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith(inject('baseUrl')))).toBe(true);
  });
});
