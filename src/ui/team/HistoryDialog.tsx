import { useEffect, useState } from 'react';
import { openPastState, pointLabel, pointOf, readHistory, restoreAsCopy, type HistoryItem, type HistoryPage } from '../../actions';
import { useModalDialog } from '../use-modal-dialog';
import { pageTeam } from './page-team';
import { absoluteTime, relativeTime } from './relative-time';
import './history.css';

const PAGE = 30;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A shared scenario's history: every change by person and time, newest first, a page at a time,
 * filtered by person; the whole versions kept among them. Any line's state opens read-only, or is
 * restored as a new scenario of one's own.
 */
export function HistoryDialog({ open, onClose, scenarioId, title }: { open: boolean; onClose: () => void; scenarioId: string; title: string }) {
  const dialogRef = useModalDialog(open);
  const [author, setAuthor] = useState<string | null>(null);
  const [items, setItems] = useState<HistoryItem[]>([]);
  const [people, setPeople] = useState<string[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [status, setStatus] = useState('Reading the history…');
  const [busy, setBusy] = useState(false);

  /** Shows a page read: the first in place of what was shown, a later one after it. */
  const show = (page: HistoryPage, more: boolean) => {
    setItems((shown) => (more ? [...shown, ...page.items] : page.items));
    setPeople(page.people);
    setNextBefore(page.nextBefore);
    setStatus('');
  };

  // The first page, whenever the dialog opens or the filter changes.
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    readHistory(pageTeam, scenarioId, { author, limit: PAGE }).then(
      (page) => !cancelled && show(page, false),
      (error: unknown) => !cancelled && setStatus(`The history could not be read: ${messageOf(error)}`),
    );
    return () => {
      cancelled = true;
    };
  }, [open, scenarioId, author]);

  const showOlder = async (before: number) => {
    setBusy(true);
    try {
      show(await readHistory(pageTeam, scenarioId, { author, before, limit: PAGE }), true);
    } catch (error) {
      setStatus(`Older changes could not be read: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const act = (label: string, action: () => Promise<unknown>) => async () => {
    setBusy(true);
    setStatus(`${label}…`);
    try {
      await action();
      setStatus('');
      onClose();
    } catch (error) {
      setStatus(`${label} failed: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="export-dialog history-dialog" onClose={onClose} aria-labelledby="history-dialog-title">
      <h2 id="history-dialog-title">History of “{title}”</h2>
      <p className="history-lead muted">Who changed what, newest first. Any point can be opened read-only, or restored as a new scenario of your own; the shared one is never changed from here.</p>
      <label className="history-filter">
        Show changes by{' '}
        <select value={author ?? ''} onChange={(event) => {
            setStatus('Reading the history…');
            setAuthor(event.target.value || null);
          }}>
          <option value="">everyone</option>
          {people.map((person) => (
            <option key={person} value={person}>
              {person}
            </option>
          ))}
        </select>
      </label>
      <ol className="history-list" aria-label="Changes, newest first">
        {items.map((item) => (
          <li key={`${item.kind}-${item.seq}-${item.version ?? ''}`} className={`history-item${item.kind === 'version' ? ' is-version' : ''}`} data-testid="history-item">
            <div className="history-line">
              <strong className="history-author">{item.author}</strong>
              <span className="history-time muted" title={absoluteTime(item.madeAt)}>
                {relativeTime(item.madeAt)}
              </span>
              <span className="history-summary">{item.summary}</span>
              {item.stale && (
                <span className="history-stale" title="Someone else had changed the same thing after the copy this edit was made on; this edit won, as the newest.">
                  made on an out-of-date copy
                </span>
              )}
            </div>
            <div className="history-actions">
              <button type="button" className="link-button" disabled={busy} onClick={act('Opening the past state', () => openPastState(pageTeam, scenarioId, pointOf(item), item.madeAt))} aria-label={`Open as of this point (${pointLabel(item.madeAt)}), read-only`}>
                Open as of this point
              </button>
              <button type="button" className="link-button" disabled={busy} onClick={act('Restoring as a copy', () => restoreAsCopy(pageTeam, scenarioId, pointOf(item)))} aria-label={`Restore as a copy (${pointLabel(item.madeAt)})`}>
                Restore as a copy
              </button>
            </div>
          </li>
        ))}
      </ol>
      {items.length === 0 && !busy && !status && <p className="muted">No changes{author ? ` by ${author}` : ''}.</p>}
      {nextBefore !== null && (
        <button type="button" disabled={busy} onClick={() => void showOlder(nextBefore)}>
          Show older changes
        </button>
      )}
      <p role="status" className="export-status">
        {status}
      </p>
      <div className="export-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
