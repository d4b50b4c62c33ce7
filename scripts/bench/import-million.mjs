// A million-row CSV through the app's import button, as an analyst would: how long until the
// events are on the map and until they are stored, the longest main-thread task meanwhile, and
// how long the page takes to reopen with them stored (beside a cold load without them), and the
// longest main-thread task while reopening. The floor: Papa Parse alone parsing the same text, in
// Node, in the same run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { median } from './stats.mjs';
import { drawnAt, ready } from './page-waits.mjs';

/** Shaped like a real export: its own column names (so the mapping step runs), day-first dates, notes. */
export function millionRowCsv(count) {
  const types = ['Battles', 'Explosions/Remote violence', 'Strategic developments', 'Protests'];
  const lines = ['event_date,event_type,location,latitude,longitude,notes'];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2003, 0, 1 + ((i * 7919) % 7670)));
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    lines.push(`${date},${types[i % types.length]},Place ${i % 5000},${(20 + ((i * 53) % 300) / 10).toFixed(3)},${(110 + ((i * 37) % 400) / 10).toFixed(3)},Row ${i}`);
  }
  return lines.join('\n');
}


/** Starts recording main-thread long tasks; read with longestTask(). */
const observeLongTasks = (page) =>
  page.evaluate(() => {
    window.__importTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.__importTasks.push(entry.duration))).observe({ type: 'longtask' });
  });
const longTasks = (page) => page.evaluate(() => window.__importTasks.slice());

/** Records every main-thread long task from navigation on (an init script of the reopened pages). */
const LONG_TASKS_FROM_START = () => {
  window.__reopenTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.__reopenTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
};

/** From navigation until the stored import is back in the store, counted in the list, and the map has drawn it. */
async function reopenMs(page, baseUrl, count) {
  await page.goto(`${baseUrl}#t=2023-12-31&map=130,38,3.5,0`);
  await ready(page);
  await page.waitForFunction((count) => window.tripwireStore.getState().eventSets.some((set) => set.events.length === count), count, { timeout: 600_000 });
  await page.waitForFunction(
    (count) => {
      const total = window.tripwireStore.getState().events.length;
      return total >= count && document.querySelector('.event-list-count')?.textContent?.includes(`of ${total.toLocaleString('en-US')} events`);
    },
    count,
    { timeout: 600_000, polling: 50 },
  );
  return drawnAt(page);
}

/** The app's own cold load (fresh context, nothing stored): until the list is drawn and the map idle. */
async function coldLoadMs(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.waitForFunction(() => document.querySelector('.event-row') && window.tripwireMap, undefined, { timeout: 60_000 });
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const map = window.tripwireMap;
    const done = () => (map.loaded() && map.areTilesLoaded() ? resolve(performance.now()) : map.once('idle', done));
    done();
  }));
  await context.close();
  return ms;
}

export async function measureMillionImport(browser, baseUrl, { count, reopenRuns, log }) {
  const folder = mkdtempSync(join(tmpdir(), 'tripwire-bench-'));
  const text = millionRowCsv(count);
  const path = join(folder, `bench-${count}.csv`);
  writeFileSync(path, text);
  const papaStarted = performance.now();
  const parsed = Papa.parse(text);
  const papaMs = performance.now() - papaStarted;
  if (parsed.data.length < count) throw new Error(`Papa Parse read ${parsed.data.length} rows`);

  // The cold load without the import first, while nothing else is open in the browser.
  const cold = [];
  for (let run = 0; run < reopenRuns; run++) cold.push(await coldLoadMs(browser, baseUrl));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  let page = await context.newPage();
  try {
    await page.goto(`${baseUrl}#t=2023-12-31&map=130,38,3.5,0`);
    await ready(page);
    await observeLongTasks(page);
    const started = Date.now();
    await page.getByTestId('import-input').setInputFiles(path);
    const dialog = page.getByRole('dialog', { name: /Which column is which/ });
    await dialog.waitFor({ timeout: 600_000 });
    const readMs = Date.now() - started;
    const waitingStarted = Date.now();
    await dialog.getByRole('button', { name: /^Import/ }).click();
    // On the map: the store holds the import (the list and the GPU layer follow from it in the same task).
    await page.waitForFunction((count) => window.tripwireStore.getState().events.length === count, count, { timeout: 1_200_000, polling: 100 });
    const shownMs = readMs + (Date.now() - waitingStarted);
    // The report comes once the worker has stored the import in IndexedDB.
    const label = `Imported ${count.toLocaleString('en')} events`;
    await page.waitForFunction((label) => document.querySelector('[data-testid="import-report"]')?.textContent?.includes(label), label, { timeout: 1_200_000 });
    const storedMs = readMs + (Date.now() - waitingStarted);
    const tasks = await longTasks(page);
    log(`imported in ${(shownMs / 1000).toFixed(1)} s, stored by ${(storedMs / 1000).toFixed(1)} s; reopening …`);
    const reopen = [];
    const reopenTasks = [];
    await context.addInitScript(LONG_TASKS_FROM_START);
    for (let run = 0; run < reopenRuns; run++) {
      // A new page in the same browser profile (IndexedDB is kept), the old one closed: a reopened tab.
      await page.close();
      page = await context.newPage();
      reopen.push(await reopenMs(page, baseUrl, count));
      // Tasks until the page has drawn, and a second after (the list and the timeline catch up).
      await page.waitForTimeout(1000);
      reopenTasks.push(Math.max(0, ...(await page.evaluate(() => window.__reopenTasks.slice()))));
    }
    return {
      events: count,
      fileBytes: Buffer.byteLength(text),
      papaParseAloneMs: papaMs,
      readUntilMappingStepMs: readMs,
      untilShownMs: shownMs,
      untilStoredMs: storedMs,
      longestMainThreadTaskMs: tasks.length ? Math.max(...tasks) : 0,
      mainThreadTasksOver200Ms: tasks.filter((task) => task > 200).length,
      reopenMedianMs: median(reopen),
      reopenSamplesMs: reopen,
      longestReopenTaskMs: Math.max(...reopenTasks),
      longestReopenTaskSamplesMs: reopenTasks,
      coldLoadWithoutMedianMs: median(cold),
      coldLoadWithoutSamplesMs: cold,
    };
  } finally {
    await context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
