// Issue 15's two rows on their own, A/B: `node scripts/bench/issue-15.mjs --before <dist dir>`
// measures the build in dist/ and an older build in turn, in the same browser, `--rounds` times
// (default 2): the article's scrub (p95 against repaint p95), and 100,000 imported events (scrub
// p95, a category filter change against a repaint). The full bench (run.mjs) reports the same rows.
import { preview } from 'vite';
import { launchChromium } from '../launch-chromium.mjs';
import { measureArticleScrub, measureImportedScrub } from './scrub.mjs';

const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const builds = [['after', 'dist'], ...(option('--before') ? [['before', option('--before')]] : [])];
const rounds = Number(option('--rounds', 2));
const events = Number(option('--events', 100_000));
const steps = Number(option('--steps', 30));
const filterSteps = Number(option('--filter-steps', 10));

const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
const fixed = (value) => value.toFixed(2);
try {
  for (let round = 1; round <= rounds; round++) {
    for (const [name, outDir] of builds) {
      const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
      try {
        const baseUrl = server.resolvedUrls.local[0];
        const article = await measureArticleScrub(browser, baseUrl, { steps });
        await article.page.close();
        const imported = await measureImportedScrub(browser, baseUrl, { steps, events, filterSteps });
        const longest = Math.max(0, ...imported.textSearch.longTasksMs);
        console.log(
          JSON.stringify({
            round,
            build: name,
            article: { scrubMedian: article.row.scrubMedianMs, repaintMedian: article.row.repaintMedianMs, ratio: fixed(article.row.ratio), scrubP95: article.row.scrubP95Ms, repaintP95: article.row.repaintP95Ms, p95Ratio: fixed(article.row.scrubP95Ms / article.row.repaintP95Ms) },
            imported: { scrubMedian: imported.row.scrubMedianMs, repaintMedian: imported.row.repaintMedianMs, ratio: fixed(imported.row.ratio), scrubP95: imported.row.scrubP95Ms, repaintP95: imported.row.repaintP95Ms, p95Ratio: fixed(imported.row.scrubP95Ms / imported.row.repaintP95Ms) },
            filter: { median: imported.filterRow.filterMedianMs, repaintMedian: imported.filterRow.repaintMedianMs, ratio: fixed(imported.filterRow.ratio), p95: imported.filterRow.filterP95Ms },
            textSearchLongestTaskMs: longest,
          }),
        );
      } finally {
        await server.close();
      }
    }
  }
} finally {
  await browser.close();
}
