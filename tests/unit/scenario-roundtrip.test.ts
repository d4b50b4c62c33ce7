// Open → save → open gives the same document: after the first save (which normalises key order,
// event order within each set and names each event's set), saving again writes the same bytes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/data/open-scenario';
import { scenarioDocumentParts } from '../../src/scenario/scenario-document';
import { parseScenarioText } from '../../src/scenario/scenario-file-reader';
import { BUILT_IN_SCENARIO_FILE } from './public-files';

const BALTIC = new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url);

/** Reads a document the way the app does (streamed), checks it, and writes it again. */
async function reopen(text: string): Promise<string> {
  const features: unknown[] = [];
  const { head } = await parseScenarioText(text, { onFeatures: (batch) => void features.push(...batch) });
  const opened = openScenario(head, features);
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues.slice(0, 3)));
  return [...scenarioDocumentParts(opened.value.head, opened.value.eventSets)].join('');
}

describe('open → save → open', () => {
  it.each([
    ['the built-in scenario', readFileSync(BUILT_IN_SCENARIO_FILE, 'utf8')],
    ['a hand-written scenario', readFileSync(BALTIC, 'utf8')],
  ])('gives %s back byte for byte after normalisation', async (_name, original) => {
    const saved = await reopen(original);
    expect(await reopen(saved)).toBe(saved);
    expect(JSON.parse(saved)).toMatchObject({ title: JSON.parse(original).title });
  });

  it('keeps the built-in scenario in its normal form in the repository', async () => {
    const original = readFileSync(BUILT_IN_SCENARIO_FILE, 'utf8');
    expect(await reopen(original)).toBe(original);
  });

  it('keeps every event, in its set, with every field', async () => {
    const original = JSON.parse(readFileSync(BALTIC, 'utf8')) as { events: { features: { properties: Record<string, unknown> }[] } };
    const saved = JSON.parse(await reopen(JSON.stringify(original))) as typeof original;
    const byId = (doc: typeof original) => new Map(doc.events.features.map((feature) => [String(feature.properties.id), feature]));
    const before = byId(original);
    expect(byId(saved).size).toBe(before.size);
    for (const [id, feature] of byId(saved)) {
      const { eventSet, ...properties } = feature.properties;
      expect(eventSet).toBe('briefing-note');
      expect(properties).toEqual(before.get(id)!.properties);
    }
  });
});
