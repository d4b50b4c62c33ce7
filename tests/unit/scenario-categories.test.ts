// A scenario's own categories ("cable-incident") are named and coloured everywhere the vocabulary's are.
import { afterEach, describe, expect, it } from 'vitest';
import { categoryColor as categoryExpression } from '../../src/layers/expressions';
import { categoryColor, categoryLabel, scenarioOwnCategories, setScenarioCategories, UNKNOWN_COLOR } from '../../src/data/vocabulary';
import { openScenario } from '../../src/data/open-scenario';
import { readJson } from './public-files';

const BALTIC = new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url);

afterEach(() => setScenarioCategories({}));

describe("a scenario's categories", () => {
  it('name and colour its own categories, and may recolour the vocabulary', () => {
    expect(categoryColor('cable-incident')).toBe(UNKNOWN_COLOR);
    setScenarioCategories({ 'cable-incident': { label: 'Cable incident', color: '#117733' }, diplomacy: { color: '#000000' } });
    expect([categoryLabel('cable-incident'), categoryColor('cable-incident')]).toEqual(['Cable incident', '#117733']);
    expect([categoryLabel('diplomacy'), categoryColor('diplomacy')]).toEqual(['Diplomacy', '#000000']);
    expect(scenarioOwnCategories()).toEqual(['cable-incident']);
  });

  it('reach the map style', () => {
    const expression = JSON.stringify(categoryExpression({ 'cable-incident': { color: '#117733' } }));
    expect(expression).toContain('"cable-incident","#117733"');
    expect(JSON.stringify(categoryExpression())).not.toContain('cable-incident');
  });

  it('are not reported as unknown when the document declares them', () => {
    const document = readJson(BALTIC) as { categories?: unknown; events: { features: { properties: { category: string } }[] } };
    document.events.features[0]!.properties.category = 'cable-incident';
    const undeclared = openScenario(document);
    expect(undeclared.ok && undeclared.warnings.map((issue) => issue.message)).toEqual([expect.stringContaining('unknown category "cable-incident"')]);
    document.categories = { 'cable-incident': { label: 'Cable incident', color: '#117733' } };
    const declared = openScenario(document);
    expect(declared.ok && declared.warnings).toEqual([]);
  });
});
