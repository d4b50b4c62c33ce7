#!/usr/bin/env node
// `npm run brief -- …`: briefing images from the production build in headless Chromium.
//
//   --hash "<url hash>"   one image of that state (time, selection, camera, layers, filters)
//   --event <id>          one image framed on that event (time set to it, caption filled)
//   --each-event          one image per event, named <date>-<id>.png, plus index.html in date order
//   --format png|pptx|pdf png (default): images as above;  pptx (with --each-event): ONE PowerPoint
//                         deck, a title slide then a slide per event in date order, with the map as
//                         a picture and title, as-of stamp, caption and sources as editable text;
//                         pdf: the same slides as PDF pages (real text, maps at 300 ppi) — the same
//                         decks the app's "Deck…" dialog makes
//   --out <file|dir>      where to write (a .png for one image, a folder for --each-event, a .pptx / .pdf for a deck)
//   --author "…"          a deck's author field (default: Tripwire)
//
// Every per-event image is checked: a slide whose event lands off the map or under the legend,
// inset, scale bar or north arrow is named, with the vertex and what covers it.
//   --size 1920x1080      CSS pixels (default 1920x1080);  --scale 1|2|3  pixel ratio (default 1)
//   --title "…"           header title (default: the scenario's);  --handling "UNCLASSIFIED // FOR TRAINING"  banner text
//   --scenario <file>     open this scenario document (.tripwire.json) instead of the built-in one
//   --events <file>       use this events file instead of the scenario's events (validated like any import)
//   --basemap <file>      draw over this OpenStreetMap archive (.pmtiles, Protomaps schema) instead of the
//                         embedded basemap, as the app's "Basemap" choice does; credited on every image
//   --flavor light|grayscale|dark   how that archive is drawn (default light)
//
// Nothing half-written is left behind: images (and the deck) are written to a temporary folder next to the
// destination and moved into place only when all of them succeeded.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { launchChromium } from './launch-chromium.mjs';
import { writeIndex } from './brief-index.mjs';

/** Formats that make one deck file of every event, as the app's "Deck…" dialog does. */
const DECK_FORMATS = ['pptx', 'pdf'];

class BriefError extends Error {}
function fail(message) {
  throw new BriefError(message);
}

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        hash: { type: 'string' },
        event: { type: 'string' },
        'each-event': { type: 'boolean', default: false },
        format: { type: 'string', default: 'png' },
        out: { type: 'string' },
        size: { type: 'string', default: '1920x1080' },
        scale: { type: 'string', default: '1' },
        title: { type: 'string' },
        scenario: { type: 'string' },
        handling: { type: 'string', default: '' },
        author: { type: 'string', default: '' },
        events: { type: 'string' },
        basemap: { type: 'string' },
        flavor: { type: 'string', default: 'light' },
        build: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    fail(error.message);
  }
  const size = /^(\d{3,5})x(\d{3,5})$/.exec(parsed.size);
  if (!size) fail(`--size must look like 1920x1080, not "${parsed.size}"`);
  const scale = Number(parsed.scale);
  if (![1, 2, 3].includes(scale)) fail(`--scale must be 1, 2 or 3, not "${parsed.scale}"`);
  if (!parsed.out) fail('--out is required (a .png file, or a folder with --each-event)');
  if (!['png', ...DECK_FORMATS].includes(parsed.format)) fail(`--format must be one of png, ${DECK_FORMATS.join(', ')}, not "${parsed.format}"`);
  if (DECK_FORMATS.includes(parsed.format)) {
    if (!parsed['each-event']) fail(`--format ${parsed.format} makes a deck of every event: add --each-event`);
    if (!parsed.out.endsWith(`.${parsed.format}`)) fail(`--out must end in .${parsed.format} with --format ${parsed.format} (the deck is one file)`);
  }
  if (parsed['each-event'] && (parsed.hash || parsed.event)) fail('--each-event cannot be combined with --hash or --event');
  if (parsed.format === 'png' && !parsed['each-event'] && parsed.out.endsWith('/')) fail('--out names a folder: add --each-event, or give a .png file');
  if (parsed.format === 'png' && !parsed['each-event'] && !parsed.out.endsWith('.png')) fail('--out must end in .png for a single image');
  if (parsed.events && !existsSync(parsed.events)) fail(`--events: no such file ${parsed.events}`);
  if (parsed.scenario && !existsSync(parsed.scenario)) fail(`--scenario: no such file ${parsed.scenario}`);
  if (parsed.basemap && !existsSync(parsed.basemap)) fail(`--basemap: no such file ${parsed.basemap}`);
  if (parsed.basemap && !/\.pmtiles$/i.test(parsed.basemap)) fail(`--basemap must be a .pmtiles archive, not "${parsed.basemap}"`);
  if (!['light', 'grayscale', 'dark'].includes(parsed.flavor)) fail(`--flavor must be light, grayscale or dark, not "${parsed.flavor}"`);
  return { ...parsed, width: Number(size[1]), height: Number(size[2]), scale, out: resolve(parsed.out) };
}

/** The destination's folder must exist or be creatable, and writable: checked before any work. */
function prepareStaging(out, eachEvent) {
  const parent = eachEvent ? dirname(out.replace(/\/+$/, '')) : dirname(out);
  try {
    mkdirSync(parent, { recursive: true });
    return mkdtempSync(join(parent, `.brief-${basename(out)}-`));
  } catch (error) {
    fail(`cannot write to ${parent}: ${error.code ?? error.message}`);
  }
}

async function openApp(browser, baseUrl, options, hash) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const query = new URLSearchParams();
  // Files are served from memory under the app's own origin, so the app validates them like any file.
  const serve = async (file, served, contentType, parameter) => {
    const body = readFileSync(file);
    await page.route(`**/${served}`, (route) => route.fulfill({ body, contentType }));
    query.set(parameter, served);
  };
  if (options.basemap) await serveArchive(page, options.basemap, query);
  // The flavour is a stored preference in the app: set before its first script reads it.
  if (options.basemap) await page.addInitScript((flavor) => localStorage.setItem('tripwire', JSON.stringify({ state: { basemapFlavor: flavor }, version: 3 })), options.flavor);
  if (options.scenario) await serve(options.scenario, 'brief-scenario.tripwire.json', 'application/json', 'scenario');
  if (options.events) {
    const csv = /\.csv$/i.test(options.events);
    await serve(options.events, csv ? 'brief-events.csv' : 'brief-events.geojson', csv ? 'text/csv' : 'application/geo+json', 'events');
  }
  await page.goto(`${baseUrl}${query.size > 0 ? `?${query}` : ''}${hash ? `#${hash.replace(/^#/, '')}` : ''}`);
  // Ready when the map is drawn, or as soon as the scenario is refused (there is no map then).
  await page.waitForFunction(() => window.tripwireStore && (window.tripwireStore.getState().status === 'failed' || (window.tripwireMap && window.tripwireStore.getState().status === 'ready')), undefined, { timeout: 90_000 });
  const state = await page.evaluate(() => {
    const { status, loadIssues, notices } = window.tripwireStore.getState();
    return { status, loadIssues, notices };
  });
  if (state.status === 'failed') fail(`the scenario or its events could not be loaded:\n${state.loadIssues.map((issue) => `  ${issue.location}: ${issue.message}`).join('\n')}`);
  if (state.notices.length > 0) fail(`bad --hash: ${state.notices.join('; ')}`);
  if (errors.length > 0) fail(`the app reported errors: ${errors.join('; ')}`);
  return page;
}

/**
 * The archive is served under the app's origin (`?basemap=` accepts nothing else) and read as the
 * app reads any archive, a directory and a tile at a time: this route answers HTTP Range requests.
 */
async function serveArchive(page, file, query) {
  const bytes = readFileSync(file);
  await page.route('**/brief-basemap.pmtiles', (route) => {
    const range = /^bytes=(\d+)-(\d*)$/.exec(route.request().headers().range ?? '');
    if (!range) return route.fulfill({ body: bytes, contentType: 'application/octet-stream', headers: { 'Accept-Ranges': 'bytes' } });
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
    return route.fulfill({
      status: 206,
      body: bytes.subarray(start, end + 1),
      contentType: 'application/octet-stream',
      headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${bytes.length}` },
    });
  });
  query.set('basemap', 'brief-basemap.pmtiles');
}

/** Renders the current state in the page and returns the PNG bytes and alt text. */
async function render(page, options) {
  const result = await page.evaluate(async (options) => {
    const exported = await window.tripwireExport.render({
      size: { width: options.width, height: options.height },
      pixelRatio: options.scale,
      title: options.title,
      handling: options.handling,
      permalinkBase: '',
    });
    let binary = '';
    for (let i = 0; i < exported.png.length; i += 0x8000) binary += String.fromCharCode(...exported.png.subarray(i, i + 0x8000));
    return { base64: btoa(binary), altText: exported.altText, fileName: exported.fileName, width: exported.width, height: exported.height, caption: exported.model.caption };
  }, options);
  return { ...result, png: Buffer.from(result.base64, 'base64') };
}

/**
 * One image per event, in the order given, by the app's own per-event loop (window.tripwireExport.renderEvents:
 * time set to the event's end, the event selected, the map framed on it). `describe(progress)`, if given, names each finished image in a progress line.
 */
async function renderEach(page, options, eventIds, describe) {
  // The page reports each image as it is done, so a long run shows its progress as it goes.
  if (describe) {
    await page.exposeFunction('tripwireBriefProgress', (progress) => {
      console.log(`[${progress.index + 1}/${progress.total}] ${describe(progress)} ${progress.width}×${progress.height} (${progress.seconds.toFixed(1)} s)`);
    });
  }
  const results = await page.evaluate(
    ({ options, eventIds }) =>
      window.tripwireExport.renderEvents(
        {
          eventIds,
          size: { width: options.width, height: options.height },
          pixelRatio: options.scale,
          title: options.title,
          handling: options.handling,
          permalinkBase: '',
        },
        (progress) => window.tripwireBriefProgress?.(progress),
      ),
    { options, eventIds },
  );
  return results.map((result) => ({ ...result, png: Buffer.from(result.base64, 'base64') }));
}

/** Names every slide whose event is not shown clear (off the map, or under an overlay). */
function reportSubjects(slides) {
  const unclear = slides.filter((slide) => slide.subjectProblems.length > 0);
  for (const slide of unclear) console.warn(`warning: ${slide.eventId}: ${slide.subjectProblems.join('; ')}`);
  console.log(`${slides.length - unclear.length} of ${slides.length} slides show their event clear of the legend, inset, scale bar and north arrow`);
}

/** One deck file, made in the page by the same code as the "Deck…" dialog. */
async function writeDeck(page, options, events, staging) {
  await page.exposeFunction('tripwireBriefProgress', (progress) => console.log(`[${progress.index + 1}/${progress.total}] ${progress.eventId} (${progress.seconds.toFixed(1)} s)`));
  const deck = await page.evaluate(
    ({ options, eventIds }) =>
      window.tripwireExport.makeDeck(
        { format: options.format, title: options.title, handling: options.handling, author: options.author, eventIds, size: { width: options.width, height: options.height } },
        (progress) => window.tripwireBriefProgress(progress),
      ),
    { options, eventIds: events.map((event) => event.id) },
  );
  const file = join(staging, basename(options.out));
  writeFileSync(file, Buffer.from(deck.base64, 'base64'));
  renameSync(file, options.out);
  reportSubjects(deck.slides);
  console.log(`wrote ${options.out}: a title slide and ${events.length} event slides`);
}

async function main() {
const options = parseOptions();
const staging = prepareStaging(options.out, options['each-event'] && options.format === 'png');
if (options.build || !existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await launchChromium();
try {
  const baseUrl = server.resolvedUrls.local[0];
  const hash = options.event ? `event=${encodeURIComponent(options.event)}` : options.hash;
  const page = await openApp(browser, baseUrl, options, hash);
  options.title ??= await page.evaluate(() => window.tripwireStore.getState().scenario.title);
  if (options['each-event']) {
    const events = await page.evaluate(() => window.tripwireStore.getState().events.map(({ id, date, title }) => ({ id, date, title })));
    if (events.length === 0) fail('the events file has no events');
    if (DECK_FORMATS.includes(options.format)) return await writeDeck(page, options, events, staging);
    const images = await renderEach(page, options, events.map((event) => event.id), (progress) => progress.fileName);
    reportSubjects(images);
    const written = images.map((image, index) => ({ ...events[index], ...image }));
    for (const image of written) {
      writeFileSync(join(staging, image.fileName), image.png);
      writeFileSync(join(staging, image.fileName.replace(/\.png$/, '.alt.txt')), image.altText + '\n');
    }
    writeIndex(join(staging, 'index.html'), written, options.title);
    mkdirSync(options.out, { recursive: true });
    for (const name of [...written.flatMap((image) => [image.fileName, image.fileName.replace(/\.png$/, '.alt.txt')]), 'index.html']) {
      renameSync(join(staging, name), join(options.out, name));
    }
    console.log(`wrote ${written.length} images and index.html to ${options.out}`);
  } else {
    const [image] = options.event ? await renderEach(page, options, [options.event]) : [await render(page, options)];
    writeFileSync(join(staging, 'image.png'), image.png);
    writeFileSync(join(staging, 'image.alt.txt'), image.altText + '\n');
    renameSync(join(staging, 'image.png'), options.out);
    renameSync(join(staging, 'image.alt.txt'), options.out.replace(/\.png$/, '.alt.txt'));
    console.log(`wrote ${options.out} (${image.width}×${image.height}) and its alt text`);
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
  await browser.close();
  await server.close();
}
}

try {
  await main();
} catch (error) {
  console.error(`brief: ${error instanceof BriefError ? error.message : error.stack}`);
  process.exitCode = 1;
}
