import { formatCount } from '../../data/limits';
import type { ImportProgressState } from './use-import-flow';

const PHASE_TEXT: Record<ImportProgressState['phase'], string> = {
  reading: 'Reading rows',
  mapping: 'Waiting for the column choices',
  checking: 'Checking every event',
  receiving: 'Adding the events to the map',
  saving: 'Saving for next time',
};

/** Where an import is: a progress bar with the rows read, and Cancel until the events are in. */
export function ImportProgressPanel({ progress, onCancel }: { progress: ImportProgressState; onCancel: () => void }) {
  const percent = Math.round(progress.fraction * 100);
  const canCancel = progress.phase !== 'saving';
  return (
    <section className="import-progress" aria-label={`Importing ${progress.fileName}`} data-testid="import-progress">
      <p>
        Importing “{progress.fileName}”: {PHASE_TEXT[progress.phase]}
        {progress.rows !== undefined && progress.phase === 'reading' ? ` (${formatCount(progress.rows)} rows)` : ''}…
      </p>
      <progress max={100} value={percent} aria-label={`${PHASE_TEXT[progress.phase]}: ${percent}%`} />
      {canCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </section>
  );
}
