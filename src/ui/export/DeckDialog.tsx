import { useModalDialog } from '../use-modal-dialog';
import { useMemo, useState } from 'react';
import { useKeptState } from '../use-kept-state';
import type { TripwireEvent } from '../../data/events';
import { filteredEvents } from '../../data/selectors';
import { store, useStore } from '../../data/store';
import type { DeckFormat } from '../../map/export/make-deck';
import { download } from './download';
import type { Bounds } from '../../data/slices/view';
import type { ScenarioView } from '../../data/scenario-schema';
import { AS_NOW, DeckEventList } from './DeckEventList';
import { shownBounds, useMainMap } from '../../map/map-context';

type Which = 'all' | 'filtered' | 'ticked';

/** One empty list, so the store selector returns the same value while no scenario is open. */
const NO_VIEWS: readonly ScenarioView[] = [];

const byDate = (a: TripwireEvent, b: TripwireEvent) => a.start - b.start || a.key - b.key;

/** The user's order where they made one, then any other events in date order. */
function slideOrder(own: readonly string[] | null, events: readonly TripwireEvent[]): TripwireEvent[] {
  const dated = [...events].sort(byDate);
  if (!own) return dated;
  const byId = new Map(dated.map((event) => [event.id, event]));
  const kept = own.map((id) => byId.get(id)).filter((event) => event !== undefined);
  const keptIds = new Set(kept.map((event) => event.id));
  return [...kept, ...dated.filter((event) => !keptIds.has(event.id))];
}

const NOTHING_TICKED: ReadonlySet<string> = new Set();

/** "Deck…": choose events and their order, make a .pptx (or a .zip of briefing PNGs) of them. */
export function DeckDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialogRef = useModalDialog(open);
  const events = useStore((state) => state.events);
  const filters = useStore((state) => state.filters);
  const scenarioTitle = useStore((state) => state.scenario?.title ?? '');
  const views = useStore((state) => state.scenario?.views ?? NO_VIEWS);
  const [handling, setHandling] = useKeptState('deck.handling', '');
  const [author, setAuthor] = useKeptState('deck.author', '');
  const [slideViews, setSlideViews] = useKeptState<Readonly<Record<string, string>>>('deck.slideViews', {});
  const [ownTitle, setTitle] = useKeptState<string | null>('deck.title', null);
  const title = ownTitle ?? scenarioTitle;
  const [which, setWhich] = useKeptState<Which>('deck.which', 'all');
  const [format, setFormat] = useKeptState<DeckFormat>('deck.format', 'pptx');
  const [ownOrder, setOwnOrder] = useKeptState<string[] | null>('deck.order', null);
  const [ticked, setTicked] = useKeptState<ReadonlySet<string>>('deck.ticked', NOTHING_TICKED);
  const [status, setStatus] = useState('');
  const [running, setRunning] = useState<AbortController | null>(null);
  const mainMap = useMainMap();

  // Nothing is worked out while the dialog is closed: with a large import, every filter change
  // would sort and match all the events again for a dialog nobody is looking at.
  const order = useMemo(() => (open ? slideOrder(ownOrder, events) : []), [open, ownOrder, events]);
  const matching = useMemo(() => new Set(open ? filteredEvents(events, filters).map((event) => event.id) : []), [open, events, filters]);
  const chosen = order.filter((event) => (which === 'all' ? true : which === 'filtered' ? matching.has(event.id) : ticked.has(event.id)));
  const chosenSet = new Set(chosen);

  const move = (index: number, by: -1 | 1) => {
    const ids = order.map((event) => event.id);
    const target = index + by;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    setOwnOrder(ids);
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };

  /** The chosen views as bounds, by event id; "as now" is what the live map shows at the moment the deck is made. */
  const viewBounds = (): Record<string, Bounds> => {
    const live = mainMap && shownBounds(mainMap);
    const bounds: Record<string, Bounds> = {};
    for (const [eventId, viewId] of Object.entries(slideViews)) {
      if (viewId === AS_NOW && live) bounds[eventId] = live;
      const view = views.find((candidate) => candidate.id === viewId);
      if (view) bounds[eventId] = view.bounds;
    }
    return bounds;
  };

  const run = async () => {
    if (chosen.length === 0) {
      setStatus('No events chosen: tick at least one, or choose all events.');
      return;
    }
    const controller = new AbortController();
    setRunning(controller);
    try {
      // The deck code (and PptxGenJS, pdf-lib or JSZip after it) loads when a deck is asked for.
      const { makeDeck } = await import('../../map/export/make-deck');
      const deck = await makeDeck(store, {
        format,
        title,
        handling,
        author,
        eventIds: chosen.map((event) => event.id),
        views: viewBounds(),
        signal: controller.signal,
        onProgress: ({ index, total, result }) => {
          if (!result) setStatus(`Slide ${index + 1} of ${total}…`);
          else if (index + 1 === total) setStatus(format === 'zip' ? 'Zipping the images…' : 'Building the deck…');
        },
      });
      download(deck.bytes, deck.fileName, deck.type);
      const unclear = deck.slides.filter((slide) => slide.subjectProblems.length > 0).length;
      setStatus(
        `Saved ${deck.fileName}: ${format === 'zip' ? `${chosen.length} images with their alt text` : `a title slide and ${chosen.length} event slides`}.` +
          (unclear > 0 ? ` ${unclear} slide${unclear === 1 ? '' : 's'} could not show the whole event clear of the legend and inset: choose a wider view for ${unclear === 1 ? 'it' : 'them'}.` : ''),
      );
    } catch (error) {
      setStatus(controller.signal.aborted ? 'Cancelled: no deck was made.' : `Deck failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setRunning(null);
    }
  };

  const close = () => {
    running?.abort();
    onClose();
  };

  return (
    <dialog ref={dialogRef} className="export-dialog deck-dialog" onClose={close} aria-labelledby="deck-title">
      <h2 id="deck-title">Make a deck</h2>
      <div className="export-form">
        <label>
          Title
          <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} />
        </label>
        <label>
          Format
          <select value={format} onChange={(event) => setFormat(event.target.value as DeckFormat)}>
            <option value="pptx">PowerPoint (.pptx)</option>
            <option value="pdf">PDF (.pdf)</option>
            <option value="zip">PNG images (.zip)</option>
          </select>
        </label>
        <label>
          Handling banner (optional)
          <input value={handling} onChange={(event) => setHandling(event.target.value)} placeholder="e.g. UNCLASSIFIED // FOR TRAINING" maxLength={120} />
        </label>
        {format !== 'zip' && (
          <label>
            Author (optional)
            <input value={author} onChange={(event) => setAuthor(event.target.value)} placeholder="you or your office, for the file's properties" maxLength={120} />
          </label>
        )}
      </div>
      <fieldset className="deck-which">
        <legend>Which events</legend>
        {(
          [
            ['all', `All events (${events.length})`],
            ['filtered', `The filtered list (${matching.size})`],
            ['ticked', `Ticked below (${ticked.size})`],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="deck-which" value={value} checked={which === value} onChange={() => setWhich(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <p className="muted">Slides follow the order of this list: move an event up or down to change it. Each slide is framed on its event unless you choose a view for it.</p>
      <DeckEventList
        order={order}
        chosen={chosenSet}
        ticked={ticked}
        onTick={toggle}
        slideViews={slideViews}
        onSlideView={(id, view) => setSlideViews({ ...slideViews, [id]: view })}
        views={views}
        onMove={move}
      />
      <p role="status" className="export-status">
        {status}
      </p>
      <div className="export-actions">
        {running ? (
          <button type="button" onClick={() => running.abort()}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={close}>
            Close
          </button>
        )}
        <button type="button" className="primary" onClick={run} disabled={running !== null}>
          Make deck
        </button>
      </div>
    </dialog>
  );
}
