// A scenario document with a million events, as an analyst would meet it: opened through
// Scenarios… › Open scenario… (read in parts and checked in the scenario worker), kept in
// IndexedDB, saved back as a file, and reopened from the library by its link. The floor:
// JSON.parse of the same text in Node, in the same run (what the app must not do: one giant string).
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.mjs';
import { widestView } from '../built-in-scenario.mjs';
import { drawnAt as drawn, ready } from './page-waits.mjs';

const SCENARIO_ID = 'bench-synthetic-scenario';

/** Writes a scenario of `count` events, each with the fields a real one carries (summary, quote, place). */
export async function writeScenario(path, count) {
  const head = { tripwire: 1, id: SCENARIO_ID, title: 'Synthetic incidents (benchmark)', views: [{ id: 'region', title: 'Region', bounds: widestView().bounds }], eventSets: [{ id: 'events', name: 'Synthetic' }] };
  const out = createWriteStream(path);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "events": {"type": "FeatureCollection", "features": [\n`);
  const categories = ['military-activity', 'missile-test', 'diplomacy', 'exercise'];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2015, 0, 1 + (i % 3000))).toISOString().slice(0, 10);
    const coordinates = [Number((100 + ((i * 7919) % 58000) / 1000).toFixed(3)), Number((17 + ((i * 104729) % 38000) / 1000).toFixed(3))];
    const properties = { id: `e-${i}`, title: `Incident ${i}`, date: day, category: categories[i % 4], actors: ['RUS'], status: 'reported', place: `Place ${i % 500}`, summary: 'A synthetic incident for the benchmark.', quote: 'a synthetic quote', eventSet: 'events' };
    await write(`${i ? ',\n' : ''}${JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties })}`);
  }
  await write('\n]}}\n');
  out.end();
  await new Promise((resolve) => out.on('finish', resolve));
}


export async function measureMillionScenario(browser, baseUrl, { count, reopenRuns, log }) {
  const folder = mkdtempSync(join(tmpdir(), 'tripwire-bench-scenario-'));
  const path = join(folder, `bench-${count}.tripwire.json`);
  await writeScenario(path, count);
  const parseStarted = performance.now();
  JSON.parse(readFileSync(path, 'utf8'));
  const jsonParseMs = performance.now() - parseStarted;

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  let page = await context.newPage();
  try {
    await page.goto(baseUrl);
    await ready(page);
    await page.evaluate(() => {
      window.__scenarioTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.__scenarioTasks.push(entry.duration))).observe({ type: 'longtask' });
    });
    const started = Date.now();
    await page.getByLabel('Open scenario file').setInputFiles(path);
    await page.waitForFunction((count) => window.tripwireStore.getState().events.length === count, count, { timeout: 1_200_000, polling: 100 });
    const shownMs = Date.now() - started;
    await page.waitForFunction(() => window.tripwireStore.getState().scenarioStored, undefined, { timeout: 1_200_000, polling: 100 });
    const storedMs = Date.now() - started;
    const tasks = await page.evaluate(() => window.__scenarioTasks.slice());
    log(`scenario opened in ${(shownMs / 1000).toFixed(1)} s, stored by ${(storedMs / 1000).toFixed(1)} s; saving …`);

    await page.getByRole('button', { name: 'Scenarios…' }).click();
    const saveStarted = Date.now();
    const download = page.waitForEvent('download', { timeout: 600_000 });
    await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: 'Save scenario' }).click();
    const savedPath = await (await download).path();
    const saveMs = Date.now() - saveStarted;
    const savedBytes = statSync(savedPath).size;

    const reopen = [];
    for (let run = 0; run < reopenRuns; run++) {
      // A new tab on the scenario's link: it comes back from the library, not from the file.
      await page.close();
      page = await context.newPage();
      await page.goto(`${baseUrl}#s=${SCENARIO_ID}`);
      await ready(page);
      await page.waitForFunction((count) => window.tripwireStore.getState().events.length === count, count, { timeout: 600_000 });
      reopen.push(await drawn(page));
    }
    return {
      events: count,
      fileBytes: statSync(path).size,
      jsonParseAloneMs: jsonParseMs,
      untilShownMs: shownMs,
      untilStoredMs: storedMs,
      longestMainThreadTaskMs: tasks.length ? Math.max(...tasks) : 0,
      mainThreadTasksOver200Ms: tasks.filter((task) => task > 200).length,
      saveMs,
      savedBytes,
      reopenMedianMs: median(reopen),
      reopenSamplesMs: reopen,
    };
  } finally {
    await context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
