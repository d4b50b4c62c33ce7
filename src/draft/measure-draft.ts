// How a draft compares with hand-made events of the same text (the built-in scenario's 37 for the
// article): recall over the events whose date the text states, candidates that match none, and
// whether every quote is the text's own words. A match is the same date at the same precision in
// the sentence the reference quote comes from.
import type { DraftCandidate } from './draft-events';

interface ReferenceEvent {
  properties: { id: string; date: string; dateAsWritten?: string; quote?: string };
}

const precisionOf = (date: string) => (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day');

export function measureDraft(text: string, candidates: readonly DraftCandidate[], reference: readonly ReferenceEvent[]) {
  const stated = reference.filter((event) => event.properties.dateAsWritten && event.properties.dateAsWritten !== '(not stated)');
  const matches = (candidate: DraftCandidate, event: ReferenceEvent) => {
    const { date, quote } = event.properties;
    if (candidate.date !== date || candidate.precision !== precisionOf(date)) return false;
    const at = quote ? text.indexOf(quote) : -1;
    // The reference quote (or its start) lies in the candidate's sentence, or the sentence in the quote.
    return at >= 0 && at < candidate.quoteEnd && at + quote!.length > candidate.quoteStart;
  };
  const missed = stated.filter((event) => !candidates.some((candidate) => matches(candidate, event))).map((event) => ({ id: event.properties.id, date: event.properties.date, dateAsWritten: event.properties.dateAsWritten }));
  return {
    stated: stated.length,
    found: stated.length - missed.length,
    recall: (stated.length - missed.length) / stated.length,
    missed,
    unmatched: candidates.filter((candidate) => !reference.some((event) => matches(candidate, event))).length,
    verbatim: candidates.filter((candidate) => text.slice(candidate.quoteStart, candidate.quoteEnd) === candidate.quote).length,
  };
}
