// The outbox's rules (src/storage/outbox.ts) and its sender (outbox-sender.ts) against a scripted
// server: what is sent together and in what order, what each failure means, and what an earlier
// page left for its person. The real server, killed and cut off, is tests/server/faults.test.ts's.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RETRY, failureOf, memoryOutbox, nextBatch, ownerKey, retryDelay, type Outbox, type OutboxEntry } from '../../src/storage/outbox';
import { indexedDbOutbox } from '../../src/storage/outbox-indexeddb';
import { createOutboxSender, type SendEntries } from '../../src/storage/outbox-sender';
import { TeamApiError } from '../../src/team/team-api';
import { saveStatusText } from '../../src/data/slices/team';

const ALICE = ownerKey('http://team/api/', 'alice');
const BOB = ownerKey('http://team/api/', 'bob');
let made = 0;
const entry = (scenarioId = 's1', owner = ALICE, size = 10): OutboxEntry => ({
  owner,
  id: `id-${++made}`,
  scenarioId,
  step: 'do',
  edits: [{ before: null, after: { id: 'e', title: 'x'.repeat(size) } as never }],
  madeAt: '2026-12-08T00:00:00.000Z',
});

/** A server that answers as `answer` says for each request, and records what it was sent. */
function scriptedServer(answer: (call: number) => 'ok' | number | 'hang' = () => 'ok') {
  const calls: { scenarioId: string; ids: string[] }[] = [];
  const committed = new Map<string, number>();
  const send: SendEntries = async (scenarioId, entries, signal) => {
    calls.push({ scenarioId, ids: entries.map((each) => each.id) });
    const what = answer(calls.length);
    if (what === 'hang') return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new TeamApiError(0, 'no answer in time'))));
    if (typeof what === 'number') throw new TeamApiError(what, `refused ${what}`);
    // Like the server: a resent id keeps its place.
    return entries.map((each) => ({ id: each.id, seq: committed.get(each.id) ?? committed.set(each.id, committed.size + 1).get(each.id)! }));
  };
  return { send, calls, committed };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the outbox’s rules', () => {
  it('sends the first waiting entry with those after it of the same scenario, in order, within the limits', () => {
    const [a, b, c, d] = [entry('s1'), entry('s1'), entry('s2'), entry('s1')];
    expect(nextBatch([a!, b!, c!, d!]).map((each) => each.id)).toEqual([a!.id, b!.id]);
    expect(nextBatch([c!, d!]).map((each) => each.id)).toEqual([c!.id]);
    expect(nextBatch([a!, b!, d!], 1)).toEqual([a]);
    expect(nextBatch([])).toEqual([]);
    // Under the server's 1 MB a request: one is always sent, however large; the next waits.
    const large = [entry('s1', ALICE, 1_500_000), entry('s1', ALICE, 10)];
    expect(nextBatch(large)).toEqual([large[0]]);
    const halves = [entry('s1', ALICE, 500_000), entry('s1', ALICE, 500_000)];
    expect(nextBatch(halves)).toEqual([halves[0]]);
    const quarters = [entry('s1', ALICE, 250_000), entry('s1', ALICE, 250_000), entry('s1', ALICE, 250_000), entry('s1', ALICE, 250_000)];
    expect(nextBatch(quarters)).toHaveLength(3);
  });

  it('tries again after no answer, a 5xx, 408 or 429; waits for signing in after a 401; drops what is refused', () => {
    expect(failureOf(new TeamApiError(0, 'unreachable'))).toBe('retry');
    expect(failureOf(new TypeError('fetch failed'))).toBe('retry');
    for (const status of [500, 502, 503, 504, 408, 429]) expect(failureOf(new TeamApiError(status, ''))).toBe('retry');
    expect(failureOf(new TeamApiError(401, ''))).toBe('signed-out');
    for (const status of [400, 403, 404, 409, 413]) expect(failureOf(new TeamApiError(status, ''))).toBe('refused');
  });

  it('waits twice as long after each failure, up to the most, less up to a fifth at random', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((failures) => retryDelay(failures, DEFAULT_RETRY, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(retryDelay(1, DEFAULT_RETRY, () => 1)).toBe(800);
  });

  it('says how saving stands, in the header’s words and a phone’s', () => {
    expect(saveStatusText({ waiting: 3, sending: false, offline: true })).toEqual({ long: 'Offline — 3 edits waiting', short: 'Offline · 3', state: 'offline' });
    expect(saveStatusText({ waiting: 1, sending: true, offline: true }).long).toBe('Offline — 1 edit waiting');
    expect(saveStatusText({ waiting: 2, sending: true, offline: false }).long).toBe('Saving…');
    expect(saveStatusText({ waiting: 0, sending: false, offline: true })).toEqual({ long: 'All changes saved', short: 'Saved', state: 'saved' });
  });

  it.each([
    ['memory', memoryOutbox],
    ['IndexedDB', indexedDbOutbox],
  ] as [string, () => Outbox][])('in %s, keeps each person’s entries apart, in the order put, until taken out', async (_kind, make) => {
    const outbox = make();
    const [a, b, c] = [entry('s1', ALICE), entry('s1', BOB), entry('s2', ALICE)];
    for (const each of [a!, b!, c!, a!]) await outbox.put(each); // put twice: kept once
    expect(await outbox.list(ALICE)).toEqual([a, c]);
    expect(await outbox.list(BOB)).toEqual([b]);
    await outbox.remove(a!.id);
    expect(await outbox.list(ALICE)).toEqual([c]);
    // Another object on the same store (a reload) finds what was left.
    expect(await make().list(BOB)).toEqual(make === memoryOutbox ? [] : [b]);
  });
});

describe('the outbox’s sender', () => {
  it('keeps an entry before sending it, sends in order, and takes it out once acknowledged', async () => {
    const outbox = memoryOutbox();
    // The outbox is slow to keep them (IndexedDB on a busy page): nothing is sent until it has.
    let keep = () => {};
    const kept = new Promise<void>((resolve) => (keep = resolve));
    const put = outbox.put;
    outbox.put = async (each) => (await kept, put(each));
    const server = scriptedServer();
    const sender = createOutboxSender({ outbox, send: server.send });
    await sender.signedIn(ALICE);
    const entries = [entry(), entry(), entry('s2')];
    const acknowledging = Promise.all(entries.map((each) => sender.add(each)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.calls).toEqual([]);
    expect(sender.status()).toEqual({ waiting: 3, sending: true, offline: false });
    keep();
    const places = await acknowledging;
    expect(places).toEqual([1, 2, 3]);
    expect(server.calls.flatMap((call) => call.ids)).toEqual(entries.map((each) => each.id));
    expect(await outbox.list(ALICE)).toEqual([]);
    expect(sender.status()).toEqual({ waiting: 0, sending: false, offline: false });
  });

  it('while the server cannot be reached, keeps the entries waiting and offline, and tries again with backoff and at once when nudged', async () => {
    vi.useFakeTimers();
    let down = true;
    const server = scriptedServer(() => (down ? 503 : 'ok'));
    const outbox = memoryOutbox();
    const sender = createOutboxSender({ outbox, send: server.send, retry: { first: 1_000, most: 4_000 } });
    await sender.signedIn(ALICE);
    const acknowledged = vi.fn();
    const entries = [entry(), entry(), entry()];
    for (const each of entries) void sender.add(each).then(acknowledged);
    await vi.advanceTimersByTimeAsync(0);
    expect(sender.status()).toEqual({ waiting: 3, sending: false, offline: true });
    expect(server.calls).toHaveLength(1); // the others wait for the next try with it
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000); // the next wait is two seconds
    expect(server.calls).toHaveLength(2);
    down = false;
    sender.nudge();
    await vi.advanceTimersByTimeAsync(0);
    expect(acknowledged).toHaveBeenCalledTimes(3);
    expect(server.calls.at(-1)!.ids).toEqual(entries.map((each) => each.id)); // one request, in order
    expect(sender.status()).toEqual({ waiting: 0, sending: false, offline: false });
    expect(await outbox.list(ALICE)).toEqual([]);
  });

  it('a request unanswered within the time limit is sent again, and acknowledged with its first place', async () => {
    vi.useFakeTimers();
    const server = scriptedServer((call) => (call === 1 ? 'hang' : 'ok'));
    const sender = createOutboxSender({ outbox: memoryOutbox(), send: server.send, timeout: 5_000, retry: { first: 100, most: 100 } });
    await sender.signedIn(ALICE);
    const first = entry();
    // The server committed it but its answer never came.
    server.committed.set(first.id, 7);
    const place = sender.add(first);
    await vi.advanceTimersByTimeAsync(5_100);
    expect(await place).toBe(7);
    expect(server.calls.map((call) => call.ids)).toEqual([[first.id], [first.id]]);
  });

  it('a refused entry is taken out and rejected with the server’s sentence; a refused batch is sent one by one so only that one is dropped', async () => {
    const refusing = new Set<string>();
    const calls: string[][] = [];
    const outbox = memoryOutbox();
    const sender = createOutboxSender({
      outbox,
      send: async (_scenario, entries) => {
        calls.push(entries.map((each) => each.id));
        if (entries.some((each) => refusing.has(each.id))) throw new TeamApiError(400, 'edits.0: not an edit');
        return entries.map((each, index) => ({ id: each.id, seq: index + 1 }));
      },
    });
    const [a, b, c] = [entry(), entry(), entry()];
    refusing.add(b!.id);
    // Put while no one is signed in: they wait, then go as one request.
    const outcomes = [a!, b!, c!].map((each) => sender.add(each).then(() => 'acknowledged', (error: Error) => error.message));
    await sender.signedIn(ALICE);
    expect(await Promise.all(outcomes)).toEqual(['acknowledged', 'edits.0: not an edit', 'acknowledged']);
    expect(calls).toEqual([[a!.id, b!.id, c!.id], [a!.id], [b!.id], [c!.id]]);
    expect(await outbox.list(ALICE)).toEqual([]);
  });

  it('after a 401, waits for its person to sign in again; sends only the signed-in person’s entries, an earlier page’s first', async () => {
    const outbox = memoryOutbox();
    const [left, bobs] = [entry('s1', ALICE), entry('s1', BOB)];
    // An earlier page (a crash, a closed tab) left one of alice's and one of bob's.
    await outbox.put(left!);
    await outbox.put(bobs!);
    let signedOut = true;
    const server = scriptedServer(() => (signedOut ? 401 : 'ok'));
    const sender = createOutboxSender({ outbox, send: server.send });
    await sender.signedIn(ALICE);
    const mine = entry('s2', ALICE);
    const place = sender.add(mine);
    await vi.waitFor(() => expect(server.calls).toHaveLength(1));
    expect(sender.status()).toMatchObject({ waiting: 2, offline: false });
    signedOut = false;
    await sender.signedIn(ALICE);
    expect(await place).toBe(2);
    expect(server.calls.map((call) => call.ids)).toEqual([[left!.id], [left!.id], [mine.id]]);
    expect(await outbox.list(ALICE)).toEqual([]);
    expect(await outbox.list(BOB)).toEqual([bobs]); // never sent as alice
  });
});
