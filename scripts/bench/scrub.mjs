// Scrub cost per approach and size, against a plain repaint of the same picture measured in the
// same run (see in-page.mjs for the exact definition), so the ratio survives a noisy machine.
//  - the article's events on the app page, as it ships (the GPU points layer, routes by feature-state);
//  - N synthetic events on bench.html, drawn by each approach.
import { median, quantile } from './stats.mjs';
import { heapAfterGc, scrubWithoutGpuWait, startLongTaskLog, stopLongTaskLog, textSearchTasks, timeScrubAndRepaint } from './in-page.mjs';
import { benchFrameQuery } from '../built-in-scenario.mjs';

const DAY = 86_400_000;
const SYNTHETIC_FIRST_DAY = Date.UTC(2003, 0, 1) / DAY;
const SYNTHETIC_LAST_DAY = Date.UTC(2023, 11, 31) / DAY;
const WARM_UP_STEPS = 2;
export const LONG_TASK_LIMIT_MS = 200;

/** Sizes per approach. The GeoJSON approaches stop at 100,000 and are only probed at 1,000,000 (see probe). */
const FULL_MATRIX = {
  tripwire: [10_000, 100_000, 1_000_000],
  setData: [10_000, 100_000],
  'global-state': [10_000, 100_000],
};
/** Sizes where the GeoJSON approaches only get a short probe, not the full ≥ 50 steps. */
const PROBED = { setData: 1_000_000, 'global-state': 1_000_000 };
const PROBE_STEPS = 3;

/** Whole days sweeping forward through the range, like playback: each step is a new time. */
const sweep = (first, last, steps) => Array.from({ length: steps + WARM_UP_STEPS }, (_, i) => Math.round(first + ((last - first) * (i + 1)) / (steps + WARM_UP_STEPS)));

function row(approach, events, page, { scrub, repaint }) {
  const scrubMedianMs = median(scrub);
  const repaintMedianMs = median(repaint);
  return {
    approach,
    events,
    page,
    steps: scrub.length,
    scrubMedianMs,
    scrubP95Ms: quantile(scrub, 0.95),
    repaintMedianMs,
    repaintP95Ms: quantile(repaint, 0.95),
    ratio: scrubMedianMs / repaintMedianMs,
  };
}

/** The app as it ships: the article's events (GPU dots, routes by feature-state). Also returns the open page. */
export async function measureArticleScrub(browser, baseUrl, { steps }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.tripwireMap && window.tripwireStore?.getState().status === 'ready', undefined, { timeout: 60_000 });
  // The map may have gone idle already (its first frame is its complete one): only wait when it has work left.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.tripwireMap;
        const check = () => (map.loaded() && map.areTilesLoaded() ? resolve() : map.once('idle', check));
        check();
      }),
  );
  const days = sweep(Date.UTC(2000, 0, 1) / DAY, Date.UTC(2023, 0, 11) / DAY, steps);
  const samples = await page.evaluate(timeScrubAndRepaint, { days, warmUpSteps: WARM_UP_STEPS });
  const events = await page.evaluate(() => window.tripwireStore.getState().events.length);
  return { row: row('tripwire', events, 'app', samples), page };
}

/**
 * A CSV an analyst might import: `count` events, one a day or more over 2003–2023, spread over
 * East Asia, every category. Deterministic, so every run imports the same file.
 */
function importFile(count) {
  const categories = ['military-activity', 'missile-test', 'exercise', 'diplomacy', 'statement', 'sanctions', 'weapons-transfer', 'policy'];
  const rows = Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2003, 0, 1 + ((i * 7919) % 7670))).toISOString().slice(0, 10);
    const lon = (110 + ((i * 37) % 400) / 10).toFixed(3);
    const lat = (20 + ((i * 53) % 300) / 10).toFixed(3);
    return `${day},Imported event ${i},${lon},${lat},${categories[i % categories.length]}`;
  });
  return { name: `bench-${count}.csv`, mimeType: 'text/csv', buffer: Buffer.from(['date,title,lon,lat,category', ...rows].join('\n')) };
}

/**
 * The app as an analyst uses it with a large file: imported through the import button, drawn by
 * the GPU layer, with the event list and the timeline on the page (bench.html has neither).
 */
export async function measureImportedScrub(browser, baseUrl, { steps, events, filterSteps = steps }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.goto(`${baseUrl}#t=2023-12-31&map=130,38,3.5,0`);
    await page.waitForFunction(() => window.tripwireMap && window.tripwireStore?.getState().status === 'ready', undefined, { timeout: 60_000 });
    const started = Date.now();
    await page.getByTestId('import-input').setInputFiles(importFile(events));
    const label = `Imported ${events.toLocaleString('en')} events`;
    await page.waitForFunction((label) => document.querySelector('[data-testid="import-report"]')?.textContent?.includes(label), label, { timeout: 600_000 });
    const importMs = Date.now() - started;
    await page.getByTestId('import-report').getByRole('button', { name: 'Close' }).click();
    const days = sweep(SYNTHETIC_FIRST_DAY, SYNTHETIC_LAST_DAY, steps);
    const samples = await page.evaluate(timeScrubAndRepaint, { days, warmUpSteps: WARM_UP_STEPS });
    // Same page, same events (issue 15): a category filter changed, against a repaint, in pairs.
    // Each step shows one category in turn, or all of them every other step, so every step changes what is shown.
    const categories = ['missile-test', 'diplomacy', 'exercise', 'sanctions'];
    const categoryFilters = Array.from({ length: filterSteps + WARM_UP_STEPS }, (_, index) => (index % 2 === 0 ? [categories[(index / 2) % categories.length]] : []));
    const { scrub: filter, repaint } = await page.evaluate(timeScrubAndRepaint, { categoryFilters, warmUpSteps: WARM_UP_STEPS });
    const filterMedianMs = median(filter);
    const repaintMedianMs = median(repaint);
    const filterRow = { events, steps: filter.length, filterMedianMs, filterP95Ms: quantile(filter, 0.95), repaintMedianMs, ratio: filterMedianMs / repaintMedianMs };
    // A text search matching about one event in ten ("event 1…" and "event …1…" among the titles).
    const textSearch = await page.evaluate(textSearchTasks, { text: 'event 1' });
    return { row: row('tripwire', events, 'app, imported', samples), importMs, filterRow, textSearch };
  } finally {
    await page.close();
  }
}

async function openBenchPage(browser, baseUrl) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(new URL(`bench.html?${benchFrameQuery()}`, baseUrl).href);
  await page.waitForFunction(() => window.tripwireBench, undefined, { timeout: 60_000 });
  // The map may have gone idle already: only wait when it has work left.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.tripwireBench.map;
        const check = () => (map.loaded() && map.areTilesLoaded() ? resolve() : map.once('idle', check));
        check();
      }),
  );
  return page;
}

/**
 * Long tasks of loading and scrubbing, with the GPU never waited for (what a user's page does).
 * A small load first compiles the layer's shaders (once per page, whatever the data), so that
 * what follows is what the number of events costs; that one-off wait is reported on its own.
 */
async function measureLongTasks(page, approach, events, steps) {
  await page.evaluate((approach) => window.tripwireBench.load(approach, 1_000), approach);
  const shaderLinkWaitMs = (await page.evaluate(() => window.tripwireBench.layerStats()))?.linkWaitMs ?? null;
  await page.evaluate(startLongTaskLog);
  // Started from a timer, as a page would: work done inside page.evaluate is not logged as a task.
  const report = await page.evaluate(
    ([approach, events]) => new Promise((resolve) => setTimeout(() => window.tripwireBench.load(approach, events, { waitForGpu: false }).then(resolve))),
    [approach, events],
  );
  const loadTasks = await page.evaluate(stopLongTaskLog);
  const layerStats = await page.evaluate(() => window.tripwireBench.layerStats());
  await page.evaluate(startLongTaskLog);
  await page.evaluate(scrubWithoutGpuWait, { days: sweep(SYNTHETIC_FIRST_DAY, SYNTHETIC_LAST_DAY, steps) });
  const scrubTasks = await page.evaluate(stopLongTaskLog);
  const during = (tasks, from, to) => tasks.filter((task) => task.startMs >= from && task.startMs < to).map((task) => Math.round(task.durationMs));
  const { generateStart, generateEnd } = report.marks;
  return {
    approach,
    events,
    limitMs: LONG_TASK_LIMIT_MS,
    // Generating is the benchmark's stand-in for reading a file; loading is what the layer does.
    generateTasksMs: during(loadTasks, generateStart, generateEnd),
    loadTasksMs: during(loadTasks, generateEnd, Infinity),
    scrubTasksMs: scrubTasks.map((task) => Math.round(task.durationMs)),
    // The layer's own costs: the shader link wait (once per page, in the small load before) and
    // the buffer upload of these events (spread over uploadFrames frames).
    shaderLinkWaitMs,
    layerUploadMs: layerStats?.uploadMs ?? null,
    layerUploadFrames: layerStats?.uploadFrames ?? null,
  };
}

/**
 * Why a size is not measured in full, with numbers from this run: one load and a few scrub steps.
 * (At 1,000,000 GeoJSON features a load takes over a minute and each step many seconds here, so
 * ≥ 50 paired steps would take the best part of an hour per approach.)
 */
async function probe(browser, baseUrl, approach, events, log) {
  log(`  ${approach} × ${events.toLocaleString('en')} (probe: load + ${PROBE_STEPS} scrub steps) …`);
  const page = await openBenchPage(browser, baseUrl);
  try {
    const report = await page.evaluate(([approach, events]) => window.tripwireBench.load(approach, events), [approach, events]);
    const jsHeapBytes = await page.evaluate(heapAfterGc);
    const days = sweep(SYNTHETIC_FIRST_DAY, SYNTHETIC_LAST_DAY, PROBE_STEPS).slice(WARM_UP_STEPS);
    const { scrub } = await page.evaluate(timeScrubAndRepaint, { days, warmUpSteps: 0 });
    const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
    return {
      approach,
      events,
      page: 'bench',
      notMeasured: `not measured in full; a probe took ${seconds(report.loadMs)} to load (JS heap ${(jsHeapBytes / 1e6).toFixed(0)} MB, not counting the worker) and ${scrub.map(seconds).join(', ')} per scrub step`,
      probe: { loadMs: report.loadMs, jsHeapBytes, scrubStepsMs: scrub },
    };
  } catch (error) {
    // A crash (out of memory) is a finding, not a reason to lose the rest of the run.
    const reason = String(error.message ?? error).split('\n')[0];
    return { approach, events, page: 'bench', notMeasured: `not measured: the page failed while loading or scrubbing (${reason})`, probe: { error: reason } };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Every approach × size on a fresh bench page (so heap figures are not mixed), or in --quick one
 * page and 1,000 events per approach. Returns scrub rows, load figures and the long-task log.
 */
export async function measureSyntheticScrub(browser, baseUrl, { quick, steps, log = console.log }) {
  const matrix = quick ? { tripwire: [1_000], setData: [1_000], 'global-state': [1_000] } : FULL_MATRIX;
  const rows = [];
  const loads = [];
  const longTasks = [];
  let quickPage = null;
  for (const [approach, sizes] of Object.entries(matrix)) {
    for (const events of sizes) {
      log(`  ${approach} × ${events.toLocaleString('en')} …`);
      if (events >= 1_000_000) {
        // A page of its own, so the timed load below starts as cold as every other size.
        const longTaskPage = await openBenchPage(browser, baseUrl);
        longTasks.push(await measureLongTasks(longTaskPage, approach, events, steps));
        await longTaskPage.close();
      }
      const page = quick ? (quickPage ??= await openBenchPage(browser, baseUrl)) : await openBenchPage(browser, baseUrl);
      const report = await page.evaluate(([approach, events]) => window.tripwireBench.load(approach, events), [approach, events]);
      loads.push({ approach, events, generateMs: report.generateMs, loadMs: report.loadMs, gpuBytes: report.gpuBytes, jsHeapBytes: await page.evaluate(heapAfterGc) });
      const days = sweep(SYNTHETIC_FIRST_DAY, SYNTHETIC_LAST_DAY, steps);
      rows.push(row(approach, events, 'bench', await page.evaluate(timeScrubAndRepaint, { days, warmUpSteps: WARM_UP_STEPS })));
      if (!quick) await page.close();
    }
    if (!quick && PROBED[approach]) rows.push(await probe(browser, baseUrl, approach, PROBED[approach], log));
  }
  await quickPage?.close();
  return { rows, loads, longTasks };
}
