// `npm run bench`: measures the production build in headless Chromium and writes
// bench/results.json. Machines here are shared and noisy, so every figure is a median over
// repeated runs, and timings are reported beside a baseline measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { measureBytes } from './bytes.mjs';
import { measureColdLoad } from './cold-load.mjs';
import { measureScrub } from './scrub.mjs';

const quick = process.argv.includes('--quick'); // used by `npm test`: proves the bench runs, measures nothing
const CHROMIUM_FLAGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const baseUrl = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });

try {
  const results = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    machine: `${process.platform} ${process.arch}, node ${process.version}`,
    quick,
    bytes: measureBytes(),
    coldLoad: await measureColdLoad(browser, baseUrl, quick ? 1 : 5),
    scrub: await measureScrub(browser, baseUrl, { quick }),
  };
  mkdirSync('bench', { recursive: true });
  const file = quick ? 'bench/results-quick.json' : 'bench/results.json';
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  printTable(results);
  console.log(`\nwritten: ${file}`);
} finally {
  await browser.close();
  await server.close();
}

function printTable(results) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(`\nChromium ${results.chromium} — ${results.machine}`);
  console.log(`bytes: JS ${kb(results.bytes.jsGzip)} gzip (${kb(results.bytes.js)} raw), basemap ${kb(results.bytes.basemap)} (${kb(results.bytes.basemapGzip)} gzip), events ${kb(results.bytes.events)}`);
  const { medianMs, minMs, maxMs, runs } = results.coldLoad;
  console.log(`cold load to idle: median ${medianMs.toFixed(0)} ms (min ${minMs.toFixed(0)}, max ${maxMs.toFixed(0)}, ${runs} fresh pages)`);
  console.table(results.scrub.map((row) => ({ ...row, scrubMedianMs: row.scrubMedianMs.toFixed(1), scrubP95Ms: row.scrubP95Ms.toFixed(1), repaintMedianMs: row.repaintMedianMs.toFixed(1), ratio: row.ratio.toFixed(2) })));
}
