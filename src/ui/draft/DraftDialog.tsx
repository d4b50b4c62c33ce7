// "Draft from text…": the analyst gives a source (title, publication date, link, text), the
// drafting worker finds dated, placed, quoted candidates, and the analyst reviews them beside the
// text. Accepted candidates become events through the same edit actions as the event form (undo,
// saving in the browser and other tabs work as for any edit); Edit opens that same form, filled in.
// This module and everything it loads are their own chunks, loaded when the dialog first opens.
import { useEffect, useReducer, useRef, useState } from 'react';
import type { DraftHost } from './draft-host';
import { eventFormValuesOfCandidate } from '../../draft/candidate-event';
import { checkDraftSource, EMPTY_SOURCE, type DraftSource, type DraftSourceField } from '../../draft/draft-source';
import { EMPTY_REVIEW, reviewReducer, type ReviewItem } from '../../draft/review-state';
import { draftInWorker, endDraftWorker } from '../../draft/run-draft-worker';
import { useModalDialog } from '../use-modal-dialog';
import { DraftSourceForm } from './DraftSourceForm';
import { DraftReview } from './DraftReview';
import './draft.css';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);

const NO_PLACE = 'No place was found in the text for this event: click the map to place it, or type its longitude and latitude, then Save.';

export default function DraftDialog({ open, onClose, host }: { open: boolean; onClose: () => void; host: DraftHost }) {
  const { store, editEvent, eventOfForm } = host;
  const [source, setSource] = useState<DraftSource>(EMPTY_SOURCE);
  const [issues, setIssues] = useState<Partial<Record<DraftSourceField, string>>>({});
  /** The source the review is of (as checked); null while the source is being given. */
  const [reviewed, setReviewed] = useState<DraftSource | null>(null);
  const [review, dispatch] = useReducer(reviewReducer, EMPTY_REVIEW);
  const [progress, setProgress] = useState('');
  const [busy, setBusy] = useState(false);
  /** The candidate open in the event form: the dialog steps aside so the map can be clicked. */
  const [editingId, setEditingIdState] = useState<string | null>(null);
  // The <dialog>'s close event comes after the render that closed it: it reads this, not the state.
  const editingRef = useRef<string | null>(null);
  const setEditingId = (id: string | null) => {
    editingRef.current = id;
    setEditingIdState(id);
  };
  const dialogRef = useModalDialog(open && editingId === null);
  // Accepts one at a time, in order: the first edit of a read-only scenario makes its copy, and
  // each new event's id must be chosen after the one before it is in.
  const acceptQueue = useRef(Promise.resolve());

  // The gazetteer is tens of megabytes once decoded: it goes with the dialog.
  useEffect(() => {
    if (!open && editingId === null) endDraftWorker();
  }, [open, editingId]);
  useEffect(() => () => endDraftWorker(), []);

  // When the form closes (saved or cancelled), the review comes back.
  useEffect(() => {
    if (editingId === null) return;
    return store.subscribe(
      (state) => state.eventForm,
      (form) => {
        if (form?.prefilled?.key !== `draft-${editingId}`) setEditingId(null);
      },
    );
  }, [editingId, store]);

  // An accepted candidate whose event is undone (or deleted) is to decide again; redone, it is accepted again.
  const madeEventIds = review.items.flatMap((item) => (item.eventId ? [item.eventId] : [])).join('\n');
  useEffect(() => {
    if (madeEventIds === '') return;
    const check = (sets: ReturnType<typeof store.getState>['eventSets']) => {
      const present = new Set(sets.flatMap((set) => set.events.map((event) => event.id)));
      const ids = madeEventIds.split('\n');
      const gone = new Set(ids.filter((id) => !present.has(id)));
      const back = new Set(ids.filter((id) => present.has(id)));
      if (gone.size > 0) dispatch({ type: 'events-gone', eventIds: gone });
      if (back.size > 0) dispatch({ type: 'events-back', eventIds: back });
    };
    return store.subscribe((state) => state.eventSets, check);
  }, [madeEventIds, store]);

  // In the review, the list has the keys (J/K/A/R…) from the start.
  useEffect(() => {
    if (reviewed && open && editingId === null) requestAnimationFrame(() => dialogRef.current?.querySelector<HTMLElement>('.draft-candidates')?.focus());
  }, [reviewed, open, editingId, dialogRef]);

  const draft = async () => {
    const checked = checkDraftSource(source);
    setIssues(checked.issues ?? {});
    if (!checked.source) {
      const first = Object.keys(checked.issues)[0];
      requestAnimationFrame(() => document.getElementById(`draft-${first}`)?.focus());
      return;
    }
    const scenario = store.getState().scenario;
    setBusy(true);
    setProgress('Starting…');
    try {
      const candidates = await draftInWorker(
        { text: checked.source.text, published: checked.source.published, layers: scenario?.layers ?? [], views: scenario?.views.map((view) => view.bounds) ?? [] },
        setProgress,
      );
      if (candidates.length === 0) {
        setProgress('No dated statement was found in the text: nothing to review.');
        return;
      }
      setProgress('');
      dispatch({ type: 'start', text: checked.source.text, candidates });
      setReviewed(checked.source);
    } catch (error) {
      setProgress(error instanceof DOMException && error.name === 'AbortError' ? 'Cancelled.' : `The draft failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const accept = (item: ReviewItem) => {
    const { id, title } = item.candidate;
    if (item.verdict === 'accepted' || item.verdict === 'accepting') return dispatch({ type: 'say', message: `“${title}” is accepted already.` });
    if (!item.candidate.place) return dispatch({ type: 'say', message: `“${title}” has no place yet: Edit it (E), click the map or type its coordinates, and Save.` });
    dispatch({ type: 'accepting', id });
    const given = reviewed!;
    acceptQueue.current = acceptQueue.current.then(async () => {
      try {
        const { values: draft, extra } = eventFormValuesOfCandidate(item.candidate, given);
        const sets = store.getState().eventSets;
        const result = eventOfForm(sets, draft, { editing: null, eventSetId: sets[0]?.id ?? '', extra });
        if (!result.event) {
          const [field, problem] = Object.entries(result.issues)[0]!;
          return dispatch({ type: 'not-accepted', id, message: `“${title}” was not accepted: its ${field} ${problem}. Edit it (E) to correct.` });
        }
        await editEvent(store, null, result.event);
        const event = result.event;
        if (!store.getState().eventSets.some((set) => set.events.some((other) => other.id === event.id))) {
          return dispatch({ type: 'not-accepted', id, message: `“${title}” was not accepted: the scenario could not be edited.` });
        }
        store.getState().setTime(Math.max(store.getState().time, event.start));
        dispatch({ type: 'accepted', id, eventId: event.id });
      } catch (error) {
        dispatch({ type: 'not-accepted', id, message: `“${title}” was not accepted: ${error instanceof Error ? error.message : String(error)}` });
      }
    });
  };

  const edit = (item: ReviewItem) => {
    if (item.verdict === 'accepted' || item.verdict === 'accepting') return dispatch({ type: 'say', message: `“${item.candidate.title}” is an event already: select it on the map or in the list to edit it.` });
    const { values: draft, extra } = eventFormValuesOfCandidate(item.candidate, reviewed!);
    const id = item.candidate.id;
    setEditingId(id);
    store.getState().openEventForm({
      editing: null,
      position: null,
      prefilled: {
        key: `draft-${id}`,
        values: draft,
        extra,
        note: item.candidate.place ? `From the draft: check the fields, then Save to accept it (a click on the map moves it).` : NO_PLACE,
        onSaved: (event) => {
          if (store.getState().eventSets.some((set) => set.events.some((other) => other.id === event.id))) dispatch({ type: 'accepted', id, eventId: event.id });
        },
      },
    });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!reviewed || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const item = review.items[review.selected];
    const key = event.key.toLowerCase();
    const actions: Record<string, () => void> = {
      j: () => dispatch({ type: 'move', by: 1 }),
      arrowdown: () => dispatch({ type: 'move', by: 1 }),
      k: () => dispatch({ type: 'move', by: -1 }),
      arrowup: () => dispatch({ type: 'move', by: -1 }),
      a: () => item && accept(item),
      r: () => item && dispatch({ type: 'reject', id: item.candidate.id }),
      e: () => item && edit(item),
      m: () => dispatch({ type: 'merge-next' }),
    };
    // The app's own letter keys (E export, P present) are not for this dialog.
    if (key.length === 1) event.stopPropagation();
    const action = actions[key];
    if (!action || ((key === 'arrowdown' || key === 'arrowup') && !(event.target as HTMLElement).matches('.draft-candidates'))) return;
    event.preventDefault();
    action();
  };

  const startAgain = () => {
    setReviewed(null);
    dispatch({ type: 'start', text: '', candidates: [] });
  };

  return (
    <dialog
      ref={dialogRef}
      className={`draft-dialog${reviewed ? ' is-reviewing' : ''}`}
      aria-labelledby="draft-heading"
      onKeyDown={onKeyDown}
      onClose={() => {
        // Closed to let the event form be used, not by the analyst: the review stays.
        if (editingRef.current === null) onClose();
      }}
    >
      <div className="draft-header">
        <h2 id="draft-heading">{reviewed ? `Review the draft: ${reviewed.title}` : 'Draft events from a source text'}</h2>
        <button type="button" className="draft-close" onClick={onClose} aria-label="Close the draft">
          ×
        </button>
      </div>
      {reviewed ? (
        <>
          <DraftReview review={review} dispatch={dispatch} commands={{ accept, edit }} />
          <div className="draft-footer">
            <button type="button" onClick={startAgain}>
              Another text…
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted draft-intro">
            Every sentence with a date becomes a candidate event: its words as the quote, the date read against the publication date (“last August” counts back from it), the place it names. Nothing joins the scenario until you accept
            it.
          </p>
          <DraftSourceForm source={source} issues={issues} busy={busy} onChange={setSource} onDraft={() => void draft()} />
          <p className="draft-status" role="status" data-testid="draft-status">
            {progress}
          </p>
        </>
      )}
    </dialog>
  );
}
