// The review of a draft: each candidate pending, being accepted (its event is being saved),
// accepted (with the event it became) or rejected; which one is selected; and what the last
// action said. Pure, so every key press and button is the same step the unit tests check.
import type { DraftCandidate } from './draft-events';
import { mergeCandidates } from './merge-candidates';

export type Verdict = 'pending' | 'accepting' | 'accepted' | 'rejected';

export interface ReviewItem {
  candidate: DraftCandidate;
  verdict: Verdict;
  /** The event an accepted candidate became (kept when that is undone, so a redo accepts it again). */
  eventId?: string;
}

export interface ReviewState {
  text: string;
  items: readonly ReviewItem[];
  selected: number;
  /** What the last action did or why it did nothing, for the status line. */
  message: string;
}

export type ReviewAction =
  | { type: 'start'; text: string; candidates: readonly DraftCandidate[] }
  | { type: 'select'; index: number }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'accepting'; id: string }
  | { type: 'accepted'; id: string; eventId: string }
  | { type: 'not-accepted'; id: string; message: string }
  /** The events accepted candidates became that are no longer in the scenario (an undo): those candidates are to decide again. */
  | { type: 'events-gone'; eventIds: ReadonlySet<string> }
  /** Those events are back (a redo): their candidates are accepted again. */
  | { type: 'events-back'; eventIds: ReadonlySet<string> }
  | { type: 'reject'; id: string }
  | { type: 'merge-next' }
  | { type: 'say'; message: string };

export const EMPTY_REVIEW: ReviewState = { text: '', items: [], selected: 0, message: '' };

/** The next candidate still to decide after `from` (wrapping round), or `from` when none is left. */
function nextPending(items: readonly ReviewItem[], from: number): number {
  for (let step = 1; step <= items.length; step++) {
    const index = (from + step) % items.length;
    if (items[index]!.verdict === 'pending') return index;
  }
  return from;
}

const withItem = (state: ReviewState, id: string, change: (item: ReviewItem) => ReviewItem): ReviewItem[] => state.items.map((item) => (item.candidate.id === id ? change(item) : item));

const titleOf = (state: ReviewState, id: string) => state.items.find((item) => item.candidate.id === id)?.candidate.title ?? id;

/** Why the selected candidate cannot be merged into the next, or null when it can. */
export function mergeRefusal(state: ReviewState): string | null {
  const item = state.items[state.selected];
  const next = state.items[state.selected + 1];
  if (!item || !next) return 'Nothing to merge with: this is the last candidate.';
  if (item.verdict === 'accepted' || item.verdict === 'accepting' || next.verdict === 'accepted' || next.verdict === 'accepting') return 'An accepted candidate is an event already: edit the event instead of merging it.';
  return null;
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'start':
      return { text: action.text, items: action.candidates.map((candidate) => ({ candidate, verdict: 'pending' })), selected: 0, message: '' };
    case 'select':
      return action.index >= 0 && action.index < state.items.length ? { ...state, selected: action.index } : state;
    case 'move':
      return { ...state, selected: Math.min(state.items.length - 1, Math.max(0, state.selected + action.by)) };
    case 'accepting': {
      const items = withItem(state, action.id, (item) => ({ ...item, verdict: 'accepting' }));
      const index = items.findIndex((item) => item.candidate.id === action.id);
      return { ...state, items, selected: index === state.selected ? nextPending(items, index) : state.selected, message: `Adding “${titleOf(state, action.id)}” to the scenario…` };
    }
    case 'accepted':
      return { ...state, items: withItem(state, action.id, (item) => ({ ...item, verdict: 'accepted', eventId: action.eventId })), message: `Accepted: “${titleOf(state, action.id)}” is in the scenario.` };
    case 'not-accepted':
      return { ...state, items: withItem(state, action.id, (item) => ({ ...item, verdict: 'pending' })), message: action.message };
    case 'events-gone': {
      const gone = state.items.filter((item) => item.verdict === 'accepted' && item.eventId !== undefined && action.eventIds.has(item.eventId));
      if (gone.length === 0) return state;
      const items = state.items.map((item) => (gone.includes(item) ? { ...item, verdict: 'pending' as const } : item));
      return { ...state, items, message: `No longer in the scenario (undone): ${gone.map((item) => `“${item.candidate.title}”`).join(', ')}; to decide again.` };
    }
    case 'events-back': {
      const back = state.items.filter((item) => item.verdict === 'pending' && item.eventId !== undefined && action.eventIds.has(item.eventId));
      if (back.length === 0) return state;
      const items = state.items.map((item) => (back.includes(item) ? { ...item, verdict: 'accepted' as const } : item));
      return { ...state, items, message: `Back in the scenario (redone): ${back.map((item) => `“${item.candidate.title}”`).join(', ')}.` };
    }
    case 'reject': {
      const item = state.items.find((candidate) => candidate.candidate.id === action.id);
      if (!item || item.verdict === 'accepted' || item.verdict === 'accepting') return { ...state, message: 'Accepted already: it is an event of the scenario (undo, or delete the event, to take it back).' };
      const items = withItem(state, action.id, (candidate) => ({ ...candidate, verdict: 'rejected' }));
      const index = items.findIndex((candidate) => candidate.candidate.id === action.id);
      return { ...state, items, selected: index === state.selected ? nextPending(items, index) : state.selected, message: `Rejected: “${item.candidate.title}”.` };
    }
    case 'merge-next': {
      const refusal = mergeRefusal(state);
      if (refusal) return { ...state, message: refusal };
      const first = state.items[state.selected]!;
      const second = state.items[state.selected + 1]!;
      const merged: ReviewItem = { candidate: mergeCandidates(state.text, first.candidate, second.candidate), verdict: 'pending' };
      const items = [...state.items.slice(0, state.selected), merged, ...state.items.slice(state.selected + 2)];
      return { ...state, items, message: `Merged “${second.candidate.title}” into “${first.candidate.title}”.` };
    }
    case 'say':
      return { ...state, message: action.message };
  }
}
