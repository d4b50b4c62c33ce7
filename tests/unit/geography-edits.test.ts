// Geography edits are pure: each returns a new head the app would open (checkHead says so, with
// the checks of a document being opened) and never changes the one it was given (the undo
// history and other tabs keep it). The heads here are deep-frozen, so a mutation throws.
import { describe, expect, it } from 'vitest';
import { checkHead, featureIdsOf, uniqueId, withFeature, withLayer, withoutFeature } from '../../src/data/editing/geography-edits';
import { NEW_LAYER, editableShape, geographyFormValuesOf, headWithFormValues, headWithShape, labelAnchorFor } from '../../src/data/editing/geography-form-values';
import { openScenario } from '../../src/data/open-scenario';
import type { ScenarioFeature, ScenarioHead, ScenarioLayer } from '../../src/data/scenario-schema';
import { deepFreeze, readFixture } from './fixtures';

const opened = openScenario(readFixture('scenarios/baltic-example.tripwire.json'));
if (!opened.ok) throw new Error('the Baltic example must open');
/** The Baltic example's head (one zones layer holding "gulf-incident-area"), frozen. */
const baltic: ScenarioHead = deepFreeze(opened.value.head);

const square = (west: number, south: number, size = 0.5): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});

const zone = (id: string, properties: Partial<ScenarioFeature['properties']> = {}): ScenarioFeature =>
  deepFreeze({ type: 'Feature', geometry: square(27, 59.8) as ScenarioFeature['geometry'], properties: { id, name: `Zone ${id}`, kind: 'zone', source: 'Drawn by hand for a test', ...properties } });

const routesLayer: ScenarioLayer = deepFreeze({ id: 'patrols', title: 'Patrols', source: 'Test', style: { kind: 'routes', color: '#aa3300' }, features: [] });

const idsOf = (head: ScenarioHead) => head.layers.map((layer) => [layer.id, layer.features.map((feature) => feature.properties.id)]);

describe('geography edits', () => {
  it('adds a feature to a layer, leaving the other layers as they were', () => {
    const head = withFeature(withLayer(baltic, routesLayer), 'zones', zone('patrol-box'));
    expect(idsOf(head)).toEqual([
      ['zones', ['gulf-incident-area', 'patrol-box']],
      ['patrols', []],
    ]);
    expect(head.layers[1]).toBe(routesLayer);
    expect(checkHead(head)).toEqual([]);
  });

  it('replaces the feature with the same id in place', () => {
    const renamed = zone('gulf-incident-area', { name: 'Renamed area' });
    const head = withFeature(baltic, 'zones', renamed);
    expect(head.layers[0]!.features).toEqual([renamed]);
    expect(checkHead(head)).toEqual([]);
  });

  it('removes a feature by id, whatever its layer', () => {
    const head = withoutFeature(withFeature(baltic, 'zones', zone('patrol-box')), 'gulf-incident-area');
    expect(idsOf(head)).toEqual([['zones', ['patrol-box']]]);
  });

  it('refuses an id already used in another layer, saying where', () => {
    const head = withFeature(withLayer(baltic, routesLayer), 'patrols', zone('gulf-incident-area'));
    expect(checkHead(head)).toEqual([
      { location: 'layers[1] (id "patrols") › features[0] › properties.id', message: 'duplicate id "gulf-incident-area" (first used in layers[0] (id "zones") › features[0])' },
    ]);
  });

  it('refuses a validity that ends before it starts, and a date that is not one', () => {
    expect(checkHead(withFeature(baltic, 'zones', zone('kadiz-old', { validFrom: '2013-12-15', validTo: '2013-12-01' })))).toEqual([
      { location: 'layers[0] (id "zones") › features[1] › properties.validTo', message: 'ends (2013-12-01) before it starts (2013-12-15)' },
    ]);
    expect(checkHead(withFeature(baltic, 'zones', zone('kadiz-old', { validFrom: '2013-02-30' })))).toEqual([
      { location: 'layers[0].features[1].properties.validFrom', message: 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD' },
    ]);
  });

  it('never changes the head it is given (it is frozen: a change would throw)', () => {
    const before = JSON.stringify(baltic);
    withFeature(baltic, 'zones', zone('patrol-box'));
    withFeature(baltic, 'zones', zone('gulf-incident-area'));
    withoutFeature(baltic, 'gulf-incident-area');
    withLayer(baltic, routesLayer);
    expect(JSON.stringify(baltic)).toBe(before);
    expect(() => withFeature(baltic, 'no-such-layer', zone('x'))).toThrow('no layer "no-such-layer"');
  });

  it('makes kebab-case ids from names, unlike any taken', () => {
    expect(uniqueId('Patrol box (north)', new Set())).toBe('patrol-box-north');
    expect(uniqueId('Gulf incident AREA', featureIdsOf(withFeature(baltic, 'zones', zone('gulf-incident-area-2'))))).toBe('gulf-incident-area-3');
    expect(uniqueId(`${'very '.repeat(30)}long name`, new Set())).toMatch(/^(very-){17}very$/);
    expect(uniqueId('Зона', new Set())).toBe('feature');
    expect(uniqueId('Škoda–Ærø', new Set())).toBe('skoda-r');
  });
});

describe('the geography form', () => {
  const values = { ...geographyFormValuesOf(baltic, null), name: 'Patrol box', source: 'Drawn by hand from the briefing note' };

  it('saves a drawn zone into the chosen layer, with a unique id and a label anchor inside it', () => {
    const result = headWithFormValues(baltic, values, { shape: square(27, 59.8), editing: null });
    expect(result.issues).toBeNull();
    expect(result.feature!.properties).toEqual({ id: 'patrol-box', name: 'Patrol box', kind: 'zone', source: 'Drawn by hand from the briefing note', labelAnchor: [27.02, 60.05] });
    expect(idsOf(result.head!)).toEqual([['zones', ['gulf-incident-area', 'patrol-box']]]);
  });

  it('puts each problem beside its field and saves nothing', () => {
    const result = headWithFormValues(baltic, { ...values, name: ' ', source: '', validFrom: '2024-05-01', validTo: '2024-04-01' }, { shape: null, editing: null });
    expect(result.head).toBeNull();
    expect(result.issues).toEqual({
      name: 'must not be empty',
      source: 'must not be empty',
      shape: 'needed: choose a shape and draw it on the map',
    });
    // Once the fields are filled, the order of dates is checked too.
    expect(headWithFormValues(baltic, { ...values, validFrom: '2024-05-01', validTo: '2024-04-01' }, { shape: square(27, 59.8), editing: null }).issues).toEqual({
      validTo: 'ends (2024-04-01) before it starts (2024-05-01)',
    });
  });

  it('refuses a shape the layer does not draw (a point in a zones layer would be invisible)', () => {
    const result = headWithFormValues(baltic, values, { shape: { type: 'Point', coordinates: [27, 60] }, editing: null });
    expect(result.issues).toEqual({ shape: 'a zones layer draws areas and lines: draw one of those, or choose another layer' });
  });

  it('makes a new layer, titled, coloured and in the legend, its id unlike the app’s own layers', () => {
    const line: GeoJSON.LineString = { type: 'LineString', coordinates: [[24, 59.5], [25, 59.7]] };
    const result = headWithFormValues(baltic, { ...values, layerId: NEW_LAYER, layerTitle: 'Events', layerKind: 'routes', layerColor: '#117733', date: '2024-12-25' }, { shape: line, editing: null });
    expect(result.issues).toBeNull();
    expect(result.head!.layers[1]).toMatchObject({ id: 'layer-events', title: 'Events', style: { kind: 'routes', color: '#117733' }, legend: { shape: 'line', color: '#117733' } });
    expect(result.feature!.properties).toMatchObject({ id: 'patrol-box', kind: 'route', date: '2024-12-25' });
  });

  it('edits a feature’s fields and keeps its id, shape and the properties the form does not show', () => {
    const editing = baltic.layers[0]!.features[0]!;
    const result = headWithFormValues(baltic, { ...geographyFormValuesOf(baltic, editing), name: 'Incident area (revised)', approximate: false }, { shape: null, editing });
    const { approximate, ...kept } = editing.properties;
    expect(approximate).toBe(true);
    expect(result.feature!.properties).toEqual({ ...kept, name: 'Incident area (revised)' });
    expect(result.feature!.geometry).toBe(editing.geometry);
  });

  it('reshapes a feature, moving its label anchor only when it falls outside', () => {
    const inside = headWithShape(baltic, 'gulf-incident-area', square(24, 59.6, 0.6));
    expect(inside.issues).toEqual([]);
    expect(inside.head.layers[0]!.features[0]!.properties.labelAnchor).toEqual([24.1, 59.93]);
    const moved = headWithShape(baltic, 'gulf-incident-area', square(26, 59.6, 0.2));
    expect(moved.head.layers[0]!.features[0]!.properties.labelAnchor).toEqual([26.008, 59.7]);
  });

  it('reshapes only what the map can draw: no multi-part shapes, no holes', () => {
    expect(editableShape(square(1, 1) as ScenarioFeature['geometry'])).not.toBeNull();
    expect(editableShape({ type: 'Polygon', coordinates: [...square(0, 0, 4).coordinates, ...square(1, 1).coordinates] as [number, number][][] })).toBeNull();
    expect(editableShape({ type: 'MultiPolygon', coordinates: [square(1, 1).coordinates as [number, number][][]] })).toBeNull();
  });

  it('puts a zone’s label near its west edge, inside it even when the shape is concave', () => {
    const u: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    expect(labelAnchorFor(u)).toEqual([0.12, 1.5]);
  });
});
