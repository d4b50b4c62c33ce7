// A briefing pack, slide by slide, as `npm run brief -- --each-event` makes it: each event framed
// as its own subject at 1920×1080, on one page and one hidden export map per slide. The baseline,
// in the same run on a page of the same size: Playwright's page.screenshot() of the app, the
// cheapest picture of the same map a tool could take.
import { median } from './stats.mjs';

export async function measurePack(browser, baseUrl, { slides }) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(`${baseUrl}#t=2023-01-11`);
    await page.waitForFunction(() => window.tripwireMap && window.tripwireStore?.getState().status === 'ready', undefined, { timeout: 120_000 });
    const screenshotsMs = [];
    for (let run = 0; run < 5; run++) {
      const started = Date.now();
      await page.screenshot();
      screenshotsMs.push(Date.now() - started);
    }
    const slideMs = await page.evaluate(async (slides) => {
      const store = window.tripwireStore;
      const times = [];
      for (const event of store.getState().events.slice(-slides)) {
        const started = performance.now();
        store.getState().setTime(event.end);
        store.getState().selectEvent(event.id);
        const vertices = event.geometry.type === 'Point' ? [event.geometry.coordinates] : event.geometry.coordinates;
        const lons = vertices.map(([lon]) => lon);
        const lats = vertices.map(([, lat]) => lat);
        await window.tripwireExport.render({
          size: { width: 1920, height: 1080 }, pixelRatio: 1, title: '', handling: '', permalinkBase: '',
          subject: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
        });
        times.push(performance.now() - started);
      }
      return times;
    }, slides);
    return { slides: slideMs.length, slideMedianMs: median(slideMs), slideSamplesMs: slideMs, screenshotMedianMs: median(screenshotsMs), ratio: median(slideMs) / median(screenshotsMs) };
  } finally {
    await page.close();
  }
}
