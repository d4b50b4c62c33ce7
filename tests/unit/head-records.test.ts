// The scenario head as fine-grained records (src/data/editing/head-records.ts): taken apart and put
// together again without loss, and an edit touches only the records that changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/data/open-scenario';
import type { ScenarioHead } from '../../src/data/scenario-schema';
import { headEdits, headOfRecords, headRecords, withHeadEdits } from '../../src/data/editing/head-records';
import { stepOf } from '../../src/data/editing/edit-journal';

const headOf = (path: string): ScenarioHead => {
  const result = openScenario(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')));
  if (!result.ok) throw new Error(`${path} does not open`);
  return result.value.head;
};
const heads = ['../../public/scenarios/built-in.tripwire.json', '../fixtures/scenarios/red-sea-example.tripwire.json', '../fixtures/scenarios/taiwan-strait-example.tripwire.json'].map(headOf);
const builtIn = heads[0]!;
const renameFeature = (head: ScenarioHead, id: string, name: string): ScenarioHead => ({
  ...head,
  layers: head.layers.map((layer) => ({ ...layer, features: layer.features.map((feature) => (feature.properties.id === id ? { ...feature, properties: { ...feature.properties, name } } : feature)) })),
});

describe('head records', () => {
  it('put a head together again exactly, for every example scenario', () => {
    for (const head of heads) expect(headOfRecords(headRecords(head))).toEqual(head);
    expect(headRecords(builtIn).length).toBeGreaterThan(builtIn.views.length + builtIn.layers.length + 1);
  });

  it('a changed feature is one edit of one record; no change is no edit', () => {
    const feature = builtIn.layers.find((layer) => layer.features.length > 1)!.features[1]!;
    const edits = headEdits(builtIn, renameFeature(builtIn, feature.properties.id, 'Renamed'));
    expect(edits).toHaveLength(1);
    expect(edits[0]!.after).toMatchObject({ id: `(feature)${feature.properties.id}`, kind: 'feature' });
    expect(headEdits(builtIn, { ...builtIn })).toEqual([]);
    expect(headEdits(builtIn, { ...builtIn, title: 'New title' }).map((edit) => edit.after?.id)).toEqual(['(details)']);
  });

  it("edits of different records made from the same head both survive, in any order", () => {
    const [first, second] = builtIn.layers.flatMap((layer) => layer.features).map((feature) => feature.properties.id);
    const mine = headEdits(builtIn, renameFeature(builtIn, first!, 'Mine'));
    const theirs = headEdits(builtIn, renameFeature(builtIn, second!, 'Theirs'));
    const both = withHeadEdits(withHeadEdits(builtIn, mine), theirs);
    expect(withHeadEdits(withHeadEdits(builtIn, theirs), mine)).toEqual(both);
    const names = both.layers.flatMap((layer) => layer.features).map((feature) => feature.properties.name);
    expect(names).toContain('Mine');
    expect(names).toContain('Theirs');
  });

  it('a record added elsewhere and missing from the order still shows; one deleted elsewhere is skipped', () => {
    const records = headRecords(builtIn);
    const layer = records.find((record) => record.kind === 'layer')!;
    const feature = records.find((record) => record.kind === 'feature' && record.layerId === (layer.kind === 'layer' && layer.layer.id))!;
    const extra = feature.kind === 'feature' ? { ...feature, id: '(feature)added-elsewhere', feature: { ...feature.feature, properties: { ...feature.feature.properties, id: 'added-elsewhere' } } } : feature;
    const head = headOfRecords([...records.filter((record) => record !== feature), extra]);
    const ids = head.layers.flatMap((each) => each.features.map((item) => item.properties.id));
    expect(ids).toContain('added-elsewhere');
    expect(ids).not.toContain(feature.kind === 'feature' ? feature.feature.properties.id : '');
  });

  it('reads a journal entry written before the split (the whole head as one record) as record edits', () => {
    const after = renameFeature(builtIn, builtIn.layers[0]!.features[0]!.properties.id, 'Old-style edit');
    const legacy = { scenarioId: builtIn.id, step: 'do' as const, edit: { before: { id: '(scenario)' as const, head: builtIn }, after: { id: '(scenario)' as const, head: after } } };
    expect(stepOf(legacy)).toEqual(headEdits(builtIn, after));
  });
});
