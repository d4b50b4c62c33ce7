// Everything a briefing image says, as plain data, before anything is drawn: the browser test
// reads this text, the painter draws it, and the alt text is written from it.
import { formatDay } from '../data/dates';
import { describeEventDate, sourceDateWording, type TripwireEvent } from '../data/events';
import { visibleEvents } from '../data/selectors';
import type { StoreState } from '../data/store';
import { categoryColor, categoryLabel } from '../data/vocabulary';
import { layersOf } from '../layers/index';
import { BASEMAP_CREDIT } from '../layers/basemap';
import { OSM_CREDIT } from '../layers/basemap-choice';
import { sourceReference } from '../data/scenario-text';
import type { LegendSwatch } from '../layers/types';


export interface BriefingCaption {
  title: string;
  dateLine: string;
  quote: string;
  attribution: string;
  factCheck: string | null;
}

export interface BriefingModel {
  title: string;
  stamp: string;
  caption: BriefingCaption | null;
  legend: { label: string; swatch: LegendSwatch }[];
  sources: string[];
  permalink: string;
  handling: string;
  altText: string;
}

export interface BriefingOptions {
  title: string;
  /** Handling banner, top and bottom ("UNCLASSIFIED // FOR TRAINING"); empty = none. */
  handling: string;
  permalink: string;
}

type BriefingState = Pick<StoreState, 'time' | 'mode' | 'windowMonths' | 'events' | 'filters' | 'hiddenLayers' | 'selectedEventId' | 'scenario' | 'eventSets'> & Partial<Pick<StoreState, 'basemap'>>;

/** "As of 30 Nov 2022 · cumulative since 1963" / "As of 30 Nov 2022 · window: 6 months". */
export function asOfStamp(state: Pick<BriefingState, 'time' | 'mode' | 'windowMonths' | 'events'>): string {
  const asOf = `As of ${formatDay(Math.floor(state.time), 'day')}`;
  if (state.mode === 'window') return `${asOf} · window: ${state.windowMonths} months`;
  const first = state.events[0];
  return first ? `${asOf} · cumulative since ${formatDay(first.start, first.precision === 'day' ? 'month' : first.precision)}` : asOf;
}

/** Words that introduce the source's own dating: "the article" for the article, else neutral. */
export const asWrittenBy = (citation: string) => (citation.startsWith('Imported') ? 'as written' : 'the article');

/** Captions say only the date where the source has no wording of its own for it. */
export function captionFor(event: TripwireEvent, citation: string): BriefingCaption {
  // An event with a source of its own (drafted from another article) is cited by it, not by its set's.
  const cited = event.source ?? citation;
  const wording = sourceDateWording(event);
  const speaker = event.speaker ? `${event.speaker}${event.speakerRole ? `, ${event.speakerRole}` : ''} — ` : '';
  return {
    title: event.title,
    dateLine: `${describeEventDate(event)}${wording ? ` — ${asWrittenBy(cited)}: “${wording}”` : ''}${event.status === 'reported' || event.status === 'confirmed' ? '' : ` · ${event.status.toUpperCase()}`}`,
    quote: event.quote ? `“${event.quote}”` : (event.summary ?? ''),
    attribution: `${speaker}${cited}`,
    factCheck: event.factCheck ? `Fact check: ${event.factCheck.note}` : null,
  };
}

/** The basemap is on every map image, so every image, slide and page credits the one drawn. */
export const basemapCredit = (basemap: StoreState['basemap'] | undefined): string => `Basemap: ${basemap ? OSM_CREDIT : BASEMAP_CREDIT}`;

/** Layer modules and events the drawn image really shows (main map and inset), read back from the maps. */
export interface DrawnInImage {
  layerIds: ReadonlySet<string>;
  eventIds: ReadonlySet<string>;
}

/**
 * `drawn`: when known, the legend and the alt text list only what the image shows, not every layer
 * switched on. The sources keep every layer switched on: the footer is laid out before the map is drawn.
 */
export function buildBriefing(state: BriefingState, options: BriefingOptions, drawn?: DrawnInImage): BriefingModel {
  const shownLayers = layersOf(state.scenario, state.basemap?.modules).toggleable.filter((layer) => !state.hiddenLayers.includes(layer.id));
  const shownEvents = state.hiddenLayers.includes('events') ? [] : visibleEvents(state.events, state);
  const layersInImage = drawn ? shownLayers.filter((layer) => drawn.layerIds.has(layer.id)) : shownLayers;
  const eventsInImage = drawn ? shownEvents.filter((event) => drawn.eventIds.has(event.id)) : shownEvents;
  const selected = state.events.find((event) => event.id === state.selectedEventId) ?? null;
  const categories = [...new Set(eventsInImage.map((event) => event.category))];
  const stamp = asOfStamp(state);
  const scenarioSources = (state.scenario?.sources ?? []).map(sourceReference);
  // Sets without a source of the scenario (imports, an events file) are credited by their own citation.
  const otherSets = state.eventSets.filter((set) => !set.sourceId && shownEvents.some((event) => event.eventSetId === set.id));
  const sources = [...scenarioSources, ...otherSets.map((set) => set.citation), basemapCredit(state.basemap), ...shownLayers.filter((layer) => layer.id !== 'events').map((layer) => `${layer.title}: ${layer.source}`)];
  const altText = [
    `${options.title}. ${stamp}.`,
    selected ? `Selected: ${selected.title} (${describeEventDate(selected)}).` : '',
    `Layers shown: ${layersInImage.map((layer) => layer.title).join('; ') || 'none'}.`,
    `Events shown (${eventsInImage.length}): ${eventsInImage.map((event) => `${formatDay(event.start, event.precision)} — ${event.title} [${event.status}]`).join('; ') || 'none'}.`,
    `Sources: ${sources.join('; ')}.`,
    `Permalink: ${options.permalink}`,
  ].filter(Boolean).join('\n');
  return {
    title: options.title,
    stamp,
    caption: selected ? captionFor(selected, state.eventSets.find((set) => set.id === selected.eventSetId)?.citation ?? '') : null,
    legend: [
      ...layersInImage.filter((layer) => layer.legend).map((layer) => ({ label: layer.title, swatch: layer.legend! })),
      ...categories.map((category) => ({ label: categoryLabel(category), swatch: { shape: 'point' as const, color: categoryColor(category), outline: '#ffffff' } })),
    ],
    sources,
    permalink: options.permalink,
    handling: options.handling.trim(),
    altText,
  };
}
