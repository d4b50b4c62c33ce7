import { store, useStore } from '../data/store';

/**
 * If the scenario's files fail validation, say exactly where, instead of a half-drawn map. When a
 * linked document failed and the built-in scenario is shown instead, the same list, over a map
 * that works, until dismissed.
 */
export function LoadIssues() {
  const status = useStore((state) => state.status);
  const issues = useStore((state) => state.loadIssues);
  const failed = status === 'failed';
  if (!failed && issues.length === 0) return null;
  return (
    <section className="load-issues" role="alert">
      <h2>{failed ? "The scenario's data could not be loaded" : 'The linked scenario could not be opened: the built-in scenario is shown instead'}</h2>
      <ul>
        {issues.slice(0, 50).map((issue, index) => (
          <li key={index}>
            <code>{issue.location}</code>: {issue.message}
          </li>
        ))}
      </ul>
      {issues.length > 50 && <p>… and {issues.length - 50} more.</p>}
      {!failed && (
        <button type="button" onClick={() => store.getState().setLinkIssues([])}>
          Dismiss
        </button>
      )}
    </section>
  );
}
