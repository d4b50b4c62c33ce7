// A journal step in words (the history's lines) and the "changed by" map's merging: pure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/data/open-scenario';
import { headEdits } from '../../src/data/editing/head-records';
import { summaryOfStep } from '../../src/data/editing/step-summary';
import { changesOfEntries, mergeChanges, withoutOthersChanges } from '../../src/data/editing/record-changes';
import type { CommittedRecord } from '../../src/data/editing/edit-journal';

const read = openScenario(JSON.parse(readFileSync(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url), 'utf8')));
if (!read.ok) throw new Error('the fixture does not open');
const { head, eventSets } = read.value;
const [event, other] = eventSets.flatMap((set) => set.events);

describe('a step in words', () => {
  it('names what one edit did, by the record’s own name', () => {
    expect(summaryOfStep('do', [{ before: null, after: event! }])).toBe(`Added event “${event!.title}”`);
    expect(summaryOfStep('do', [{ before: event!, after: null }])).toBe(`Deleted event “${event!.title}”`);
    expect(summaryOfStep('do', [{ before: event!, after: { ...event!, geometry: { type: 'Point', coordinates: [20, 55] } } }])).toBe(`Moved event “${event!.title}”`);
    expect(summaryOfStep('undo', [{ before: event!, after: { ...event!, title: 'New' } }])).toBe('Undid: changed event “New”');
    expect(summaryOfStep('do', headEdits(head, { ...head, title: 'Renamed' }))).toBe('Renamed the scenario to “Renamed”');
  });

  it('says a moved zone, not the layer list that changes with it; counts a larger step', () => {
    const zone = head.layers[0]!.features[0]!;
    const moved = { ...head, layers: head.layers.map((layer, index) => (index === 0 ? { ...layer, features: [{ ...zone, geometry: { type: 'Point' as const, coordinates: [24, 60] as [number, number] } }] } : layer)) };
    expect(summaryOfStep('do', headEdits(head, moved))).toBe(`Moved incident area “${zone.properties.name}”`);
    const removed = { ...head, layers: head.layers.map((layer, index) => (index === 0 ? { ...layer, features: [] } : layer)) };
    expect(summaryOfStep('do', headEdits(head, removed))).toBe(`Deleted incident area “${zone.properties.name}”`);
    expect(summaryOfStep('redo', [{ before: null, after: event! }, { before: null, after: other! }])).toBe('Redid: added 2 events');
    expect(summaryOfStep('do', [{ before: null, after: event! }, { before: other!, after: null }])).toBe('2 changes');
  });
});

describe('who changed each record last', () => {
  const entry = (seq: number, author: string | null, edits: CommittedRecord['edits'], stale = false): CommittedRecord => ({ scenarioId: 's', seq, author, madeAt: `2026-12-07T10:0${seq}:00Z`, step: 'do', edits, stale });

  it('keeps the newest change of each record, and nothing from a journal without authors', () => {
    const changes = changesOfEntries([entry(1, 'alice', [{ before: event!, after: event! }]), entry(2, 'bob', [{ before: event!, after: event! }], true), entry(3, null, [{ before: other!, after: other! }])]);
    expect(changes).toEqual({ [event!.id]: { author: 'bob', madeAt: '2026-12-07T10:02:00Z', stale: true, seq: 2 } });
    // An older answer never replaces a newer one; this page's own edit on its way stays newest until acknowledged.
    const pending = mergeChanges(changes, { [other!.id]: { author: 'alice', madeAt: '', stale: false, seq: Infinity } });
    expect(mergeChanges(pending, { [event!.id]: { author: 'carol', madeAt: '', stale: false, seq: 1 } })).toBe(pending);
    expect(mergeChanges(pending, { [other!.id]: { author: 'bob', madeAt: '', stale: false, seq: 9 } })).toBe(pending);
    expect(mergeChanges(pending, { [other!.id]: { author: 'alice', madeAt: 'then', stale: false, seq: 4 } })[other!.id]).toMatchObject({ author: 'alice', seq: 4 });
    // An undo keeps what someone else changed since; with no author (this browser's own scenario) it keeps nothing back.
    const step = [{ before: event!, after: event! }, { before: other!, after: other! }];
    expect(withoutOthersChanges(step, pending, 'alice')).toEqual({ kept: [step[1]], skipped: [{ edit: step[0], by: changes[event!.id] }] });
    expect(withoutOthersChanges(step, pending, null)).toEqual({ kept: step, skipped: [] });
  });
});
