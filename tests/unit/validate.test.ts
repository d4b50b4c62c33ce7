import { describe, expect, it } from 'vitest';
import { validateEventCollection, type ValidationIssue } from '../../src/data/validate';
import { openScenario } from '../../src/data/open-scenario';
import { readJson } from './public-files';
import { deepFreeze, readFixture } from './fixtures';

type Properties = Record<string, unknown>;
type Feature = { type: 'Feature'; geometry: { type: string; coordinates: unknown }; properties: Properties };
type Collection = { type: 'FeatureCollection'; features: Feature[] };

const MINIMAL = readFixture<Collection>('events-minimal.json');
const FEATURE = MINIMAL.features[0]!;

/** The minimal file with its one feature replaced by variants of it (the variants get id "variant"). */
const fileWith = (...features: Feature[]) => deepFreeze({ ...MINIMAL, features });
const withProperties = (changes: Properties, removed: string[] = []): Feature => ({
  ...FEATURE,
  properties: Object.fromEntries(Object.entries({ ...FEATURE.properties, id: 'variant', ...changes }).filter(([key]) => !removed.includes(key))),
});
const withCoordinates = (coordinates: number[]): Feature => ({ ...withProperties({}), geometry: { type: 'Point', coordinates } });

function issuesOf(json: unknown): ValidationIssue[] {
  const result = validateEventCollection(json);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('validateEventCollection', () => {
  it('accepts a minimal valid file and returns its event and article', () => {
    const result = validateEventCollection(MINIMAL);
    expect(result.ok && result.value.events.map((event) => event.properties.id)).toEqual(['summit']);
    expect(result.ok && result.value.article?.publishedDate).toBe('2023-01-11');
  });

  it.each([
    ['an impossible date 2022-02-30', withProperties({ date: '2022-02-30' }), 'properties.date'],
    ['a latitude of 95', withCoordinates([130, 95]), 'geometry.coordinates[1]'],
    ['a NaN longitude', withCoordinates([Number.NaN, 40]), 'geometry.coordinates[0]'],
    ['a category that is not kebab-case', withProperties({ category: 'Missile Test' }), 'properties.category'],
    ['an end date before the date', withProperties({ endDate: '2019-04-24' }), 'properties.endDate'],
    ['a missing title', withProperties({}, ['title']), 'properties.title'],
    ['a 201-character title', withProperties({ title: 'x'.repeat(201) }), 'properties.title'],
  ])('rejects %s with an issue naming the feature and field', (_name, feature, field) => {
    const issues = issuesOf(fileWith(FEATURE, feature));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.location).toMatch(/^features\[1\] \(id "variant"\)/);
    expect(issues[0]!.location).toContain(field);
  });

  it('rejects a duplicate id, naming both features', () => {
    const [issue, ...rest] = issuesOf(fileWith(FEATURE, FEATURE));
    expect(rest).toEqual([]);
    expect(issue!.location).toBe('features[1] › properties.id');
    expect(issue!.message).toContain('features[0]');
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a single Feature', FEATURE],
    ['a collection without features', { type: 'FeatureCollection' }],
  ])('rejects %s as not a FeatureCollection', (_name, json) => {
    expect(issuesOf(json).length).toBeGreaterThan(0);
  });

  it('reports every broken feature at once', () => {
    const issues = issuesOf(fileWith(withProperties({ id: 'a', date: '2022-02-30' }), FEATURE, withProperties({ id: 'b', category: 'Invasion!' })));
    expect(issues.map((issue) => issue.location)).toEqual([
      'features[0] (id "a") › properties.date',
      'features[2] (id "b") › properties.category',
    ]);
  });
});

describe('vocabulary warnings', () => {
  it('keeps an unknown category and actor but flags each, located', () => {
    const result = validateEventCollection(fileWith(withProperties({ category: 'cyber', actors: ['RUS', 'NATO'] })));
    expect(result.ok).toBe(true);
    const warnings = result.ok ? result.warnings.map((warning) => `${warning.location}: ${warning.message.split(':')[0]}`) : [];
    expect(warnings).toEqual([
      'features[0] (id "variant") › properties.category: unknown category "cyber"',
      'features[0] (id "variant") › properties.actors: unknown actor "NATO"',
    ]);
  });
});

describe("a scenario's geography", () => {
  it('refuses a shape without a source, naming the layer, feature and field', () => {
    const scenario = readJson(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url)) as { layers: { features: unknown[] }[] };
    scenario.layers[0]!.features = (readFixture('geography-missing-source.json') as { features: unknown[] }).features;
    const result = openScenario(scenario);
    expect(result.ok ? [] : result.issues.map((issue) => issue.location)).toEqual(['layers[0].features[0].properties.source']);
  });
});
