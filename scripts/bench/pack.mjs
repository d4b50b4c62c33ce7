// A briefing pack, as `npm run brief -- --each-event` makes it: every event framed as its own
// subject at 1920×1080, through the app's own per-event loop (one page, one hidden export map
// reused across slides). The first slide also pays for making that map; the median time between
// finished slides is the steady cost per slide. The baseline, in the same run on a page of the same size: Playwright's
// page.screenshot() of the app, the cheapest picture of the same map a tool could take.
// Also counted: slides whose event landed off the map or under an overlay (should be none).
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
    const { doneAtMs, unclear } = await page.evaluate(async (slides) => {
      const eventIds = window.tripwireStore.getState().events.slice(0, slides ?? undefined).map((event) => event.id);
      const started = performance.now();
      const doneAtMs = [];
      const rendered = await window.tripwireExport.renderEvents(
        { eventIds, size: { width: 1920, height: 1080 }, pixelRatio: 1, title: '', handling: '', permalinkBase: '' },
        () => doneAtMs.push(performance.now() - started),
      );
      return { doneAtMs, unclear: rendered.filter((slide) => slide.subjectProblems.length > 0).map((slide) => `${slide.eventId}: ${slide.subjectProblems.join('; ')}`) };
    }, slides);
    // Slides overlap (one encodes while the next draws), so a slide's cost is the time between
    // finished slides; the first also makes the export map.
    const intervals = doneAtMs.slice(1).map((at, index) => at - doneAtMs[index]);
    return {
      slides: doneAtMs.length,
      firstSlideMs: doneAtMs[0],
      slideMedianMs: median(intervals),
      slideSamplesMs: intervals,
      screenshotMedianMs: median(screenshotsMs),
      ratio: median(intervals) / median(screenshotsMs),
      subjectsUnclear: unclear,
    };
  } finally {
    await page.close();
  }
}
