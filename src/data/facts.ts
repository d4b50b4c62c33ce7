// Facts the article states or implies, measured with Turf from the geography we ship, so that
// the map can show "measured: 17.9 km" next to "roughly 11 miles" instead of repeating the text.
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

export interface MeasuredFact {
  /** The geography feature the fact belongs to (shown in its detail). */
  featureId: string;
  label: string;
  value: number;
  unit: 'km' | 'km²' | '%';
  /** What the article says, where it says something, for comparison. */
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

export function computeFacts(geography: Record<string, GeographyFeature[]>): MeasuredFact[] {
  const features = byId(geography);
  const facts: MeasuredFact[] = [];
  const get = (id: string) => features.get(id);

  const alsom = get('alsom-island');
  const northKorea = get('north-korea-outline');
  if (alsom?.geometry.type === 'Point' && northKorea) {
    const coast = polygonToLine(mainland(northKorea)) as Feature<LineString>;
    const km = pointToLineDistance(point(alsom.geometry.coordinates), coast, { units: 'kilometers' });
    facts.push({ featureId: 'alsom-island', label: "Distance to North Korea's mainland coast", value: km, unit: 'km', articleSays: 'roughly 11 miles' });
  }

  const port = get('rason-port');
  const border = get('tumen-border-segment');
  if (port?.geometry.type === 'Point' && border?.geometry.type === 'LineString') {
    const km = pointToLineDistance(point(port.geometry.coordinates), lineString(border.geometry.coordinates), { units: 'kilometers' });
    for (const featureId of ['rason-port', 'rason-sez']) {
      facts.push({ featureId, label: 'Rason port to the Russian border', value: km, unit: 'km', articleSays: 'just miles from the Russian border' });
    }
  }

  const kadiz = get('kadiz-2013');
  for (const [otherId, label] of [
    ['cadiz-ecs', "Overlap with China's ECS ADIZ"],
    ['jadiz', "Overlap with Japan's ADIZ"],
  ] as const) {
    const other = get(otherId);
    if (!kadiz || !other) continue;
    const km2 = overlapKm2(kadiz, other);
    facts.push({ featureId: 'kadiz-2013', label, value: km2, unit: 'km²' }, { featureId: otherId, label: "Overlap with South Korea's ADIZ (2013)", value: km2, unit: 'km²' });
  }

  if (kadiz) {
    for (const track of geography.tracks ?? []) {
      if (track.geometry.type !== 'LineString' || track.properties.kind === 'missile-track') continue;
      const line = lineString(track.geometry.coordinates);
      const inside = lengthInsideKm(line, kadiz);
      const total = length(line, { units: 'kilometers' });
      facts.push(
        { featureId: track.properties.id, label: "Length inside South Korea's ADIZ", value: inside, unit: 'km' },
        { featureId: track.properties.id, label: 'Share of the track inside the KADIZ', value: (inside / total) * 100, unit: '%' },
      );
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
