// Tables of a results object: printed after a run, and as Markdown for BENCHMARKS.md
// (`node scripts/bench/report.mjs bench/results.json` prints them again from a saved run).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const ms = (value) => `${value.toFixed(0)} ms`;
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const mb = (bytes) => (bytes == null ? '—' : bytes < 1e6 ? `${(bytes / 1e3).toFixed(0)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const count = (value) => value.toLocaleString('en');

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}

export function markdown(results) {
  const scrubRows = results.scrub.map((row) =>
    row.notMeasured
      ? [count(row.events), row.approach, row.page, `*${row.notMeasured}*`, '', '', '']
      : [count(row.events), row.approach, row.page, ms(row.scrubMedianMs), ms(row.scrubP95Ms), ms(row.repaintMedianMs), `**${row.ratio.toFixed(2)}**`],
  );
  const loadRows = results.loads.map((load) => [count(load.events), load.approach, ms(load.generateMs), ms(load.loadMs), mb(load.jsHeapBytes), mb(load.gpuBytes)]);
  const longTaskRows = results.longTasks.map((log) => {
    // The log holds every task of 50 ms or more (Chromium's long-task threshold).
    const over = (tasks) => `${tasks.filter((task) => task > log.limitMs).length} (${tasks.length ? `longest ${Math.max(...tasks)} ms` : 'none ≥ 50 ms'})`;
    const layer = log.layerUploadMs == null ? '—' : `upload ${ms(log.layerUploadMs)} over ${log.layerUploadFrames} frames; shader link once per page: ${ms(log.shaderLinkWaitMs)}`;
    return [`${log.approach} × ${count(log.events)}`, over(log.generateTasksMs), over(log.loadTasksMs), layer, over(log.scrubTasksMs)];
  });
  const { bytes, coldLoad } = results;
  const exportLine = results.export
    ? `Export of a ${results.export.width}×${results.export.height} briefing PNG (1920×1080 @2×): median ${ms(results.export.medianMs)} over ${results.export.runs} runs, against a repaint median of ${ms(results.exportBaselineRepaintMs)} on the same page.`
    : 'Export: not measured in --quick.';
  return [
    table(['events', 'approach', 'page', 'scrub median', 'scrub p95', 'repaint median (baseline)', 'scrub / repaint'], scrubRows),
    '',
    table(['events', 'approach', 'generate', 'load to first full frame', 'JS heap after GC', 'GPU buffers'], loadRows),
    '',
    longTaskRows.length
      ? table([`tasks over ${results.longTasks[0].limitMs} ms`, 'generating (stand-in for reading a file)', 'loading', 'of which in the layer', `scrubbing`], longTaskRows)
      : '',
    '',
    `Bytes: app JS ${kib(bytes.jsGzip)} gzip (${kib(bytes.js)} raw)` +
      (bytes.benchPage ? `; benchmark page JS ${kib(bytes.benchPage.jsGzip)} gzip` : '') +
      `; basemap archive ${kib(bytes.basemapArchiveBytes)} in all (read in ranges); built-in scenario document ${kib(bytes.scenario)}.`,
    `Basemap fetched per view (bench.html, fresh page): ${results.basemapViews.map((view) => `${view.view} (zoom ${view.zoom.toFixed(1)}) ${view.requests} ranges, ${kib(view.bytes)}`).join('; ')}.`,
    `Importing ${count(results.importMs.events)} events through the app's import button (CSV): ${ms(results.importMs.ms)}, until its report.`,
    millionLine(results.millionImport),
    scenarioLine(results.millionScenario),
    teamLine(results.teamServer),
    liveEditingLine(results.liveEditing),
    `Cold load of the app to idle: median ${ms(coldLoad.medianMs)} (min ${ms(coldLoad.minMs)}, max ${ms(coldLoad.maxMs)}, ${coldLoad.runs} fresh pages); ` +
      `in turn with it, a plain MapLibre map with the same basemap and labels (bench.html): median ${ms(coldLoad.basemapMedianMs)}, app / basemap ${coldLoad.basemapRatio.toFixed(2)} (target ≤ 1.25); ` +
      `the bare map (sea colour only, bench.html?bare): median ${ms(coldLoad.bareMapMedianMs)}, app / bare ${coldLoad.ratio.toFixed(2)}, basemap / bare ${coldLoad.basemapOverBare.toFixed(2)} (target ≤ 2.3).`,
    `The app's cold load fetched: ${Object.entries(coldLoad.fetched)
      .map(([kind, { files, bytes }]) => `${kind} ${files} files, ${kib(bytes)}`)
      .join('; ')}.`,
    exportLine,
    packLine(results.pack),
    '',
    ...speedLines(results),
  ].join('\n');
}

/** Issue 15: spikes (scrub p95 against repaint p95, same rows as above) and filter changes. */
function speedLines(results) {
  const spikes = results.scrub
    .filter((row) => row.page !== 'bench' && !row.notMeasured)
    .map((row) => [count(row.events), row.page, ms(row.scrubP95Ms), ms(row.repaintP95Ms), `**${(row.scrubP95Ms / row.repaintP95Ms).toFixed(2)}**`]);
  const lines = [table(['events', 'page', 'scrub p95', 'repaint p95 (baseline)', 'scrub p95 / repaint p95'], spikes)];
  const filter = results.filterChange;
  if (filter) {
    lines.push(
      '',
      table(
        ['events', 'change', 'median', 'p95', 'repaint median (baseline)', 'change / repaint'],
        [[count(filter.events), 'category filter (app, imported)', ms(filter.filterMedianMs), ms(filter.filterP95Ms), ms(filter.repaintMedianMs), `**${filter.ratio.toFixed(2)}**`]],
      ),
    );
  }
  const search = results.textSearch;
  if (search) {
    const longest = search.longTasksMs.length ? Math.max(...search.longTasksMs) : null;
    lines.push(
      `Text search over ${count(search.events)} imported events: longest main-thread task ${longest === null ? 'none ≥ 50 ms' : ms(longest)} (${search.longTasksMs.filter((task) => task > 200).length} over 200 ms).`,
    );
  }
  return lines;
}

function millionLine(run) {
  if (!run) return 'Million-row import: not measured in this run.';
  const s = (value) => `${(value / 1000).toFixed(1)} s`;
  return (
    `Importing a ${count(run.events)}-row CSV (${mb(run.fileBytes)}, its own column names, so through the mapping step) with the import button: ` +
    `read until the mapping step ${s(run.readUntilMappingStepMs)}, events on the map ${s(run.untilShownMs)}, stored in IndexedDB ${s(run.untilStoredMs)}; ` +
    `Papa Parse alone parsing the same text (Node, same run): ${s(run.papaParseAloneMs)} (floor; import / floor ${(run.untilShownMs / run.papaParseAloneMs).toFixed(1)}). ` +
    `Longest main-thread task during the import: ${ms(run.longestMainThreadTaskMs)} (${run.mainThreadTasksOver200Ms} over 200 ms). ` +
    `Reopening the page with it stored, until it is drawn: median ${s(run.reopenMedianMs)}; cold load without it: ${s(run.coldLoadWithoutMedianMs)} (ratio ${(run.reopenMedianMs / run.coldLoadWithoutMedianMs).toFixed(1)}).`
  );
}

function packLine(run) {
  if (!run) return 'Briefing pack: not measured in this run.';
  return (
    `A briefing pack at 1920×1080, each event framed as its own subject on one reused export map: median ${ms(run.slideMedianMs)} a slide over ${run.slides} slides ` +
    `(the first, which makes the map, ${ms(run.firstSlideMs)}), against page.screenshot() of the app at the same size: ${ms(run.screenshotMedianMs)} (ratio ${run.ratio.toFixed(1)}). ` +
    (run.subjectsUnclear.length === 0 ? `Every slide shows its event clear of the overlays.` : `Slides whose event is not clear: ${run.subjectsUnclear.join(' | ')}.`)
  );
}

/** Issue 26: an edit's propagation to the other clients against a WebSocket echo on the same server, and edits a second. */
export function liveEditingLine(live) {
  if (!live) return 'Live editing: not measured in this run.';
  const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  const first = live.runsMeasured[0];
  return (
    `Live editing (PGlite, \`npm run serve\`, ${first.clients} Node clients signed in, each with the live stream, editing one scenario at ${first.perSecond} edit a second each for ${first.seconds} s; medians of ${live.runs} run${live.runs === 1 ? '' : 's'}): ` +
    `an edit read by each other client median ${ms(live.propagationMedianMs)}, p95 ${ms(live.propagationP95Ms)}; WebSocket echo round trip on the same server, same rate, same seconds: median ${ms(live.echoMedianMs)}, p95 ${ms(live.echoP95Ms)}; ` +
    `p95 / echo p95 **${live.p95OverEchoP95.toFixed(2)}** (target ≤ 3). One process sustained **${live.editsPerSecond.toFixed(0)} edits a second** (every client posting as fast as acks came back, ${first.sustained.seconds.toFixed(0)} s). ` +
    `Load average (1 min) ${live.runsMeasured.map((run) => `${run.loadAverage.before.toFixed(1)}→${run.loadAverage.after.toFixed(1)}`).join(', ')}.`
  );
}

export function teamLine(run) {
  if (!run) return 'Team server: not measured in this run.';
  const latency = (name, { medianMs, p95Ms }) => `${name} median ${ms(medianMs)}, p95 ${ms(p95Ms)}`;
  return (
    `Team server (PGlite, \`npm run serve\`): opening a ${count(run.events)}-event scenario from the shared library, until drawn and listed, median ${ms(run.openFromServerMs)}, ` +
    `against the same document from disk (Open scenario…) ${ms(run.openFromDiskMs)}: server / disk **${run.serverOverDisk.toFixed(2)}** (target ≤ 1.5). ` +
    `API over HTTP with ${count(run.scenarios)} scenarios in the library: ${latency('health (baseline)', run.api.health)}; ${latency('listing them', run.api.list)} (${run.api.listOverHealth.toFixed(1)}× health); ` +
    `${latency(`one event of the ${count(run.events)}`, run.api.oneEventOfMillion)} (${run.api.oneEventOverHealth.toFixed(1)}× health); publishing the ${count(run.events)} events took ${ms(run.publishMillionMs)}.`
  );
}

function scenarioLine(run) {
  if (!run) return 'Million-event scenario: not measured in this run.';
  const s = (value) => `${(value / 1000).toFixed(1)} s`;
  return (
    `Opening a ${count(run.events)}-event scenario document (${mb(run.fileBytes)}) with Open scenario…: events on the map ${s(run.untilShownMs)}, kept in IndexedDB ${s(run.untilStoredMs)}; ` +
    `JSON.parse of the same text alone (Node, same run): ${s(run.jsonParseAloneMs)} (floor; open / floor ${(run.untilShownMs / run.jsonParseAloneMs).toFixed(1)}). ` +
    `Longest main-thread task meanwhile: ${ms(run.longestMainThreadTaskMs)} (${run.mainThreadTasksOver200Ms} over 200 ms). ` +
    `Save scenario wrote ${mb(run.savedBytes)} in ${s(run.saveMs)}. Reopened from the library by its link, until drawn: median ${s(run.reopenMedianMs)}.`
  );
}

export function printResults(results) {
  console.log(`\nChromium ${results.chromium}: ${results.machine}${results.quick ? ' (--quick: proves the bench runs, measures nothing)' : ''}\n`);
  console.log(markdown(results));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(JSON.parse(readFileSync(process.argv[2] ?? 'bench/results.json', 'utf8')));
}

/** `npm run bench -- --basemap`: the cold loads and the basemap's bytes per view. */
export function printBasemapResults({ bytes, coldLoad, basemapViews }) {
  console.log(
    [
      `Cold load to idle, medians of ${coldLoad.runs} rotating rounds: app ${ms(coldLoad.medianMs)}, bench.html (basemap and names) ${ms(coldLoad.basemapMedianMs)}, bare map ${ms(coldLoad.bareMapMedianMs)}.`,
      `app / bench.html ${coldLoad.basemapRatio.toFixed(2)} (target ≤ 1.25); bench.html / bare ${coldLoad.basemapOverBare.toFixed(2)} (target ≤ 2.3); app / bare ${coldLoad.ratio.toFixed(2)}.`,
      `Basemap archive ${kib(bytes.basemapArchiveBytes)} in all; fetched per view: ${basemapViews.map((view) => `${view.view} (zoom ${view.zoom.toFixed(1)}) ${view.requests} ranges, ${kib(view.bytes)}`).join('; ')}.`,
    ].join('\n'),
  );
}

/** `npm run bench -- --million`: the million-row import, stored and reopened, run after run; medians with each run's own baselines. */
export function printMillionResults({ runs }) {
  const s = (value) => `${(value / 1000).toFixed(1)} s`;
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rows = runs.map((run, index) => [
    index + 1,
    s(run.untilShownMs),
    s(run.papaParseAloneMs),
    (run.untilShownMs / run.papaParseAloneMs).toFixed(1),
    s(run.untilStoredMs),
    ms(run.longestMainThreadTaskMs),
    s(run.reopenMedianMs),
    s(run.coldLoadWithoutMedianMs),
    (run.reopenMedianMs / run.coldLoadWithoutMedianMs).toFixed(2),
    ms(run.longestReopenTaskMs),
  ]);
  const at = (pick) => middle(runs.map(pick));
  rows.push([
    '**median**',
    s(at((run) => run.untilShownMs)),
    s(at((run) => run.papaParseAloneMs)),
    `**${at((run) => run.untilShownMs / run.papaParseAloneMs).toFixed(1)}**`,
    s(at((run) => run.untilStoredMs)),
    `**${ms(at((run) => run.longestMainThreadTaskMs))}**`,
    s(at((run) => run.reopenMedianMs)),
    s(at((run) => run.coldLoadWithoutMedianMs)),
    `**${at((run) => run.reopenMedianMs / run.coldLoadWithoutMedianMs).toFixed(2)}**`,
    `**${ms(at((run) => run.longestReopenTaskMs))}**`,
  ]);
  console.log(
    table(
      ['run', 'import, on the map', 'Papa Parse floor', 'import / floor', 'stored', 'longest task importing and saving', 'reopen, drawn and counted (median of 3)', 'cold load, built-in (median of 3)', 'reopen / cold', 'longest task reopening'],
      rows,
    ),
  );
}
