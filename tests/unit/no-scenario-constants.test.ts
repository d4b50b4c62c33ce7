// A situation lives in its document, not in code: the built-in scenario's title, publisher,
// source title and view bounds appear nowhere in src/ or scripts/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltInScenario } from './public-files';

const ROOT = new URL('../../', import.meta.url).pathname;
const CODE = /\.(ts|tsx|mjs|js|css)$/;

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return CODE.test(name) && !name.startsWith('zz-') ? [path] : [];
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
