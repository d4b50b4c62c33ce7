// Cold load: a fresh browser context (empty cache) per run, from navigation to the map's first
// `idle`. Three pages, loaded in turn (the order rotating each round, so no page always follows
// the same one): the app, with its event list drawn; its baseline bench.html, a plain MapLibre map
// with the app's basemap and labels, what a user would build instead; and the floor,
// bench.html?bare, MapLibre with nothing but the sea colour.
// One discarded warm-up round first: the browser's first WebGL context starts SwiftShader in the
// GPU process (~0.5 s), which is browser start-up, not page load.
// Also counted: what the app fetched, by kind (MapLibre's worker reads the basemap archive in
// ranges; Playwright sees those requests too).
import { median } from './stats.mjs';

const kindOf = (url) =>
  /\.pmtiles$/.test(url) ? 'basemap (ranges of its archive)' : /\/scenarios\//.test(url) ? 'scenario' : /\.m?js(\?|$)/.test(url) ? 'js' : 'other';

export async function measureColdLoad(browser, baseUrl, runs) {
  const pages = [
    { name: 'app', url: baseUrl, kind: 'app' },
    { name: 'basemap', url: `${baseUrl}bench.html`, kind: 'bench' },
    { name: 'bare', url: `${baseUrl}bench.html?bare`, kind: 'bench' },
  ];
  for (const page of pages) await loadOnce(browser, page.url, page.kind);
  const samples = { app: [], basemap: [], bare: [] };
  let fetched = null;
  for (let run = 0; run < runs; run++) {
    for (let turn = 0; turn < pages.length; turn++) {
      const page = pages[(run + turn) % pages.length];
      const load = await loadOnce(browser, page.url, page.kind);
      samples[page.name].push(load.ms);
      if (page.name === 'app') fetched ??= load.fetched;
    }
  }
  const app = samples.app;
  return {
    runs,
    medianMs: median(app),
    minMs: Math.min(...app),
    maxMs: Math.max(...app),
    samplesMs: app,
    basemapMedianMs: median(samples.basemap),
    basemapSamplesMs: samples.basemap,
    basemapRatio: median(app) / median(samples.basemap),
    bareMapMedianMs: median(samples.bare),
    basemapOverBare: median(samples.basemap) / median(samples.bare),
    bareMapSamplesMs: samples.bare,
    ratio: median(app) / median(samples.bare),
    fetched,
  };
}

/** `page`: "app" (the dashboard, ready once its event list is drawn too) or "bench" (bench.html). */
async function loadOnce(browser, url, page) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const tab = await context.newPage();
  const responses = [];
  context.on('response', (response) => responses.push(response));
  await tab.goto(url);
  await tab.waitForFunction((page) => (page === 'app' ? document.querySelector('.event-row') && window.tripwireMap : window.tripwireBench), page, { timeout: 60_000 });
  const ms = await tab.evaluate(
    (page) =>
      new Promise((resolve) => {
        const map = page === 'app' ? window.tripwireMap : window.tripwireBench.map;
        const done = () => (map.loaded() && map.areTilesLoaded() ? resolve(performance.now()) : map.once('idle', done));
        done();
      }),
    page,
  );
  const fetched = await fetchedByKind(responses);
  await context.close();
  return { ms, fetched };
}

/** Files and body bytes (as served, before any compression) per kind of request. */
export async function fetchedByKind(responses) {
  const byKind = {};
  for (const response of responses) {
    const kind = kindOf(response.url());
    const body = await response.body().catch(() => Buffer.alloc(0));
    byKind[kind] ??= { files: 0, bytes: 0 };
    byKind[kind].files += 1;
    byKind[kind].bytes += body.length;
  }
  return byKind;
}
