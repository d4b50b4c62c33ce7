// What a briefing deck says, as plain data, before PowerPoint is involved: one title slide and
// one slide per event, in date order. The words come from the same captionFor / asOfStamp the
// briefing images use, so a slide and a PNG of the same event never disagree.
import { describeEventDate, sourceDateWording, type TripwireEvent } from '../../data/events';
import { sourceReference } from '../../data/scenario-text';
import type { StoreState } from '../../data/store';
import { asOfStamp, basemapCredit, captionFor, type BriefingCaption } from '../briefing-model';

export type DeckState = Pick<StoreState, 'events' | 'eventSets' | 'scenario' | 'mode' | 'windowMonths'> & Partial<Pick<StoreState, 'basemap'>>;

export interface EventSlide {
  eventId: string;
  title: string;
  asOf: string;
  caption: Omit<BriefingCaption, 'title'>;
  sourceLine: string;
  altText: string;
  notes: string;
}

export interface DeckModel {
  /** The handling marking ("UNCLASSIFIED // FOR TRAINING"), banded at the top and bottom of every slide; '' for none. */
  handling: string;
  /** Who made the deck, for the file's author field; '' when not given (the file then names Tripwire). */
  author: string;
  titleSlide: { title: string; asOfRange: string; sources: string[] };
  slides: EventSlide[];
}

const citationOf = (state: DeckState, event: TripwireEvent) => state.eventSets.find((set) => set.id === event.eventSetId)?.citation ?? '';

/** Everything a briefer may need when asked "where does that come from?", in plain text. */
function notesFor(event: TripwireEvent, citation: string, factCheck: string | null, basemap: string): string {
  const wording = sourceDateWording(event);
  return [
    // Verbatim, without our typographic quote marks, so it can be read out or pasted as is.
    event.quote ? `Quote: ${event.quote}` : `No quote. Summary: ${event.summary ?? '(none)'}`,
    // The source's own words for the date, beside ours; where it has none, only the date.
    wording ? `Date: ${describeEventDate(event)} (as written: “${wording}”)` : `Date: ${describeEventDate(event)}`,
    // Allegations stay allegations when read aloud.
    `Status: ${event.status.toUpperCase()}${event.statusNote ? ` — ${event.statusNote}` : ''}`,
    factCheck ? `${factCheck}${event.factCheck ? ` (${event.factCheck.sourceTitle}, ${event.factCheck.sourceUrl})` : ''}` : '',
    `Sources: ${[citation, basemap].filter(Boolean).join('; ')}`,
  ].filter(Boolean).join('\n');
}

const byDate = (a: TripwireEvent, b: TripwireEvent) => a.start - b.start || a.key - b.key;

export interface DeckChoices {
  /** Overrides the scenario's title (the CLI's --title, the dialog's Title). */
  title?: string;
  /** The handling marking for every slide. */
  handling?: string;
  /**
   * The briefer or their office, for the file's author field. Not the source's publisher: the
   * deck is the briefer's reading of the source, which the slides credit as such.
   */
  author?: string;
  /** Which events, in slide order (the "Deck…" dialog's choice); default every event in date order. */
  eventIds?: readonly string[];
}

export function deckSlides(state: DeckState, { title, handling = '', author = '', eventIds }: DeckChoices = {}): DeckModel {
  // Date order; ties keep their order in the file, as the event list does.
  const allByDate = [...state.events].sort(byDate);
  const events = eventIds
    ? eventIds.map((id) => {
        const event = state.events.find((candidate) => candidate.id === id);
        if (!event) throw new Error(`no event called "${id}"`);
        return event;
      })
    : allByDate;
  const dated = eventIds ? [...events].sort(byDate) : events;
  const first = dated[0];
  const last = dated[dated.length - 1];
  const scenarioSources = (state.scenario?.sources ?? []).map(sourceReference);
  const basemap = basemapCredit(state.basemap);
  const otherSets = state.eventSets.filter((set) => !set.sourceId && events.some((event) => event.eventSetId === set.id)).map((set) => set.citation);
  return {
    handling: handling.trim(),
    author: author.trim(),
    titleSlide: {
      title: title?.trim() || state.scenario?.title || 'Briefing',
      asOfRange: first && last ? `Events from ${describeEventDate(first)} to ${describeEventDate(last)}` : 'No events',
      sources: [...scenarioSources, ...otherSets, basemap],
    },
    slides: events.map((event) => {
      const citation = citationOf(state, event);
      const { title: eventTitle, ...caption } = captionFor(event, citation);
      return {
        eventId: event.id,
        title: eventTitle,
        // "As of" the end of the event's span, as the CLI's images are (a month-precise event is then wholly past).
        asOf: asOfStamp({ ...state, events: allByDate, time: event.end }),
        caption,
        sourceLine: `Source: ${[citation, basemap].filter(Boolean).join(' · ')}`,
        altText: `Map framed on ${event.geometry.type === 'LineString' ? 'the route of ' : ''}${eventTitle}${event.place ? `, ${event.place}` : ''} (${describeEventDate(event)}; ${event.status}).`,
        notes: notesFor(event, citation, caption.factCheck, basemap),
      };
    }),
  };
}
