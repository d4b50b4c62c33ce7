// "Draft from text…": the analyst gives a source (title, publication date, link, text), the
// drafting worker finds dated, placed, quoted candidates, and the analyst reviews them beside the
// text. Accepted candidates become events through the same edit actions as the event form (undo,
// saving in the browser and other tabs work as for any edit); Edit opens that same form, filled in.
// This module and everything it loads are their own chunks, loaded when the dialog first opens.
// The dialog is unmounted when closed (src/ui/Dialogs.tsx); its work (the source, the review) is
// the store's draftWork, so it is all there when the dialog is opened again.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DraftHost } from './draft-host';
import type { DraftWork } from '../../data/slices/dialog';
import { eventFormValuesOfCandidate } from '../../draft/candidate-event';
import { checkDraftSource, EMPTY_SOURCE } from '../../draft/draft-source';
import { EMPTY_REVIEW, reviewReducer, type ReviewAction, type ReviewItem } from '../../draft/review-state';
import { draftInWorker, endDraftWorker } from '../../draft/run-draft-worker';
import { useModalDialog } from '../use-modal-dialog';
import { DraftSourceForm } from './DraftSourceForm';
import { DraftReview } from './DraftReview';
import './draft.css';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);

const NO_PLACE = 'No place was found in the text for this event: click the map to place it, or type its longitude and latitude, then Save.';

const FRESH: DraftWork = { source: EMPTY_SOURCE, issues: {}, reviewed: null, review: EMPTY_REVIEW, progress: '', editingId: null };

// Accepts one at a time, in order, across closing and opening the dialog: the first edit of a
// read-only scenario makes its copy, and each new event's id must be chosen after the one before it is in.
let acceptQueue = Promise.resolve();

/** `open` is false for the one render in which the dialog closes before it is removed. */
export default function DraftDialog({ open, onClose, host }: { open: boolean; onClose: () => void; host: DraftHost }) {
  const { store, session, editEvent, eventOfForm } = host;
  // Read and written through the store at the moment of use: an accept finishing after the
  // dialog closed still lands in the review.
  const work = useSyncExternalStore(store.subscribe, () => store.getState().draftWork) ?? FRESH;
  const { source, issues, reviewed, review, progress, editingId } = work;
  const update = (change: Partial<DraftWork>) => store.getState().setDraftWork({ ...(store.getState().draftWork ?? FRESH), ...change });
  const dispatch = (action: ReviewAction) => {
    const current = store.getState().draftWork ?? FRESH;
    const review = reviewReducer(current.review, action);
    if (review !== current.review) store.getState().setDraftWork({ ...current, review });
  };
  const setEditingId = (id: string | null) => update({ editingId: id });
  const [busy, setBusy] = useState(false);
  const dialogRef = useModalDialog(open && editingId === null);

  // The gazetteer is tens of megabytes once decoded: it goes with the dialog.
  useEffect(() => {
    if (!open && editingId === null) endDraftWorker();
  }, [open, editingId]);
  useEffect(() => () => endDraftWorker(), []);

  // When the form closes (saved or cancelled), the review comes back; also when the dialog is
  // opened again after another dialog took its place while the form was open.
  useEffect(() => {
    if (editingId === null) return;
    return store.subscribe(
      (state) => state.eventForm,
      (form) => {
        if (form?.prefilled?.key !== `draft-${editingId}`) update({ editingId: null });
      },
      { fireImmediately: true },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- update reads the store when called
  }, [editingId, store]);

  // An accepted candidate whose event is undone (or deleted) is to decide again; redone, it is
  // accepted again. Checked at once too: an undo made while the dialog was closed shows on opening.
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
    return store.subscribe((state) => state.eventSets, check, { fireImmediately: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- dispatch reads the store when called
  }, [madeEventIds, store]);

  // In the review, the list has the keys (J/K/A/R…) from the start.
  useEffect(() => {
    if (reviewed && open && editingId === null) requestAnimationFrame(() => dialogRef.current?.querySelector<HTMLElement>('.draft-candidates')?.focus());
  }, [reviewed, open, editingId, dialogRef]);

  const draft = async () => {
    const checked = checkDraftSource(source);
    update({ issues: checked.issues ?? {} });
    if (!checked.source) {
      const first = Object.keys(checked.issues)[0];
      requestAnimationFrame(() => document.getElementById(`draft-${first}`)?.focus());
      return;
    }
    const scenario = store.getState().scenario;
    const setProgress = (message: string) => update({ progress: message });
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
      update({ progress: '', reviewed: checked.source, review: reviewReducer(EMPTY_REVIEW, { type: 'start', text: checked.source.text, candidates }) });
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
    acceptQueue = acceptQueue.then(async () => {
      try {
        const { values: draft, extra } = eventFormValuesOfCandidate(item.candidate, given);
        const sets = store.getState().eventSets;
        const result = eventOfForm(sets, draft, { editing: null, eventSetId: sets[0]?.id ?? '', extra });
        if (!result.event) {
          const [field, problem] = Object.entries(result.issues)[0]!;
          return dispatch({ type: 'not-accepted', id, message: `“${title}” was not accepted: its ${field} ${problem}. Edit it (E) to correct.` });
        }
        await editEvent(session, null, result.event);
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
    // After the form is open: the review steps aside, and comes back when the form is closed.
    setEditingId(id);
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
    update({ reviewed: null, review: EMPTY_REVIEW });
  };

  return (
    <dialog
      ref={dialogRef}
      className={`draft-dialog${reviewed ? ' is-reviewing' : ''}`}
      aria-labelledby="draft-heading"
      onKeyDown={onKeyDown}
      onClose={() => {
        // Closed to let the event form be used, not by the analyst: the dialog stays open.
        if ((store.getState().draftWork ?? FRESH).editingId === null) onClose();
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
          <DraftSourceForm source={source} issues={issues} busy={busy} onChange={(changed) => update({ source: changed })} onDraft={() => void draft()} />
          <p className="draft-status" role="status" data-testid="draft-status">
            {progress}
          </p>
        </>
      )}
    </dialog>
  );
}
