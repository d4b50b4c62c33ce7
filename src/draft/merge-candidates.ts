// Two candidates that are one event ("In November … That visit …"): one candidate whose quote
// runs from the first's start to the second's end (still the text's own words, offsets and all),
// with the more precise date and the more specific place of the two.
import type { DraftCandidate } from './draft-events';

const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;
const PLACE_RANK = { scenario: 0, city: 1, country: 2 } as const;

export function mergeCandidates(text: string, first: DraftCandidate, second: DraftCandidate): DraftCandidate {
  const quoteStart = Math.min(first.quoteStart, second.quoteStart);
  const quoteEnd = Math.max(first.quoteEnd, second.quoteEnd);
  // On a tie the first keeps its own: it is the one the analyst chose to merge.
  const dated = PRECISION_RANK[second.precision] < PRECISION_RANK[first.precision] ? second : first;
  const placeRank = (candidate: DraftCandidate) => (candidate.place ? PLACE_RANK[candidate.place.place.kind] : 9);
  const placed = placeRank(second) < placeRank(first) ? second : first;
  return {
    ...first,
    date: dated.date,
    precision: dated.precision,
    dateAsWritten: dated.dateAsWritten,
    dateReasoning: dated.dateReasoning,
    quote: text.slice(quoteStart, quoteEnd),
    quoteStart,
    quoteEnd,
    place: placed.place,
    actors: [...new Set([...first.actors, ...second.actors])],
    category: first.category === 'statement' ? second.category : first.category,
    confidence: Math.max(first.confidence, second.confidence),
  };
}
