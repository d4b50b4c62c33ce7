// Briefing export on the app page: a 1920×1080 slide at 2× (3840×2160 pixels), the size a
// briefer takes to a projector. Reported beside the same page's repaint median (a baseline
// from this run), never as a bare absolute time.
import { median } from './stats.mjs';

export async function measureExport(page, { runs }) {
  const samplesMs = [];
  let size = null;
  for (let run = 0; run < runs; run++) {
    const result = await page.evaluate(async () => {
      const start = performance.now();
      const image = await window.tripwireExport.render({ size: 'slide', pixelRatio: 2, title: 'Benchmark', handling: '' });
      return { ms: performance.now() - start, width: image.width, height: image.height, bytes: image.png.length };
    });
    samplesMs.push(result.ms);
    size = { width: result.width, height: result.height, pngBytes: result.bytes };
  }
  return { runs, ...size, medianMs: median(samplesMs), samplesMs };
}
