import type { Dispatch } from 'react';
import { CandidateList } from './CandidateList';
import { HighlightedText } from './HighlightedText';
import type { ReviewAction, ReviewItem, ReviewState } from '../../draft/review-state';

/** What the review's buttons and keys ask of the dialog (which saves events and opens the form). */
export interface ReviewCommands {
  accept: (item: ReviewItem) => void;
  edit: (item: ReviewItem) => void;
}

const count = (items: readonly ReviewItem[], verdict: ReviewItem['verdict']) => items.filter((item) => item.verdict === verdict).length;

/**
 * The second step: the text with each candidate's quote marked, beside the list of candidates,
 * and the actions on the selected one (also its keys: J/K move, A accept, E edit, M merge, R reject).
 */
export function DraftReview({ review, dispatch, commands }: { review: ReviewState; dispatch: Dispatch<ReviewAction>; commands: ReviewCommands }) {
  const item = review.items[review.selected];
  const { items } = review;
  return (
    <div className="draft-review">
      <p className="draft-summary">
        {items.length} candidate{items.length === 1 ? '' : 's'}: {count(items, 'accepted')} accepted, {count(items, 'rejected')} rejected, {count(items, 'pending')} to decide. Keys: J/K move, A accept, E edit, M merge with the next, R reject.
      </p>
      <div className="draft-panes">
        {/* Focusable, so the text can be scrolled from the keyboard too. */}
        <section className="draft-text-pane" aria-label="Source text, with each candidate's quote marked" tabIndex={0}>
          <HighlightedText
            text={review.text}
            items={items}
            selectedId={item?.candidate.id ?? null}
            onPick={(id) => dispatch({ type: 'select', index: items.findIndex((candidate) => candidate.candidate.id === id) })}
          />
        </section>
        <section className="draft-list-pane" aria-label="Candidates">
          <CandidateList items={items} selected={review.selected} onSelect={(index) => dispatch({ type: 'select', index })} />
        </section>
      </div>
      <div className="draft-actions" role="group" aria-label="The selected candidate">
        <button type="button" className="primary" aria-keyshortcuts="A" disabled={!item} onClick={() => item && commands.accept(item)}>
          Accept
        </button>
        <button type="button" aria-keyshortcuts="E" disabled={!item || item.verdict === 'accepted'} onClick={() => item && commands.edit(item)}>
          Edit…
        </button>
        <button type="button" aria-keyshortcuts="M" disabled={review.selected + 1 >= items.length} onClick={() => dispatch({ type: 'merge-next' })}>
          Merge with next
        </button>
        <button type="button" aria-keyshortcuts="R" disabled={!item} onClick={() => item && dispatch({ type: 'reject', id: item.candidate.id })}>
          Reject
        </button>
      </div>
      <p className="draft-status" role="status" data-testid="draft-status">
        {review.message}
      </p>
    </div>
  );
}
