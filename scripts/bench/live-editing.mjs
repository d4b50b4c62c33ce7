// Live editing on the team server (issue 26), measured with Node clients as a desk meets it: N
// people signed in through the API, each with the scenario's live stream open (an EventSource),
// all editing one scenario at once. Propagation is, per receiver, the time from an edit's POST
// being sent until that receiver's stream has told it and it has read the entry from the journal.
// Beside it, in the same seconds and at the same rate, a plain WebSocket echo round trip on the
// same server (GET /api/echo): the floor of this machine's network and event loop. Then the edits
// per second one server process sustains, every client posting as fast as acks come back.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { EventSource } from 'eventsource';
import WebSocket from 'ws';
import { median, quantile } from './stats.mjs';

const summary = (values) => ({ medianMs: median(values), p95Ms: quantile(values, 0.95), samples: values.length });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One person at the desk: signed in, with the scenario's stream, reading each new journal entry as it is told of it. */
async function openClient(url, signIn, scenarioId, index, { onEntry }) {
  const session = await signIn();
  let lastSeq = null;
  let reading = null;
  let again = false;
  const read = async () => {
    if (reading) return void (again = true);
    reading = (async () => {
      do {
        again = false;
        const response = await session.call(`api/scenarios/${scenarioId}/edits?after=${lastSeq}`);
        const { entries } = await response.json();
        const now = performance.now();
        for (const entry of entries) onEntry(index, entry, now);
        if (entries.length > 0) lastSeq = entries[entries.length - 1].seq;
      } while (again);
    })().finally(() => (reading = null));
    await reading;
  };
  const stream = new EventSource(`${url}api/scenarios/${scenarioId}/stream`, { fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, cookie: session.cookie } }) });
  await new Promise((resolve, reject) => {
    stream.addEventListener('ready', (event) => {
      lastSeq ??= JSON.parse(event.data).seq;
      resolve();
    });
    stream.addEventListener('error', () => reject(new Error(`client ${index}: the live stream failed`)), { once: true });
  });
  stream.addEventListener('edits', () => void read().catch(() => {}));
  const echo = new WebSocket(`${url.replace('http', 'ws')}api/echo`, { headers: { cookie: session.cookie, origin: url.replace(/\/$/, '') } });
  await new Promise((resolve, reject) => (echo.once('open', resolve), echo.once('error', reject)));
  return { session, echo, close: () => (stream.close(), echo.close()) };
}

/** A journal entry adding one event (a copy of `base` under a new id). */
const addEntry = (base, clientIndex, n) => ({
  id: randomUUID(),
  step: 'do',
  edits: [{ before: null, after: { ...base, id: `live-${clientIndex}-${n}-${randomUUID().slice(0, 8)}`, key: 1_000_000 + clientIndex * 100_000 + n, title: `Live edit ${n} by client ${clientIndex}` } }],
  madeAt: new Date().toISOString(),
});

async function post(session, scenarioId, entry) {
  const response = await session.call(`api/scenarios/${scenarioId}/edits`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entries: [entry] }) });
  if (!response.ok) throw new Error(`edit: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

/**
 * One run: `clients` people editing one new scenario for `seconds`, each `perSecond` edits a
 * second, with echo probes at the same rate; then `sustainSeconds` of posting flat out.
 */
export async function measureLiveEditing({ url, signIn, publish, clients, seconds, perSecond = 1, sustainSeconds, log }) {
  const { id: scenarioId, firstEventId } = await publish();
  const session = await signIn();
  const base = (await (await session.call(`api/scenarios/${scenarioId}/events/${firstEventId}`)).json()).event;

  /** Entry id → who sent it and when; each receiver's read of it is one propagation sample. */
  const sent = new Map();
  const propagation = [];
  let measuring = true;
  const onEntry = (receiver, entry, now) => {
    const origin = sent.get(entry.id);
    if (measuring && origin && origin.client !== receiver) propagation.push(now - origin.at);
  };
  const desk = [];
  for (let index = 0; index < clients; index++) desk.push(await openClient(url, signIn, scenarioId, index, { onEntry }));
  const loadBefore = loadavg()[0];

  log(`${clients} clients editing one scenario, ${perSecond} edit a second each, for ${seconds} s, with WebSocket echoes at the same rate …`);
  const echo = [];
  const gap = 1000 / perSecond;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    desk.map(async (client, index) => {
      await sleep((gap * index) / clients); // spread over the second, as people are
      client.echo.on('message', (data) => echo.push(performance.now() - Number(data.toString())));
      for (let n = 0; performance.now() < until; n++) {
        const started = performance.now();
        const entry = addEntry(base, index, n);
        sent.set(entry.id, { client: index, at: performance.now() });
        client.echo.send(String(performance.now()));
        await post(client.session, scenarioId, entry);
        await sleep(Math.max(0, gap - (performance.now() - started)));
      }
    }),
  );
  await sleep(2_000); // the last edits reach everyone
  measuring = false;
  const expected = sent.size * (clients - 1);

  log(`${clients} clients posting edits as fast as acks come back, for ${sustainSeconds} s …`);
  let acked = 0;
  const sustainStarted = performance.now();
  const sustainUntil = sustainStarted + sustainSeconds * 1000;
  await Promise.all(
    desk.map(async (client, index) => {
      for (let n = 1_000; performance.now() < sustainUntil; n++) {
        await post(client.session, scenarioId, addEntry(base, index, n));
        acked += 1;
      }
    }),
  );
  const sustainMs = performance.now() - sustainStarted;
  const loadAfter = loadavg()[0];
  for (const client of desk) client.close();

  const result = {
    clients,
    seconds,
    perSecond,
    edits: sent.size,
    propagation: { ...summary(propagation), delivered: propagation.length, expected },
    echo: summary(echo),
    p95OverEchoP95: quantile(propagation, 0.95) / quantile(echo, 0.95),
    sustained: { edits: acked, seconds: sustainMs / 1000, editsPerSecond: acked / (sustainMs / 1000) },
    loadAverage: { before: loadBefore, after: loadAfter },
  };
  if (propagation.length < expected) throw new Error(`only ${propagation.length} of ${expected} edit deliveries were seen: an edit did not reach every client`);
  return result;
}

/** Medians over runs, for the report. */
export function liveEditingSummary(runs) {
  const of = (pick) => median(runs.map(pick));
  return {
    runs: runs.length,
    propagationMedianMs: of((run) => run.propagation.medianMs),
    propagationP95Ms: of((run) => run.propagation.p95Ms),
    echoMedianMs: of((run) => run.echo.medianMs),
    echoP95Ms: of((run) => run.echo.p95Ms),
    p95OverEchoP95: of((run) => run.p95OverEchoP95),
    editsPerSecond: of((run) => run.sustained.editsPerSecond),
  };
}
