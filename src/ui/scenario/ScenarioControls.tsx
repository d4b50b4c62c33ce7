import { useRef, type Ref } from 'react';
import type { ScenarioReport } from '../../actions';

/** The hidden file picker for .tripwire.json documents; browser tests and the bench find it by its label. */
export function ScenarioFileInput({ onFile, ref }: { onFile: (file: File) => void; ref?: Ref<HTMLInputElement> }) {
  return (
    <input
      ref={ref}
      type="file"
      accept=".json,application/json"
      hidden
      aria-label="Open scenario file"
      onChange={(event) => {
        const file = event.target.files?.[0];
        if (file) onFile(file);
        event.target.value = '';
      }}
    />
  );
}

/** "Open scenario…": a button in front of the hidden file picker. */
export function OpenScenarioButton({ onFile }: { onFile: (file: File) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()} title="Open a scenario document (.tripwire.json), or drop it on the map">
        Open scenario…
      </button>
      <ScenarioFileInput ref={inputRef} onFile={onFile} />
    </>
  );
}

/** A scenario file that did not open: every problem, located; the scenario on screen is unchanged. */
export function ScenarioReportPanel({ report, onClose }: { report: ScenarioReport; onClose: () => void }) {
  if (report.ok) return null;
  return (
    <section className="import-report" role="alert" aria-label="Scenario report" data-testid="scenario-report">
      <h2>
        {report.cancelled
          ? `Opening “${report.fileName}” cancelled. Nothing was changed.`
          : `“${report.fileName}” was not opened: ${report.issues.length} problem${report.issues.length === 1 ? '' : 's'}. The scenario on screen is unchanged.`}
      </h2>
      {report.issues.length > 0 && (
        <ol className="import-issues">
          {report.issues.slice(0, 200).map((issue, index) => (
            <li key={index} className="is-error">
              <code>{issue.location}</code> {issue.message}
            </li>
          ))}
        </ol>
      )}
      <div className="import-report-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
