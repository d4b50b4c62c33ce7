// Reads what the app ships, for tests about real data: the built-in scenario document (its
// layers, events and the article's text), as the app and the scripts read it.
import { readFileSync } from 'node:fs';
import type { GeographyFeature } from '../../src/data/schemas';
import { BUILT_IN_SCENARIO_FILE } from '../../scripts/built-in-scenario.mjs';

export const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

export const publicUrl = (path: string) => new URL(`../../public/${path}`, import.meta.url);

interface BuiltInDocument {
  title: string;
  sources: { id: string; publisher: string; title: string; date: string; dateReasoning: string; url?: string; author?: string; text: string }[];
  views: { id: string; title: string; bounds: [number, number, number, number] }[];
  layers: { id: string; style: { kind: string }; features: GeographyFeature[] }[];
  events: { type: 'FeatureCollection'; features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[] };
  [key: string]: unknown;
}

export { BUILT_IN_SCENARIO_FILE };

/** The built-in scenario document, parsed fresh for each caller (tests may change their copy). */
export const readBuiltInScenario = (): BuiltInDocument => JSON.parse(readFileSync(BUILT_IN_SCENARIO_FILE, 'utf8')) as BuiltInDocument;

/** The layers the map draws (reference outlines are for measurement only). */
export const DRAWN_LAYERS = readBuiltInScenario()
  .layers.filter((layer) => layer.style.kind !== 'reference')
  .map((layer) => layer.id);

/** The article every event quotes: the built-in scenario's source text. */
export const readArticle = () => readBuiltInScenario().sources[0]!.text;

/** The built-in events as an events file of their own (what "Export GeoJSON" writes for them). */
export function builtInEventsFile() {
  const { events, sources, publishedDate } = readBuiltInScenario();
  const { publisher, title, url, author, dateReasoning } = sources[0]!;
  const article = { title, publisher, publishedDate: publishedDate as string, publishedDateReasoning: dateReasoning, ...(url ? { url } : {}), ...(author ? { author } : {}) };
  // `eventSet` belongs to the scenario document, not to the events file format.
  const features = events.features.map(({ properties: { eventSet: _set, ...properties }, ...feature }) => ({ ...feature, properties }));
  return { type: 'FeatureCollection' as const, metadata: { article }, features };
}

/** Geography keyed by layer id ("adiz", "reference" …), unvalidated, as the store holds it. */
export function readGeography(layerIds: readonly string[]): Record<string, GeographyFeature[]> {
  const { layers } = readBuiltInScenario();
  return Object.fromEntries(layerIds.map((id) => [id, layers.find((layer) => layer.id === id)!.features]));
}
