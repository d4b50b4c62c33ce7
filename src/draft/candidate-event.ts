// A draft candidate as the event form's fields: what "accept" saves and what "edit" opens the
// form with. The quote stays the text's own words; the source is the one the analyst gave; what
// the form does not show (the date reasoning, that a country's centre is approximate) is kept too.
import type { EventFormValues } from '../data/editing/event-form-values';
import type { EventProperties } from '../data/schemas';
import type { DraftCandidate } from './draft-events';
import { sourceCitation, type DraftSource } from './draft-source';

const PLACE_SOURCE = { scenario: "the scenario's place", city: 'GeoNames city', country: 'country centre, approximate' } as const;

export function eventFormValuesOfCandidate(candidate: DraftCandidate, source: DraftSource): { values: EventFormValues; extra: Partial<EventProperties> } {
  const place = candidate.place;
  const values: EventFormValues = {
    title: candidate.title,
    date: candidate.date,
    endDate: '',
    longitude: place ? String(place.place.lon) : '',
    latitude: place ? String(place.place.lat) : '',
    route: '',
    category: candidate.category,
    status: candidate.status,
    actors: candidate.actors.join(', '),
    place: place ? place.place.name : '',
    summary: '',
    quote: candidate.quote,
    speaker: '',
    dateAsWritten: candidate.dateAsWritten,
    source: sourceCitation(source),
    sourceUrl: source.url,
  };
  const extra: Partial<EventProperties> = { dateReasoning: candidate.dateReasoning };
  if (place) extra.locationNote = `“${place.text}” in the text: ${PLACE_SOURCE[place.place.kind]}.`;
  if (place?.place.kind === 'country') extra.locationApproximate = true;
  return { values, extra };
}

/** "Vladivostok (GeoNames city)", for the review list. */
export const describeCandidatePlace = (candidate: DraftCandidate) => (candidate.place ? `${candidate.place.place.name} (${PLACE_SOURCE[candidate.place.place.kind]})` : null);
