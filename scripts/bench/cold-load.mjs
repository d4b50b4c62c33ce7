// Cold load: a fresh browser context (empty cache) per run, from navigation to the map's first
// `idle` with the scenario's events drawn.
import { median } from './stats.mjs';

export async function measureColdLoad(browser, baseUrl, runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.tripwireMap && document.querySelector('.event-row'), undefined, { timeout: 60_000 });
    times.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const map = window.tripwireMap;
            const done = () => (map.loaded() && map.areTilesLoaded() ? resolve(performance.now()) : map.once('idle', done));
            done();
          }),
      ),
    );
    await context.close();
  }
  return { runs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), samplesMs: times };
}
