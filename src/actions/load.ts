// Opens the first scenario of a visit: the built-in one (public/scenarios), one named by the link
// (`?scenario=`), or the built-in geography with another events file (`?events=`). Every document
// is checked at the boundary: the store gets only valid data, or the located issues.
import { importedEventSet } from '../data/event-sets';
import type { ValidationIssue } from '../data/validate';
import { openScenario, type OpenedScenario } from '../data/open-scenario';
import { requestedPath } from '../data/linked-files';
import type { ScenarioSession } from '../session';

export const BUILT_IN_SCENARIO_PATH = 'scenarios/built-in.tripwire.json';

async function fetchOk(path: string): Promise<Response> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetchOk(path);
  try {
    return await response.json();
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/**
 * Another events file goes through the import code, so a CSV or another header works as in the
 * app (with the detected column mapping). That code is loaded only then: the first frame does not need it.
 */
async function withEventsFile(opened: OpenedScenario, path: string) {
  const response = await fetchOk(path);
  const { parseEventsFile } = await import('../import/parse-events-file');
  const result = parseEventsFile({ name: path, bytes: new Uint8Array(await response.arrayBuffer()) });
  if (!result.ok) return { ok: false as const, issues: result.issues.map((issue) => ({ ...issue, location: `${path} › ${issue.location}` })) };
  const { normaliseEvents } = await import('../data/events');
  const eventSet = { ...importedEventSet('file', path, normaliseEvents(result.events, 'file'), result.article), imported: false };
  return { ok: true as const, value: { ...opened, eventSets: [eventSet] } };
}

/**
 * The built-in document is small and parsed at once; one named by a link may hold a million
 * events, so it is read in parts and checked in the scenario worker, like an opened file.
 */
async function readScenario(path: string): Promise<{ ok: true; value: OpenedScenario } | { ok: false; issues: ValidationIssue[] }> {
  let opened;
  if (path === BUILT_IN_SCENARIO_PATH) opened = openScenario(await fetchJson(path));
  else {
    const { readScenarioFile } = await import('../scenario/read-scenario-file');
    opened = await readScenarioFile(await (await fetchOk(path)).blob());
    if ('cancelled' in opened) throw new Error(`${path}: reading was cancelled`);
  }
  return opened.ok ? opened : { ok: false, issues: opened.issues.map((issue) => ({ ...issue, location: `${path} › ${issue.location}` })) };
}

/** The built-in scenario as shipped, checked. */
export const readBuiltInScenario = () => readScenario(BUILT_IN_SCENARIO_PATH);

/**
 * Opens what the link names, or the built-in scenario. Atomic like opening a file: a linked
 * document that fails its checks (or cannot be fetched) changes nothing but the message, which
 * names where it failed; the built-in scenario is shown and works behind it.
 */
export async function loadScenario(session: ScenarioSession): Promise<void> {
  const { store } = session;
  const { search, origin } = window.location;
  const events = requestedPath(search, origin, 'events');
  const scenario = requestedPath(search, origin, 'scenario');
  for (const refused of [events.refused, scenario.refused]) if (refused) store.getState().addNotice(refused);
  const linked = scenario.path !== null || events.path !== null;
  // Read when first needed, and once: as an ?events= link's base, or in a failed link's place.
  let builtIn: ReturnType<typeof readScenario> | undefined;
  const readBuiltIn = () => (builtIn ??= readBuiltInScenario());
  let linkIssues: ValidationIssue[] = [];
  if (linked) {
    try {
      let opened = scenario.path ? await readScenario(scenario.path) : await readBuiltIn();
      if (opened.ok && events.path) opened = await withEventsFile(opened.value, events.path);
      if (opened.ok) return session.show(opened.value, { keepShown: true, stored: false });
      linkIssues = opened.issues;
    } catch (error) {
      linkIssues = [{ location: scenario.path ?? events.path ?? '(link)', message: error instanceof Error ? error.message : String(error) }];
    }
  }
  try {
    const opened = await readBuiltIn();
    if (!opened.ok) return store.getState().setLoadFailed([...linkIssues, ...opened.issues]);
    session.show(opened.value, { keepShown: !linked, stored: false });
    if (linkIssues.length > 0) store.getState().setLinkIssues(linkIssues);
  } catch (error) {
    store.getState().setLoadFailed([...linkIssues, { location: '(loading)', message: error instanceof Error ? error.message : String(error) }]);
  }
}
