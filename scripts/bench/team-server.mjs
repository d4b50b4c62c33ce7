// The team server, measured as a desk meets it: the real `serve` and `users` commands in child
// processes (PGlite in a temporary data directory), the API over HTTP from Node, and the app in
// Chromium. Targets are ratios within the run: opening a scenario from the server against opening
// the same document from disk (≤ 1.5, issue 25), and the API's latencies beside a health check's.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, quantile } from './stats.mjs';
import { writeScenario } from './scenario-million.mjs';
import { drawnAt as drawn, ready } from './page-waits.mjs';
import { measureLiveEditing, liveEditingSummary } from './live-editing.mjs';

const PASSWORD = 'bench password, long enough';

/** Starts `serve` on a free port; resolves with its URL and the way to stop it. */
async function startServer(dataDir) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/serve.ts', '--data', dataDir, '--port', '0', '--dist', 'dist'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const found = /Tripwire team server at (http:\/\/\S+)/.exec(text);
      if (found) resolve(`${found[1]}/`);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

/** Signs in from Node: the session's cookie, and calls made with it and its CSRF token. */
async function signInSession(url, username) {
  const response = await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!response.ok) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const { csrfToken } = await response.json();
  return { cookie, call: (path, init = {}) => fetch(`${url}${path}`, { ...init, headers: { cookie, 'x-csrf-token': csrfToken, ...init.headers } }) };
}
const signIn = async (url, username) => (await signInSession(url, username)).call;

const addBenchAdmin = (dataDir) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/server/users-cli.ts', 'add', 'bench', '--role', 'admin', '--data', dataDir], { env: { ...process.env, TRIPWIRE_PASSWORD: PASSWORD }, stdio: 'ignore' });

/** Milliseconds of `samples` calls of `call`, one after another. */
async function timings(samples, call) {
  const times = [];
  for (let run = 0; run < samples; run++) {
    const started = performance.now();
    const response = await call(run);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), p95Ms: quantile(times, 0.95), samples };
}

const publish = async (call, body) => {
  const response = await call('api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (response.status !== 201) throw new Error(`publish: ${response.status} ${await response.text()}`);
  return response.json();
};


/** Until the document's events are listed and drawn, from the moment it is asked for. */
async function openUntilDrawn(page, count, open) {
  const started = await page.evaluate(() => performance.now());
  await open();
  await page.waitForFunction((count) => window.tripwireStore.getState().events.length === count, count, { timeout: 1_200_000, polling: 100 });
  // A scenario of its own gets a map of its own: wait for it to exist before waiting for it to draw.
  await page.waitForFunction(() => window.tripwireMap !== undefined, undefined, { timeout: 600_000, polling: 50 });
  return (await drawn(page)) - started;
}

export async function measureTeamServer(browser, { scenarios, events, runs, log }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tripwire-bench-team-'));
  const folder = mkdtempSync(join(tmpdir(), 'tripwire-bench-team-doc-'));
  const server = await startServer(dataDir);
  try {
    addBenchAdmin(dataDir);
    const call = await signIn(server.url, 'bench');

    log(`publishing ${scenarios} scenarios (the built-in document each time) …`);
    const builtIn = readFileSync('public/scenarios/built-in.tripwire.json');
    let last;
    for (let index = 0; index < scenarios; index++) last = await publish(call, builtIn);
    const health = await timings(runs * 10, () => fetch(`${server.url}api/health`));
    const list = await timings(runs * 10, () => call('api/scenarios'));
    const someEvent = JSON.parse(builtIn).events.features[0].properties.id;
    const oneSmallEvent = await timings(runs * 10, () => call(`api/scenarios/${last.id}/events/${someEvent}`));

    log(`publishing a ${events.toLocaleString('en')}-event scenario …`);
    const path = join(folder, `bench-${events}.tripwire.json`);
    await writeScenario(path, events);
    const publishStarted = performance.now();
    const big = await publish(call, readFileSync(path));
    const publishMs = performance.now() - publishStarted;
    const oneEvent = await timings(runs * 10, (run) => call(`api/scenarios/${big.id}/events/e-${(run * 7919) % events}`));

    log('opening it in the app: from the server, and the same document from disk …');
    const fromServer = [];
    const fromDisk = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      try {
        const response = await context.request.post(`${server.url}api/session`, { data: { username: 'bench', password: PASSWORD } });
        if (!response.ok()) throw new Error(`browser sign-in: ${response.status()}`);
        const page = await context.newPage();
        await page.goto(server.url);
        await ready(page);
        fromDisk.push(await openUntilDrawn(page, events, () => page.getByLabel('Open scenario file').setInputFiles(path)));
        const shared = await context.newPage();
        await shared.goto(server.url);
        await ready(shared);
        // As an analyst does it: Scenarios… › Shared library › Open.
        await shared.getByRole('button', { name: 'Scenarios…' }).click();
        const open = shared.getByRole('button', { name: 'Open “Synthetic incidents (benchmark)”' });
        await open.waitFor({ timeout: 60_000 });
        fromServer.push(await openUntilDrawn(shared, events, () => open.click()));
      } finally {
        await context.close();
      }
    }
    const ratio = (a, b) => a / b;
    return {
      scenarios,
      events,
      api: { health, list, oneEventOfSmall: oneSmallEvent, oneEventOfMillion: oneEvent, listOverHealth: ratio(list.medianMs, health.medianMs), oneEventOverHealth: ratio(oneEvent.medianMs, health.medianMs) },
      publishMillionMs: publishMs,
      openFromServerMs: median(fromServer),
      openFromDiskMs: median(fromDisk),
      serverOverDisk: ratio(median(fromServer), median(fromDisk)),
      samples: { fromServer, fromDisk },
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Live editing (issue 26): `runs` runs of `clients` Node clients editing one scenario at once on a
 * fresh `serve` (PGlite), each run on a scenario of its own (docs: scripts/bench/live-editing.mjs).
 */
export async function measureTeamLive({ runs, clients, seconds, sustainSeconds, log }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tripwire-bench-live-'));
  addBenchAdmin(dataDir);
  const server = await startServer(dataDir);
  try {
    const builtIn = readFileSync('public/scenarios/built-in.tripwire.json');
    const firstEventId = JSON.parse(builtIn).events.features[0].properties.id;
    const owner = await signInSession(server.url, 'bench');
    const publishOne = async () => ({ ...(await publish(owner.call, builtIn)), firstEventId });
    const measured = [];
    for (let run = 0; run < runs; run++) {
      log(`live editing, run ${run + 1} of ${runs} …`);
      measured.push(await measureLiveEditing({ url: server.url, signIn: () => signInSession(server.url, 'bench'), publish: publishOne, clients, seconds, sustainSeconds, log }));
    }
    return { ...liveEditingSummary(measured), runsMeasured: measured };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
