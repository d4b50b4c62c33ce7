// Facts a source states or implies, measured with Turf from the scenario's geography, so that
// the map can show "measured: 17.9 km" next to "roughly 11 miles" instead of repeating the text.
// The scenario names what to measure (its `measurements`); how to measure is general code here.
import {
  area,
  booleanPointInPolygon,
  featureCollection,
  intersect,
  length,
  lineSplit,
  lineString,
  midpoint,
  point,
  pointToLineDistance,
  polygon,
  polygonToLine,
} from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import type { GeographyFeature } from './schemas';
import type { Measurement } from './scenario-schema';

export interface MeasuredFact {
  /** The geography feature the fact belongs to (shown in its detail). */
  featureId: string;
  label: string;
  value: number;
  unit: 'km' | 'km²' | '%';
  /** What the source says, where it says something, for comparison. */
  articleSays?: string;
}

const KM_PER_MILE = 1.609344;
export const kmToMiles = (km: number) => km / KM_PER_MILE;

type Area = Feature<Polygon | MultiPolygon>;

function byId(geography: Record<string, GeographyFeature[]>): Map<string, GeographyFeature> {
  return new Map(Object.values(geography).flat().map((feature) => [feature.properties.id, feature]));
}

const asArea = (feature: GeographyFeature) => feature as unknown as Area;

/** The largest polygon of a (multi)polygon: the mainland, without islands such as Alsom itself. */
function mainland(feature: GeographyFeature): Feature<Polygon> {
  const geometry = feature.geometry;
  const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : geometry.type === 'Polygon' ? [geometry.coordinates] : [];
  const largest = polygons.map((rings) => polygon(rings)).sort((a, b) => area(b) - area(a))[0];
  if (!largest) throw new Error(`${feature.properties.id} has no polygon`);
  return largest;
}

/** Square kilometres where two zones overlap (0 when they don't). */
export function overlapKm2(a: GeographyFeature, b: GeographyFeature): number {
  const shared = intersect(featureCollection([asArea(a), asArea(b)]));
  return shared ? area(shared) / 1e6 : 0;
}

/** Kilometres of a track that lie inside a zone. */
export function lengthInsideKm(track: Feature<LineString>, zone: GeographyFeature): number {
  const pieces = lineSplit(track, asArea(zone) as Feature<Polygon>).features;
  const segments = pieces.length > 0 ? pieces : [track];
  return segments
    .filter((segment) => {
      const [first, second] = segment.geometry.coordinates;
      return booleanPointInPolygon(midpoint(point(first!), point(second!)), asArea(zone));
    })
    .reduce((sum, segment) => sum + length(segment, { units: 'kilometers' }), 0);
}

/** The feature's line: a line as it is, an area's largest polygon as its coast. */
function lineOf(feature: GeographyFeature): Feature<LineString> | null {
  if (feature.geometry.type === 'LineString') return lineString(feature.geometry.coordinates);
  if (feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon') return polygonToLine(mainland(feature)) as Feature<LineString>;
  return null;
}

/** The measurements a scenario asks for, each a general Turf capability (see scenario-format.md). */
export function computeFacts(geography: Record<string, GeographyFeature[]>, measurements: readonly Measurement[]): MeasuredFact[] {
  const features = byId(geography);
  const facts: MeasuredFact[] = [];
  for (const measurement of measurements) {
    if (measurement.kind === 'distance') {
      const from = features.get(measurement.from);
      const to = features.get(measurement.to);
      const line = to ? lineOf(to) : null;
      if (from?.geometry.type !== 'Point' || !line) continue;
      const km = pointToLineDistance(point(from.geometry.coordinates), line, { units: 'kilometers' });
      for (const featureId of measurement.showOn ?? [measurement.from]) {
        facts.push({ featureId, label: measurement.label, value: km, unit: 'km', ...(measurement.sourceSays ? { articleSays: measurement.sourceSays } : {}) });
      }
    } else if (measurement.kind === 'overlap') {
      const [a, b] = measurement.zones.map((id) => features.get(id));
      if (!a || !b) continue;
      const km2 = overlapKm2(a, b);
      facts.push({ featureId: a.properties.id, label: measurement.labels[0], value: km2, unit: 'km²' }, { featureId: b.properties.id, label: measurement.labels[1], value: km2, unit: 'km²' });
    } else {
      const zone = features.get(measurement.zone);
      if (!zone) continue;
      for (const route of geography[measurement.routesLayer] ?? []) {
        if (route.geometry.type !== 'LineString' || measurement.exceptKinds.includes(route.properties.kind)) continue;
        const line = lineString(route.geometry.coordinates);
        const inside = lengthInsideKm(line, zone);
        const total = length(line, { units: 'kilometers' });
        facts.push(
          { featureId: route.properties.id, label: measurement.label, value: inside, unit: 'km' },
          { featureId: route.properties.id, label: measurement.shareLabel, value: (inside / total) * 100, unit: '%' },
        );
      }
    }
  }
  return facts;
}

/** "17.9 km (11.1 mi)", "43,200 km²", "62 %". */
export function formatFact(fact: Pick<MeasuredFact, 'value' | 'unit'>): string {
  const rounded = (value: number, digits: number) => value.toLocaleString('en-GB', { maximumFractionDigits: digits });
  if (fact.unit === 'km') return `${rounded(fact.value, 1)} km (${rounded(kmToMiles(fact.value), 1)} mi)`;
  if (fact.unit === 'km²') return `${rounded(Math.round(fact.value / 100) * 100, 0)} km²`;
  return `${rounded(fact.value, 0)} %`;
}
