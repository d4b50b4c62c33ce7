// The built-in scenario document, for the scripts (bench, brief) and the tests: they read the
// article's views, layers and events from it, as the app does, rather than keeping copies.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUILT_IN_SCENARIO_FILE = fileURLToPath(new URL('../public/scenarios/built-in.tripwire.json', import.meta.url));

export const readBuiltInScenario = () => JSON.parse(readFileSync(BUILT_IN_SCENARIO_FILE, 'utf8'));

/** The scenario's widest view: where the benchmark spreads synthetic events. */
export function widestView(scenario = readBuiltInScenario()) {
  const area = ({ bounds: [west, south, east, north] }) => (east - west) * (north - south);
  return [...scenario.views].sort((a, b) => area(b) - area(a))[0];
}

/** `bounds=west,south,east,north` for bench.html. */
export const benchFrameQuery = (scenario) => `bounds=${widestView(scenario).bounds.join(',')}`;
