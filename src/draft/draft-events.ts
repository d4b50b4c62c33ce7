// A first draft of a timeline from a source text: sentence by sentence, each date found makes a
// candidate event whose quote is the sentence, verbatim, with its offsets in the text, its date
// at the precision the words give and the reasoning, the place the sentence names (if the
// gazetteer knows it), the actors, a suggested title and category, and a confidence. The analyst
// accepts, edits or rejects each; nothing here is taken as fact.
import { split } from 'sentence-splitter';
import type { DatePrecision } from '../data/dates';
import type { Bounds } from '../data/slices/view';
import type { Actor, Category } from '../data/vocabulary';
import { findDates, type FoundDate } from './draft-dates';
import { actorsIn, categoryOf, statusOf } from './draft-vocabulary';
import { findPlaces, type FoundPlace, type Gazetteer, type PlaceKind } from './gazetteer';

export interface DraftCandidate {
  id: string;
  title: string;
  date: string;
  precision: DatePrecision;
  dateAsWritten: string;
  dateReasoning: string;
  /** The sentence, exactly as in the text: text.slice(quoteStart, quoteEnd) === quote. */
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  place: FoundPlace | null;
  actors: Actor[];
  category: Category;
  status: ReturnType<typeof statusOf>;
  /** 0–1: how much of the event the words pin down (precise date, a place, actors). */
  confidence: number;
}

export interface DraftOptions {
  /** The source's publication date, YYYY-MM-DD: what "last August" counts from. */
  published: string;
  gazetteer: Gazetteer;
  /** The scenario's views: an ambiguous place name inside one of them wins. */
  views?: readonly Bounds[];
}

/** A specific place (a scenario's own, a city) says more than a country. */
const PLACE_RANK: Record<PlaceKind, number> = { scenario: 0, city: 1, country: 2 };

/** The sentence's first clause (or its first words, when that clause is a name alone), cut at a word, as a title to start from. */
function suggestTitle(sentence: string): string {
  const plain = sentence.replace(/^[“"']+/, '').replace(/\s+/g, ' ').trim();
  const clause = plain.split(/[,;:—]\s|\.\s*$/)[0]!.trim();
  const title = clause.split(' ').length >= 4 ? clause : plain.replace(/[.!?]+$/, '');
  if (title.length <= 80) return title;
  return `${title.slice(0, 80).replace(/\s+\S*$/, '')}…`;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');

function confidenceOf(date: FoundDate, place: FoundPlace | null, actors: readonly Actor[]): number {
  let confidence = 0.35;
  if (date.precision !== 'year') confidence += 0.2;
  if (place) confidence += place.place.kind === 'country' ? 0.1 : 0.25;
  if (actors.length > 0) confidence += 0.1;
  if (date.relativeToPrevious) confidence -= 0.15;
  if (place && place.alternatives > 0 && place.place.kind === 'city') confidence -= 0.05;
  return Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100;
}

export function draftEvents(text: string, { published, gazetteer, views = [] }: DraftOptions): DraftCandidate[] {
  const candidates: DraftCandidate[] = [];
  const ids = new Set<string>();
  let previous: FoundDate | null = null;
  for (const node of split(text)) {
    if (node.type !== 'Sentence') continue;
    const [start, end] = node.range;
    const sentence = text.slice(start, end);
    const dates = findDates(sentence, published, previous);
    if (dates.length === 0) continue;
    previous = { ...dates[dates.length - 1]!, start: start + dates[dates.length - 1]!.start, end: start + dates[dates.length - 1]!.end };
    const place = [...findPlaces(sentence, gazetteer, views)].sort((a, b) => PLACE_RANK[a.place.kind] - PLACE_RANK[b.place.kind] || a.start - b.start)[0] ?? null;
    const actors = actorsIn(sentence);
    const title = suggestTitle(sentence);
    // One candidate per date in a sentence: "in November … in November" is one event.
    const distinct = dates.filter((date, index) => dates.findIndex((other) => other.date === date.date && other.precision === date.precision) === index);
    for (const date of distinct) {
      let id = `${date.date}-${slug(title)}`;
      for (let n = 2; ids.has(id); n++) id = `${date.date}-${slug(title)}-${n}`;
      ids.add(id);
      candidates.push({
        id,
        title,
        date: date.date,
        precision: date.precision,
        dateAsWritten: date.text,
        dateReasoning: date.reasoning,
        quote: sentence,
        quoteStart: start,
        quoteEnd: end,
        place: place ? { ...place, start: start + place.start, end: start + place.end } : null,
        actors,
        category: categoryOf(sentence),
        status: statusOf(sentence),
        confidence: confidenceOf(date, place, actors),
      });
    }
  }
  return candidates;
}

/** The candidates as an events GeoJSON in the project's event format, with the draft's own fields; no place → geometry null. */
export function draftFeatureCollection(candidates: readonly DraftCandidate[]) {
  return {
    type: 'FeatureCollection' as const,
    features: candidates.map((candidate) => ({
      type: 'Feature' as const,
      geometry: candidate.place ? { type: 'Point' as const, coordinates: [candidate.place.place.lon, candidate.place.place.lat] } : null,
      properties: {
        id: candidate.id,
        title: candidate.title,
        summary: candidate.quote,
        date: candidate.date,
        dateAsWritten: candidate.dateAsWritten,
        dateReasoning: candidate.dateReasoning,
        precision: candidate.precision,
        quote: candidate.quote,
        quoteOffsets: [candidate.quoteStart, candidate.quoteEnd],
        category: candidate.category,
        actors: candidate.actors,
        status: candidate.status,
        place: candidate.place ? `${candidate.place.place.name} (“${candidate.place.text}” in the text; ${candidate.place.place.kind === 'scenario' ? "the scenario's place" : candidate.place.place.kind === 'country' ? 'country centre, approximate' : 'GeoNames city'})` : '(not found)',
        layers: [],
        confidence: candidate.confidence,
      },
    })),
  };
}
