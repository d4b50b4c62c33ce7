import { formatCount } from '../../data/limits';
import type { ImportReport } from '../../actions';

/** Every problem with an imported file, located, readable and copyable; nothing was applied. */
export function ImportReportPanel({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const lines = [
    ...report.issues.map((issue) => `ERROR ${issue.location}: ${issue.message}`),
    ...report.warnings.map((issue) => `WARNING ${issue.location}: ${issue.message}`),
    ...(report.columnsUsed ?? []).map((line) => `COLUMN ${line}`),
  ];
  const copy = () => void navigator.clipboard?.writeText(`${report.fileName}\n${lines.join('\n')}`);
  return (
    <section className={`import-report${report.ok ? ' is-ok' : ''}`} role={report.ok ? 'status' : 'alert'} aria-label="Import report" data-testid="import-report">
      <h2>
        {report.ok
          ? `Imported ${formatCount(report.eventCount)} events from “${report.fileName}”`
          : report.cancelled
            ? `Import of “${report.fileName}” cancelled. Nothing was changed.`
            : `“${report.fileName}” was not imported: ${report.issues.length} problem${report.issues.length === 1 ? '' : 's'}. Nothing was changed.`}
      </h2>
      {report.columnsUsed && (
        <details className="import-columns">
          <summary>Columns used</summary>
          <ul>
            {report.columnsUsed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {report.issues.length + report.warnings.length > 0 && (
        <>
          <ol className="import-issues">
            {[...report.issues, ...report.warnings].slice(0, 200).map((issue, index) => (
              <li key={index} className={index < report.issues.length ? 'is-error' : 'is-warning'}>
                <code>{issue.location}</code> {issue.message}
              </li>
            ))}
          </ol>
          {report.issues.length + report.warnings.length > 200 && <p>… {report.issues.length + report.warnings.length - 200} more (all of them are in the copied text).</p>}
        </>
      )}
      <div className="import-report-actions">
        {lines.length > 0 && (
          <button type="button" onClick={copy}>
            Copy report
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
