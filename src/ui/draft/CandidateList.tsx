import { memo, useEffect, useRef } from 'react';
import { shortDate } from '../../draft/draft-dates';
import { describeCandidatePlace } from '../../draft/candidate-event';
import type { ReviewItem, Verdict } from '../../draft/review-state';

const VERDICT_LABEL: Record<Verdict, string> = { pending: '', accepting: 'Adding…', accepted: 'Accepted', rejected: 'Rejected' };

export const optionId = (id: string) => `draft-candidate-${id}`;

/**
 * The candidates as a listbox: the selected one is the active option (arrow keys, J and K move;
 * the dialog's keys act on it). Each says its date and how it was read, its place (or that it
 * needs one), its confidence and what the analyst decided.
 */
export const CandidateList = memo(function CandidateList({ items, selected, onSelect }: { items: readonly ReviewItem[]; selected: number; onSelect: (index: number) => void }) {
  const listRef = useRef<HTMLOListElement>(null);
  const selectedId = items[selected]?.candidate.id;
  useEffect(() => {
    if (selectedId) document.getElementById(optionId(selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <ol
      ref={listRef}
      className="draft-candidates"
      role="listbox"
      aria-label="Candidate events"
      tabIndex={0}
      aria-activedescendant={selectedId ? optionId(selectedId) : undefined}
      data-testid="draft-candidates"
    >
      {items.map(({ candidate, verdict }, index) => {
        const place = describeCandidatePlace(candidate);
        return (
          <li
            key={candidate.id}
            id={optionId(candidate.id)}
            role="option"
            aria-selected={index === selected}
            className={`draft-candidate is-${verdict}${index === selected ? ' is-selected' : ''}`}
            onClick={() => {
              onSelect(index);
              listRef.current?.focus();
            }}
          >
            <span className="draft-candidate-head">
              <span className="draft-candidate-date">
                {shortDate(candidate.date)} <span className="muted">({candidate.precision})</span>
              </span>
              <span className="draft-candidate-confidence">confidence {Math.round(candidate.confidence * 100)} %</span>
              {verdict !== 'pending' && <span className="draft-verdict">{VERDICT_LABEL[verdict]}</span>}
            </span>
            <span className="draft-candidate-title">{candidate.title}</span>
            <span className="draft-candidate-reasoning">{candidate.dateReasoning}</span>
            <span className={`draft-candidate-place${place ? '' : ' is-missing'}`}>{place ?? 'No place found: edit it and place it (click the map or type coordinates) before accepting'}</span>
          </li>
        );
      })}
    </ol>
  );
});
