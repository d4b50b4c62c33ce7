// Every polygon in every scenario we ship or test with follows RFC 7946's right-hand rule: outer
// rings counter-clockwise, holes clockwise. Turf and MapLibre read either winding, but a
// clockwise outer ring is read as a hole by some GeoJSON tools, and the file should not depend on
// which tool opens it.
import { readdirSync, readFileSync } from 'node:fs';
import { booleanClockwise } from '@turf/turf';
import { describe, expect, it } from 'vitest';

const FOLDERS = [new URL('../../public/scenarios/', import.meta.url), new URL('../fixtures/scenarios/', import.meta.url)];
const SCENARIOS = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, url: new URL(name, folder) })),
);

type Position = number[];
type Polygonal = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Every Polygon and MultiPolygon in the document (layers, events, anywhere), with where it is. */
function polygonsIn(value: unknown, where: string, found: { where: string; geometry: Polygonal }[] = []) {
  if (Array.isArray(value)) value.forEach((item, index) => polygonsIn(item, `${where}[${index}]`, found));
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (object.type === 'Polygon' || object.type === 'MultiPolygon') found.push({ where, geometry: object as Polygonal });
    else {
      // A feature is named by its id, so a failure says which shape to fix.
      const id = (object.properties as { id?: unknown } | undefined)?.id;
      const named = typeof id === 'string' ? `${where} ("${id}")` : where;
      for (const [key, inner] of Object.entries(object)) polygonsIn(inner, `${named}.${key}`, found);
    }
  }
  return found;
}

/** The rings wound against the right-hand rule: 'layers[5].features[0] ("x").geometry: polygon 2 ring 0 (outer) is clockwise'. */
function wrongWindings(document: unknown): string[] {
  return polygonsIn(document, '').flatMap(({ where, geometry }) => {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    return polygons.flatMap((rings, polygon) =>
      rings.flatMap((ring, index) => {
        const clockwise = booleanClockwise(ring);
        const outer = index === 0;
        if (clockwise !== outer) return [];
        return [`${where ? `${where.slice(1)}: ` : ''}polygon ${polygon} ring ${index} (${outer ? 'outer' : 'hole'}) is ${clockwise ? 'clockwise' : 'counter-clockwise'}`];
      }),
    );
  });
}

describe('polygon winding (RFC 7946 right-hand rule)', () => {
  it('finds the scenarios', () => {
    expect(SCENARIOS.map(({ name }) => name)).toContain('built-in.tripwire.json');
    expect(SCENARIOS.length).toBeGreaterThan(1);
  });

  it('checks both windings', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const hole = [
      [0.2, 0.2],
      [0.2, 0.8],
      [0.8, 0.8],
      [0.8, 0.2],
      [0.2, 0.2],
    ];
    expect(wrongWindings({ type: 'Polygon', coordinates: [square, hole] })).toEqual([]);
    expect(wrongWindings({ type: 'MultiPolygon', coordinates: [[[...square].reverse(), [...hole].reverse()]] })).toEqual([
      'polygon 0 ring 0 (outer) is clockwise',
      'polygon 0 ring 1 (hole) is counter-clockwise',
    ]);
  });

  it.each(SCENARIOS)('$name: outer rings counter-clockwise, holes clockwise', ({ url }) => {
    expect(wrongWindings(JSON.parse(readFileSync(url, 'utf8')))).toEqual([]);
  });
});
