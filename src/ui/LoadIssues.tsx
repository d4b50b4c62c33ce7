import { useStore } from '../data/store';

/** If the scenario's files fail validation, say exactly where, instead of a half-drawn map. */
export function LoadIssues() {
  const status = useStore((state) => state.status);
  const issues = useStore((state) => state.loadIssues);
  if (status !== 'failed') return null;
  return (
    <section className="load-issues" role="alert">
      <h2>The scenario's data could not be loaded</h2>
      <ul>
        {issues.slice(0, 50).map((issue, index) => (
          <li key={index}>
            <code>{issue.location}</code>: {issue.message}
          </li>
        ))}
      </ul>
      {issues.length > 50 && <p>… and {issues.length - 50} more.</p>}
    </section>
  );
}
