// The team actions and the session over a real team server in this process (PGlite in memory,
// over HTTP with a cookie per person, as browsers would): three people, each with their own store
// and session. What the browser test shows on screen, here at the level of the actions: publish,
// open shared (as owner, viewer, editor), edits reaching the others, a viewer's session refusing
// every change, a non-member answered as for a missing scenario, and back to this browser's storage.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTripwireStore } from '../../src/data/store';
import { openScenario, type OpenedScenario } from '../../src/data/open-scenario';
import { ScenarioSession } from '../../src/session/scenario-session';
import { memoryStorage } from '../../src/storage/memory-storage';
import { editEvent, undoEdit } from '../../src/actions/edit-actions';
import { listScenarios, openDocument } from '../../src/actions/scenario-actions';
import { connectTeam, openShared, publishToTeam, refreshLibrary, shareWith, signIn, startTeam, type TeamConnection } from '../../src/actions/team-actions';
import { NOT_SHARED_WITH_YOU } from '../../src/team/library';
import type { FetchLike } from '../../src/team/team-api';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson } from '../../src/server/accounts/people';

const PASSWORD = 'a long enough password';
const builtIn = (): OpenedScenario => {
  const opened = openScenario(JSON.parse(readFileSync(new URL('../../public/scenarios/built-in.tripwire.json', import.meta.url), 'utf8')));
  if (!opened.ok) throw new Error('the built-in scenario does not open');
  return opened.value;
};

/** A fetch with one browser's cookie jar. */
function cookieJar(): FetchLike {
  let cookie = '';
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    for (const set of response.headers.getSetCookie()) {
      const pair = set.split(';')[0]!;
      cookie = pair.endsWith('=') ? '' : pair;
    }
    return response;
  };
}

describe('team actions against a real server', { timeout: 30_000 }, () => {
  let db: Database;
  let app: FastifyInstance;
  let base = '';
  const people: { team: TeamConnection; session: ScenarioSession }[] = [];

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    for (const username of ['alice', 'bob', 'carol']) await addPerson(db, { username, password: PASSWORD, role: username === 'alice' ? 'admin' : 'member' }, null);
    app = await buildApp({ db });
    base = `${await app.listen({ port: 0, host: '127.0.0.1' })}/`;
  }, 60_000);
  afterAll(async () => {
    for (const { session, team } of people) {
      session.close();
      team.storage.close();
    }
    await app?.close();
    await db?.close();
  });

  /** A person's page: a store, a session over this browser's (memory) storage, the built-in scenario on screen, a connection to the server. */
  async function page() {
    const store = createTripwireStore();
    const session = new ScenarioSession(store, memoryStorage());
    session.show(builtIn(), { keepShown: false, stored: false });
    const team = connectTeam(session, { fetch: cookieJar(), baseUrl: base, pollEvery: 100 });
    people.push({ team, session });
    await startTeam(team);
    return { store, session, team };
  }
  const eventTitled = (session: ScenarioSession, id: string) => session.store.getState().events.find((event) => event.id === id)?.title;
  const until = async (check: () => boolean, what: string) => {
    for (let waited = 0; waited < 5_000; waited += 50) {
      if (check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`waited 5 s for ${what}`);
  };

  let alice: Awaited<ReturnType<typeof page>>;
  let bob: Awaited<ReturnType<typeof page>>;
  let sharedId = '';
  let eventId = '';

  it('finds the server, signs in (a wrong password says so), publishes the open scenario and keeps it there as its owner', async () => {
    alice = await page();
    expect(alice.store.getState()).toMatchObject({ teamServer: 'present', teamUser: null });
    expect(await signIn(alice.team, 'alice', 'not the password')).toBe('Unknown username or wrong password.');
    expect(await signIn(alice.team, 'alice', PASSWORD)).toBeNull();
    expect(alice.store.getState()).toMatchObject({ teamUser: { username: 'alice', role: 'admin' }, sharedLibrary: [] });

    sharedId = await publishToTeam(alice.team);
    const state = alice.store.getState();
    expect(state.openShared).toEqual({ id: sharedId, access: 'owner', owner: 'alice' });
    expect(state.scenario?.id).toBe(sharedId);
    expect(state.scenario?.readOnly).toBeUndefined(); // the server decides who may change it
    expect(alice.session.sharedScenarioId).toBe(sharedId);
    expect(alice.session.keptIn.where).toBe('the team server');
    expect(state.sharedLibrary?.map((row) => [row.id, row.access, row.eventCount])).toEqual([[sharedId, 'owner', 37]]);

    const event = state.events[0]!;
    eventId = event.id;
    await editEvent(alice.session, event, { ...event, title: 'Edited by alice' });
    expect(eventTitled(alice.session, eventId)).toBe('Edited by alice');
    expect(alice.store.getState().notices).toEqual([]);
    // Nothing was kept in this browser's own storage.
    expect(await listScenarios(alice.session)).toEqual([]);
  });

  it('a viewer opens it with the edits so far, and the session refuses their every change', async () => {
    await shareWith(alice.team, sharedId, 'bob', 'viewer');
    bob = await page();
    expect(await signIn(bob.team, 'bob', PASSWORD)).toBeNull();
    expect(await openShared(bob.team, sharedId)).toBe(true);
    expect(bob.store.getState().openShared).toEqual({ id: sharedId, access: 'viewer', owner: 'alice' });
    expect(bob.session.readOnly).toBe(true);
    expect(eventTitled(bob.session, eventId)).toBe('Edited by alice');
    expect(bob.store.getState().history).toEqual({ past: [], future: [] }); // alice's steps are not bob's to undo

    const event = bob.store.getState().events.find((candidate) => candidate.id === eventId)!;
    await editEvent(bob.session, event, { ...event, title: 'Edited by bob' });
    await undoEdit(bob.session);
    expect(eventTitled(bob.session, eventId)).toBe('Edited by alice');
    expect(bob.store.getState().notices).toEqual(['You can view this scenario but not change it.']);
    expect((await alice.team.api.readEdits(sharedId)).map((entry) => entry.author)).toEqual(['alice']);

    // What alice does next reaches bob's page (its journal is polled).
    await editEvent(alice.session, alice.store.getState().events.find((candidate) => candidate.id === eventId)!, { ...event, title: 'Edited again by alice' });
    await until(() => eventTitled(bob.session, eventId) === 'Edited again by alice', "alice's edit on bob's page");
  });

  it('made an editor, the viewer may edit, and the owner sees it', async () => {
    await shareWith(alice.team, sharedId, 'bob', 'editor');
    await refreshLibrary(bob.team); // what reading the library again (the dialog, the page looked at again) does
    expect(bob.store.getState().openShared?.access).toBe('editor');
    expect(bob.session.readOnly).toBe(false);
    const event = bob.store.getState().events.find((candidate) => candidate.id === eventId)!;
    await editEvent(bob.session, event, { ...event, title: 'Edited by bob, now an editor' });
    await until(() => eventTitled(alice.session, eventId) === 'Edited by bob, now an editor', "bob's edit on alice's page");
    expect((await alice.team.api.readEdits(sharedId)).map((entry) => entry.author)).toEqual(['alice', 'alice', 'bob']);
    expect(alice.store.getState().sharedLibrary?.[0]).toBeDefined();
    expect((await refreshLibrary(alice.team))?.[0]).toMatchObject({ id: sharedId, updatedBy: 'bob' });

    // Taken back to viewer while the page is open: the next refused change reads the library again.
    await shareWith(alice.team, sharedId, 'bob', 'viewer');
    const now = bob.store.getState().events.find((candidate) => candidate.id === eventId)!;
    await editEvent(bob.session, now, { ...now, title: 'Refused' });
    await until(() => bob.store.getState().openShared?.access === 'viewer', 'bob to be a viewer again');
    expect(bob.session.readOnly).toBe(true);
  });

  it('someone it is not shared with is answered as for a missing scenario, and what was on screen stays', async () => {
    const carol = await page();
    expect(await signIn(carol.team, 'carol', PASSWORD)).toBeNull();
    const before = carol.store.getState().scenario;
    expect(await openShared(carol.team, sharedId)).toBe(false);
    expect(await openShared(carol.team, 'no-such-scenario')).toBe(false);
    expect(carol.store.getState().notices).toEqual([NOT_SHARED_WITH_YOU, NOT_SHARED_WITH_YOU]);
    expect(carol.store.getState().scenario).toBe(before);
    expect(carol.store.getState().openShared).toBeNull();
    expect(carol.session.sharedScenarioId).toBeNull();
    expect(carol.store.getState().sharedLibrary).toEqual([]);
  });

  it('a scenario of this browser takes the session back to this browser’s storage', async () => {
    const { head, eventSets } = builtIn();
    await openDocument(alice.session, { head: { ...head, id: 'local-copy', readOnly: undefined }, eventSets });
    expect(alice.session.sharedScenarioId).toBeNull();
    expect(alice.session.keptIn.where).toBe('memory');
    expect(alice.store.getState().openShared).toBeNull();
    expect((await listScenarios(alice.session)).map((record) => record.id)).toEqual(['local-copy']);
    const event = alice.store.getState().events[0]!;
    await editEvent(alice.session, event, { ...event, title: 'Only in this browser' });
    expect((await alice.team.api.readEdits(sharedId)).every((entry) => !JSON.stringify(entry.edits).includes('Only in this browser'))).toBe(true);
  });

  it('a session ended on the server asks for signing in again, and comes back to the shared scenario', async () => {
    expect(await openShared(bob.team, sharedId)).toBe(true);
    await alice.team.api.signOut(); // alice is unaffected; bob's session is ended below
    await db.query('delete from sessions');
    await refreshLibrary(bob.team);
    expect(bob.store.getState()).toMatchObject({ teamUser: null, pendingShared: sharedId });
    expect(await signIn(bob.team, 'bob', PASSWORD)).toBeNull();
    expect(bob.store.getState()).toMatchObject({ teamUser: { username: 'bob' }, pendingShared: null, openShared: { id: sharedId, access: 'viewer' } });
  });
});
