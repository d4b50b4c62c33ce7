// Scrub cost: from a timeline change to the next fully rendered frame (map `idle`), against a
// plain repaint measured on the same page, so the ratio survives a noisy machine.
import { median, quantile } from './stats.mjs';

async function timeSteps(page, steps, kind) {
  return page.evaluate(
    async ({ steps, kind }) => {
      const map = window.tripwireMap;
      const store = window.tripwireStore;
      const start = Date.UTC(2000, 0, 1) / 86_400_000;
      const end = Date.UTC(2023, 0, 11) / 86_400_000;
      const idle = () => new Promise((resolve) => map.once('idle', resolve));
      const samples = [];
      for (let step = 0; step < steps; step++) {
        const settled = idle();
        const t0 = performance.now();
        if (kind === 'scrub') store.getState().setTime(start + ((end - start) * (step % 23)) / 23);
        else map.triggerRepaint();
        await settled;
        samples.push(performance.now() - t0);
      }
      return samples;
    },
    { steps, kind },
  );
}

export async function measureScrub(browser, baseUrl, { quick }) {
  const steps = quick ? 5 : 60;
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.tripwireMap && window.tripwireStore?.getState().status === 'ready', undefined, { timeout: 60_000 });
  await page.evaluate(() => new Promise((resolve) => window.tripwireMap.once('idle', resolve)).catch(() => {}));
  // Interleave the two kinds so that background noise hits both alike.
  const scrub = [];
  const repaint = [];
  for (let round = 0; round < 3; round++) {
    repaint.push(...(await timeSteps(page, Math.ceil(steps / 3), 'repaint')));
    scrub.push(...(await timeSteps(page, Math.ceil(steps / 3), 'scrub')));
  }
  const events = await page.evaluate(() => window.tripwireStore.getState().events.length);
  await page.close();
  const row = {
    approach: 'tripwire',
    events,
    scrubMedianMs: median(scrub),
    scrubP95Ms: quantile(scrub, 0.95),
    repaintMedianMs: median(repaint),
  };
  return [{ ...row, ratio: row.scrubMedianMs / row.repaintMedianMs }];
}
