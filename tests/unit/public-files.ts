// Reads the files the app ships (public/geo) and the source article, for tests about real data.
import { readFileSync } from 'node:fs';
import type { GeographyFeature } from '../../src/data/schemas';

export const DRAWN_GEOGRAPHY_FILES = ['adiz', 'places', 'rason', 'kurils', 'tracks'] as const;

export const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

export const publicGeoUrl = (fileName: string) => new URL(`../../public/geo/${fileName}`, import.meta.url);

export const readPublicGeo = (fileName: string): unknown => readJson(publicGeoUrl(fileName));

/** The article every event quotes: the built-in scenario's source text, kept in the repository. */
export const ARTICLE_URL = new URL('../../public/scenarios/sources/newsweek-2023-01-putin-kim.txt', import.meta.url);

export const readArticle = () => readFileSync(ARTICLE_URL, 'utf8');

/** Geography keyed by file name ("adiz", "reference" …), unvalidated, as load.ts would hold it. */
export function readGeography(files: readonly string[]): Record<string, GeographyFeature[]> {
  return Object.fromEntries(
    files.map((file) => [file, (readPublicGeo(`${file}.geojson`) as { features: GeographyFeature[] }).features]),
  );
}
