import { memo, useEffect, useMemo, useRef } from 'react';
import { textRuns } from '../../draft/text-runs';
import type { ReviewItem } from '../../draft/review-state';

/**
 * The source text with every candidate's quote marked (by its offsets), the selected one
 * strongest and scrolled into view. Rendered as text nodes only: nothing in it is markup.
 * A click on a marked passage selects its candidate (the list is the keyboard's way).
 */
export const HighlightedText = memo(function HighlightedText({
  text,
  items,
  selectedId,
  onPick,
}: {
  text: string;
  items: readonly ReviewItem[];
  selectedId: string | null;
  onPick: (id: string) => void;
}) {
  const shown = useMemo(() => items.filter((item) => item.verdict !== 'rejected'), [items]);
  const verdicts = useMemo(() => new Map(shown.map((item) => [item.candidate.id, item.verdict])), [shown]);
  const runs = useMemo(() => textRuns(text.length, shown.map(({ candidate }) => ({ id: candidate.id, start: candidate.quoteStart, end: candidate.quoteEnd }))), [text, shown]);
  const containerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    containerRef.current?.querySelector('.is-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <div ref={containerRef} className="draft-text" data-testid="draft-text">
      {runs.map((run) => {
        const words = text.slice(run.start, run.end);
        if (run.ids.length === 0) return words;
        const accepted = run.ids.every((id) => verdicts.get(id) === 'accepted');
        const selected = selectedId !== null && run.ids.includes(selectedId);
        return (
          <mark key={run.start} className={`draft-quote${accepted ? ' is-accepted' : ''}${selected ? ' is-selected' : ''}`} onClick={() => onPick(run.ids[0]!)}>
            {words}
          </mark>
        );
      })}
    </div>
  );
});
