// The one loop behind every "a picture per event" output: the CLI's --each-event (PNG images or a
// .pptx deck, through window.tripwireExport.renderEvents) and the "Deck…" dialog. For each chosen
// event, in the order given: time set to the end of its span, the event selected, the map framed
// on it — on a copy of the store (store-snapshot.ts), so the page behind never moves.
import { eventVertices, type TripwireEvent } from '../../data/events';
import type { TripwireStore } from '../../data/store';
import { snapshotOf } from '../../data/store-snapshot';
import type { Bounds } from '../../data/slices/view';
import { drawBriefing, type ExportOptions, type ExportResult } from './export-briefing';
import { ExportMapPool } from './render-map-image';
import { subjectProblems } from './subject-landing';

/** The event's bounding box, [west, south, east, north]: what its slide is framed on. */
export function eventBounds(event: TripwireEvent): Bounds {
  const lons = eventVertices(event).map((position) => position[0]);
  const lats = eventVertices(event).map((position) => position[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

export interface RenderEventsOptions extends Omit<ExportOptions, 'subject' | 'frame'> {
  /** Which events, in slide order. */
  eventIds: readonly string[];
  /**
   * A slide's own view, by event id ([west, south, east, north], e.g. one of the scenario's views):
   * the slide is framed on it, clear of the overlays, instead of on its event.
   */
  views?: Readonly<Record<string, Bounds>>;
  /** Checked between events: an aborted signal stops before the next one (the one under way finishes). */
  signal?: AbortSignal;
  /** Called before each event's render (index from 0), and after it with its result. */
  onProgress?: (progress: { index: number; total: number; event: TripwireEvent; result?: ExportResult }) => void;
}

export interface RenderedEvent {
  event: TripwireEvent;
  result: ExportResult;
  /** Vertices of the event that landed off the map or under an overlay, in words: empty when its slide shows it clear. */
  subjectProblems: string[];
}

export async function renderEvents(live: TripwireStore, { eventIds, views = {}, signal, onProgress, ...options }: RenderEventsOptions): Promise<RenderedEvent[]> {
  // The slides step time and selection on a copy: the page behind the dialog stays as it was.
  const store = snapshotOf(live);
  const all = store.getState().events;
  const events = eventIds.map((id) => {
    const event = all.find((candidate) => candidate.id === id);
    if (!event) throw new Error(`no event called "${id}"`);
    return event;
  });
  // Slides are drawn one after another on one hidden map (only the camera, time and selection
  // change); each PNG is encoded in a worker while the next slide draws.
  const pool = new ExportMapPool();
  const encoded: Promise<RenderedEvent>[] = [];
  try {
    for (const [index, event] of events.entries()) {
      signal?.throwIfAborted();
      onProgress?.({ index, total: events.length, event });
      // "As of" the end of the event's span: a month-precise event is then wholly in the past.
      store.getState().setTime(event.end);
      store.getState().selectEvent(event.id);
      // Framed on the event (a region, not a street), or on the view chosen for it, clear of the legend, inset and scale bar.
      const drawn = await drawBriefing(store, { ...options, subject: views[event.id] ?? eventBounds(event) }, { pool });
      encoded.push(
        drawn.png.then((png) => {
          const result = { ...drawn, png };
          onProgress?.({ index, total: events.length, event, result });
          return { event, result, subjectProblems: subjectProblems(eventVertices(event), result.layout) };
        }),
      );
    }
  } finally {
    pool.dispose();
  }
  return Promise.all(encoded);
}
