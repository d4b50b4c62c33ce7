import { useEffect, useState } from 'react';
import { loadLastChanges } from '../../actions';
import { useStore } from '../../data/store';
import { pageTeam } from '../team/page-team';
import { absoluteTime, relativeTime } from '../team/relative-time';
import '../team/history.css';

/**
 * "Changed by alice · 5 minutes ago" under a record's title: the last change the page knows of
 * (the journal it applied, and the server's answer for earlier ones). Nothing for a record no one
 * has changed, nor in a scenario of this browser's own (its edits have no author): nothing rather
 * than a wrong name.
 */
export function ChangedBy({ recordId }: { recordId: string }) {
  const change = useStore((state) => state.lastChanges[recordId]);
  const sharedId = useStore((state) => state.openShared?.id ?? null);
  useEffect(() => {
    if (sharedId) void loadLastChanges(pageTeam, sharedId);
  }, [sharedId]);
  // "just now" becomes "2 minutes ago" while the panel stays open.
  const [, setMinute] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setMinute((minute) => minute + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!change || !sharedId) return null;
  const pending = change.seq === Infinity;
  return (
    <p className="changed-by muted" data-testid="changed-by" title={change.madeAt ? absoluteTime(change.madeAt) : undefined}>
      Changed by <strong>{change.author}</strong> · {pending ? 'saving…' : change.madeAt ? relativeTime(change.madeAt) : 'at an unknown time'}
      {change.stale && <span className="changed-by-stale"> (made on an out-of-date copy)</span>}
    </p>
  );
}
