// The scenario's head as fine-grained records, so that edits of different parts never collide in
// the journal: two analysts (or two tabs) who each move a different zone both keep their change,
// and only two changes of the same zone meet (the newer wins, edit-journal.ts).
//
// Records: the details (title, sources, dates, measurements… and the order of views and layers),
// each view, each layer's style (and the order of its features), and each geography feature.
// Their ids start with "(": an event's id is kebab-case and never does.
import type { ScenarioFeature, ScenarioHead, ScenarioLayer, ScenarioView } from '../scenario-schema';
import type { Edit } from './edit-history';

export type HeadRecord =
  | { id: '(details)'; kind: 'details'; details: Omit<ScenarioHead, 'views' | 'layers'>; viewIds: string[]; layerIds: string[] }
  | { id: string; kind: 'view'; view: ScenarioView }
  | { id: string; kind: 'layer'; layer: Omit<ScenarioLayer, 'features'>; featureIds: string[] }
  | { id: string; kind: 'feature'; layerId: string; feature: ScenarioFeature };

export const isHeadRecordId = (id: string) => id.startsWith('(');

const viewRecordId = (id: string) => `(view)${id}`;
const layerRecordId = (id: string) => `(layer)${id}`;
const featureRecordId = (id: string) => `(feature)${id}`;

/** The head taken apart: details first, then each view, each layer and each of its features. */
export function headRecords(head: ScenarioHead): HeadRecord[] {
  const { views, layers, ...details } = head;
  return [
    { id: '(details)', kind: 'details', details, viewIds: views.map((view) => view.id), layerIds: layers.map((layer) => layer.id) },
    ...views.map((view): HeadRecord => ({ id: viewRecordId(view.id), kind: 'view', view })),
    ...layers.flatMap(({ features, ...layer }): HeadRecord[] => [
      { id: layerRecordId(layer.id), kind: 'layer', layer, featureIds: features.map((feature) => feature.properties.id) },
      ...features.map((feature): HeadRecord => ({ id: featureRecordId(feature.properties.id), kind: 'feature', layerId: layer.id, feature })),
    ]),
  ];
}

/**
 * The head put together again. The order lists say where each view, layer and feature goes; a
 * record the list does not name (added in another tab while this one reordered) goes at the end,
 * and a name whose record is gone (deleted elsewhere) is skipped: nobody's record is lost.
 */
export function headOfRecords(records: Iterable<HeadRecord>): ScenarioHead {
  let details: Extract<HeadRecord, { kind: 'details' }> | undefined;
  const views = new Map<string, ScenarioView>();
  const layers = new Map<string, Extract<HeadRecord, { kind: 'layer' }>>();
  const features = new Map<string, ScenarioFeature[]>();
  for (const record of records) {
    if (record.kind === 'details') details = record;
    else if (record.kind === 'view') views.set(record.view.id, record.view);
    else if (record.kind === 'layer') layers.set(record.layer.id, record);
    else features.set(record.layerId, [...(features.get(record.layerId) ?? []), record.feature]);
  }
  if (!details) throw new Error('A scenario head needs its details record.');
  const inOrder = <T>(ids: readonly string[], byId: ReadonlyMap<string, T>): T[] => [...new Set([...ids.filter((id) => byId.has(id)), ...byId.keys()])].map((id) => byId.get(id)!);
  return {
    ...details.details,
    views: inOrder(details.viewIds, views),
    layers: inOrder(details.layerIds, layers).map(({ layer, featureIds }) => {
      const own = new Map((features.get(layer.id) ?? []).map((feature) => [feature.properties.id, feature]));
      return { ...layer, features: inOrder(featureIds, own) };
    }),
  };
}

const same = (a: HeadRecord, b: HeadRecord) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The record edits that turn one head into the other: only the records that changed. */
export function headEdits(before: ScenarioHead, after: ScenarioHead): Edit<HeadRecord>[] {
  const old = new Map(headRecords(before).map((record) => [record.id, record]));
  const now = new Map(headRecords(after).map((record) => [record.id, record]));
  const edits: Edit<HeadRecord>[] = [];
  for (const [id, record] of now) {
    const was = old.get(id) ?? null;
    if (!was || !same(was, record)) edits.push({ before: was, after: record });
  }
  for (const [id, record] of old) if (!now.has(id)) edits.push({ before: record, after: null });
  return edits;
}

/** The head after some of its records changed: each edit's `after` replaces its record (null removes it). */
export function withHeadEdits(head: ScenarioHead, edits: readonly Edit<HeadRecord>[]): ScenarioHead {
  if (edits.length === 0) return head;
  const records = new Map(headRecords(head).map((record) => [record.id, record]));
  for (const { before, after } of edits) {
    const id = (after ?? before)!.id;
    if (after) records.set(id, after);
    else records.delete(id);
  }
  return headOfRecords(records.values());
}
