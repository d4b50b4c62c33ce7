// `npm run bench`: measures the production build in headless Chromium and writes
// bench/results.json. Machines here are shared and noisy, so every figure is a median over
// repeated runs, and timings are reported beside a baseline measured in the same run.
// `--quick` (used by `npm test`) proves the bench runs on tiny inputs; it measures nothing.
// `--basemap` measures only what the basemap costs (cold loads against bench.html and the bare map,
// and the archive's bytes per view), in a few minutes rather than the whole run's hour.
// `--team` measures only the team server (npm run serve): a library of 1,000 scenarios and a
// 1,000,000-event one opened from it against the same document from disk, and live editing (20
// Node clients editing one scenario at once: propagation beside a WebSocket echo, and the edits a
// second one process sustains); bench/results-team.json. `--live` measures live editing alone (in
// a few minutes) and replaces only that part of bench/results-team.json.
// `--million` measures only the 1,000,000-row import, its storing and reopening (`--runs=N` times,
// 3 by default, each in a fresh profile), and writes bench/results-million.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { launchChromium } from '../launch-chromium.mjs';
import { measureBytes } from './bytes.mjs';
import { measureColdLoad } from './cold-load.mjs';
import { measureBasemapViews } from './basemap-views.mjs';
import { readBuiltInScenario } from '../built-in-scenario.mjs';
import { measureExport } from './export.mjs';
import { measurePack } from './pack.mjs';
import { measureMillionImport } from './import-million.mjs';
import { measureMillionScenario } from './scenario-million.mjs';
import { measureTeamLive, measureTeamServer } from './team-server.mjs';
import { printBasemapResults, printMillionResults, printResults, teamLine, liveEditingLine } from './report.mjs';
import { measureArticleScrub, measureImportedScrub, measureSyntheticScrub } from './scrub.mjs';

const quick = process.argv.includes('--quick');
const basemapOnly = process.argv.includes('--basemap');
const millionOnly = process.argv.includes('--million');
const teamOnly = process.argv.includes('--team');
const liveOnly = process.argv.includes('--live');
const millionRuns = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
// Heap figures: exact numbers from performance.memory, and a gc() to call before reading them.
const HEAP_FLAGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];
const STEPS = quick ? 5 : 50;

if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
/** Live editing as `npm run bench` measures it: 20 clients for 25 s and 10 s flat out, three runs (a few seconds with --quick). */
const measureLive = (log) => measureTeamLive(quick ? { runs: 1, clients: 3, seconds: 2, sustainSeconds: 1, log } : { runs: 3, clients: 20, seconds: 25, sustainSeconds: 10, log });
if (liveOnly) {
  const started = performance.now();
  const liveEditing = await measureLive((line) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`));
  const previous = existsSync('bench/results-team.json') ? JSON.parse(readFileSync('bench/results-team.json', 'utf8')) : {};
  const results = { ...previous, liveEditing: { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${process.version}`, ...liveEditing } };
  console.log(liveEditingLine(results.liveEditing));
  if (!quick) {
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results-team.json', JSON.stringify(results, null, 2) + '\n');
    console.log('\nwritten: bench/results-team.json');
  }
  process.exit(0);
}
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const baseUrl = server.resolvedUrls.local[0];
const browser = await launchChromium(HEAP_FLAGS);
const startedAt = performance.now();
const log = (line) => console.log(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}`);

try {
  if (millionOnly) {
    const runs = [];
    for (let run = 0; run < millionRuns; run++) {
      log(`1,000,000-row CSV through the import button, stored, reopened (run ${run + 1} of ${millionRuns}) …`);
      runs.push(await measureMillionImport(browser, baseUrl, { count: 1_000_000, reopenRuns: 3, log }));
    }
    const results = { date: new Date().toISOString(), chromium: browser.version(), machine: `${process.platform} ${process.arch}, ${cpus().length} cores`, runs };
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results-million.json', JSON.stringify(results, null, 2) + '\n');
    printMillionResults(results);
    console.log('\nwritten: bench/results-million.json');
    process.exit(0);
  }
  if (teamOnly) {
    const teamServer = await measureTeamServer(browser, { scenarios: 1000, events: 1_000_000, runs: 3, log });
    const liveEditing = await measureLive(log);
    const results = { date: new Date().toISOString(), chromium: browser.version(), machine: `${process.platform} ${process.arch}, ${cpus().length} cores`, teamServer, liveEditing };
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results-team.json', JSON.stringify(results, null, 2) + '\n');
    console.log(teamLine(teamServer));
    console.log(liveEditingLine(liveEditing));
    console.log('\nwritten: bench/results-team.json');
    process.exit(0);
  }
  log('cold load …');
  const coldLoad = await measureColdLoad(browser, baseUrl, quick ? 1 : 9);
  log('basemap bytes per view …');
  const scenario = readBuiltInScenario();
  const basemapViews = await measureBasemapViews(browser, baseUrl, scenario.views.find((view) => view.id === scenario.defaultView).bounds);
  if (basemapOnly) {
    const results = { date: new Date().toISOString(), chromium: browser.version(), machine: `${process.platform} ${process.arch}, ${cpus().length} cores`, bytes: measureBytes(), coldLoad, basemapViews };
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results-basemap.json', JSON.stringify(results, null, 2) + '\n');
    printBasemapResults(results);
    console.log('\nwritten: bench/results-basemap.json');
    process.exit(0);
  }
  log('article scrub (app page) …');
  const article = await measureArticleScrub(browser, baseUrl, { steps: STEPS });
  log('export …');
  const exported = quick ? null : await measureExport(article.page, { runs: 3 });
  await article.page.close();
  log('briefing pack, slide by slide …');
  const pack = await measurePack(browser, baseUrl, { slides: quick ? 2 : null });
  const importedEvents = quick ? 6_000 : 100_000;
  log(`${importedEvents.toLocaleString('en')} imported events (app page) …`);
  const imported = await measureImportedScrub(browser, baseUrl, { steps: STEPS, events: importedEvents, filterSteps: quick ? 3 : 30 });
  const millionRows = quick ? 2_000 : 1_000_000;
  log(`${millionRows.toLocaleString('en')}-row CSV through the import button, stored, reopened …`);
  const million = await measureMillionImport(browser, baseUrl, { count: millionRows, reopenRuns: quick ? 1 : 3, log });
  const scenarioEvents = quick ? 2_000 : 1_000_000;
  log(`${scenarioEvents.toLocaleString('en')}-event scenario document opened, stored, saved, reopened …`);
  const millionScenario = await measureMillionScenario(browser, baseUrl, { count: scenarioEvents, reopenRuns: quick ? 1 : 3, log });
  log('team server: a shared library, and a scenario opened from it …');
  const teamServer = await measureTeamServer(browser, { scenarios: quick ? 5 : 1000, events: quick ? 2_000 : 1_000_000, runs: quick ? 1 : 3, log });
  log('team server: live editing, clients editing one scenario at once …');
  const liveEditing = await measureLive(log);
  log('synthetic events (bench.html) …');
  const synthetic = await measureSyntheticScrub(browser, baseUrl, { quick, steps: STEPS, log });
  const results = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    machine: `${process.platform} ${process.arch}, ${cpus().length} cores, software WebGL (SwiftShader), node ${process.version}`,
    quick,
    stepsPerRow: STEPS,
    bytes: measureBytes(),
    coldLoad,
    basemapViews,
    scrub: [article.row, imported.row, ...synthetic.rows],
    importMs: { events: importedEvents, ms: imported.importMs },
    filterChange: imported.filterRow,
    textSearch: { events: importedEvents, ...imported.textSearch },
    millionImport: million,
    millionScenario,
    teamServer,
    liveEditing,
    loads: synthetic.loads,
    longTasks: synthetic.longTasks,
    export: exported,
    pack,
    exportBaselineRepaintMs: article.row.repaintMedianMs,
  };
  mkdirSync('bench', { recursive: true });
  const file = quick ? 'bench/results-quick.json' : 'bench/results.json';
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  printResults(results);
  console.log(`\nwritten: ${file}`);
} finally {
  await browser.close();
  await server.close();
}
