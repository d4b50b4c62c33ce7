import { booleanClockwise, booleanPointInPolygon, centroid, coordAll, kinks, point, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { sourceCountries } from '../../scripts/geo/basemap-ground';
import { describe, expect, it } from 'vitest';
import { dayToIso, parseIsoPartialDate } from '../../src/data/dates';
import type { GeographyFeature } from '../../src/data/schemas';
import { openScenario } from '../../src/data/open-scenario';
import { DRAWN_LAYERS, readBuiltInScenario, readGeography } from './public-files';

const FEATURES = Object.values(readGeography(DRAWN_LAYERS)).flat();
const byId = (id: string) => FEATURES.find((feature) => feature.properties.id === id)!;
const asArea = (feature: GeographyFeature) => feature as unknown as Feature<Polygon | MultiPolygon>;
const pointOf = (id: string) => byId(id).geometry.coordinates as Position;

const pointToPolygonDistanceKm = (position: Position, area: Feature<Polygon | MultiPolygon>) =>
  Math.abs(pointToPolygonDistance(point(position), area, { units: 'kilometers' }));
const AREAS = FEATURES.filter((feature) => feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon');
const polygonsOf = (feature: GeographyFeature): Position[][][] =>
  feature.geometry.type === 'MultiPolygon' ? (feature.geometry.coordinates as Position[][][]) : [feature.geometry.coordinates as Position[][]];
const allPositions = (feature: GeographyFeature): Position[] => coordAll(feature as unknown as Feature);

describe('the built-in scenario document', () => {
  it('opens with no issues and no warnings', () => {
    const result = openScenario(readBuiltInScenario());
    expect(result.ok ? result.warnings : result.issues).toEqual([]);
  });
});

describe('the drawn geography', () => {
  it('closes every polygon ring', () => {
    const open = AREAS.flatMap((feature) => polygonsOf(feature).flat().filter((ring) => String(ring[0]) !== String(ring.at(-1))).map(() => feature.properties.id));
    expect(open).toEqual([]);
  });

  it('winds every outer ring counter-clockwise and every hole clockwise (RFC 7946)', () => {
    const wrong = AREAS.flatMap((feature) =>
      polygonsOf(feature).flatMap((rings) => rings.filter((ring, index) => booleanClockwise(ring) !== (index > 0)).map(() => feature.properties.id)),
    );
    expect(wrong).toEqual([]);
  });

  it('has no self-intersecting polygons', () => {
    const crossed = AREAS.filter((feature) => kinks(asArea(feature)).features.length > 0).map((feature) => feature.properties.id);
    expect(crossed).toEqual([]);
  });

  it('keeps every coordinate within longitude −180…180 and latitude −90…90', () => {
    const outside = FEATURES.filter((feature) => allPositions(feature).some(([lon, lat]) => !(Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90)));
    expect(outside.map((feature) => feature.properties.id)).toEqual([]);
  });

  it('uses every id once across all files', () => {
    const ids = FEATURES.map((feature) => feature.properties.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('names a source for every feature', () => {
    expect(FEATURES.filter((feature) => !feature.properties.source?.trim()).map((feature) => feature.properties.id)).toEqual([]);
  });

  it('places every zone label inside its own zone', () => {
    const zones = AREAS.filter((feature) => feature.properties.kind === 'adiz');
    const outside = zones.filter((feature) => !feature.properties.labelAnchor || !booleanPointInPolygon(feature.properties.labelAnchor, asArea(feature)));
    expect(outside.map((feature) => feature.properties.id)).toEqual([]);
  });

  it('places every island label just beside its island (within 30 km), where it does not cover it', () => {
    const islands = AREAS.filter((feature) => feature.properties.kind === 'island' && feature.properties.labelAnchor);
    expect(islands.length).toBe(4);
    const far = islands.filter((feature) => pointToPolygonDistanceKm(feature.properties.labelAnchor!, asArea(feature)) > 30);
    expect(far.map((feature) => feature.properties.id)).toEqual([]);
  });

  it.each([
    'kadiz-1951', 'kadiz-2013', 'jadiz', 'cadiz-ecs', 'rason-port', 'alsom-island', 'bakhmut',
    'vladivostok-russky', 'patriot-park', 'ieodo', 'rason-sez', 'kuril-islands', 'kurils-disputed',
  ])('contains the feature %s exactly once', (id) => {
    expect(FEATURES.filter((feature) => feature.properties.id === id)).toHaveLength(1);
  });
});

describe('geographic facts the map relies on', () => {
  it('puts Ieodo inside the 2013 KADIZ', () => {
    expect(booleanPointInPolygon(pointOf('ieodo'), asArea(byId('kadiz-2013')))).toBe(true);
  });

  it('puts Ieodo outside the 1951 KADIZ', () => {
    expect(booleanPointInPolygon(pointOf('ieodo'), asArea(byId('kadiz-1951')))).toBe(false);
  });

  it('puts Bakhmut inside Ukraine', () => {
    const ukraine = sourceCountries().features.find((feature) => feature.properties?.name === 'Ukraine')! as GeographyFeature;
    expect(booleanPointInPolygon(pointOf('bakhmut'), asArea(ukraine))).toBe(true);
  });

  it('draws every vertex of the disputed Kurils north-east of Hokkaido (lon > 145.4, lat > 43.2)', () => {
    const southWest = allPositions(byId('kurils-disputed')).filter(([lon, lat]) => !(lon! > 145.4 && lat! > 43.2));
    expect(southWest).toEqual([]);
  });

  it('centres the disputed Kurils north-east of Cape Nosappu (145.82E 43.38N)', () => {
    const [lon, lat] = centroid(asArea(byId('kurils-disputed'))).geometry.coordinates;
    expect([lon! > 145.82, lat! > 43.38]).toEqual([true, true]);
  });

  it('ends the 1951 KADIZ the day before the 2013 KADIZ begins, on 15 Dec 2013', () => {
    const { validFrom } = byId('kadiz-2013').properties;
    expect(validFrom).toBe('2013-12-15');
    expect(byId('kadiz-1951').properties.validTo).toBe(dayToIso(parseIsoPartialDate(validFrom!)!.start - 1));
  });

  it('starts China’s East China Sea ADIZ on 23 Nov 2013', () => {
    expect(byId('cadiz-ecs').properties.validFrom).toBe('2013-11-23');
  });
});
