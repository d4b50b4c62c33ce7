import { useModalDialog } from '../use-modal-dialog';
import { session } from '../../session';
import { useEffect, useState } from 'react';
import { store, useStore } from '../../data/store';
import { deleteScenario, listScenarios, newScenario, openBuiltInScenario, openStoredScenario, scenarioDownload, type StoredScenario } from '../../actions';
import { formatCount } from '../../data/limits';
import { download } from '../export/download';
import type { useScenarioFlow } from './use-scenario-flow';
import { OpenScenarioButton } from './ScenarioControls';
import { ScenarioDetails } from './ScenarioDetails';
import { shownBounds, useMainMap } from '../../map/map-context';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { canEditOpenScenario } from '../../data/slices/team';
import { SharedLibrary } from '../team/SharedLibrary';

type Flow = ReturnType<typeof useScenarioFlow>;

/** The main map's frame now, for a new scenario's first view. */
function currentBounds(map: MapLibreMap | null): [number, number, number, number] {
  return map ? shownBounds(map) : [-180, -80, 180, 80];
}

/** "Scenarios": the library in this browser (the built-in one always there), open a file, save, new. */
export function ScenarioDialog({ open, onClose, flow }: { open: boolean; onClose: () => void; flow: Flow }) {
  const dialogRef = useModalDialog(open);
  const scenario = useStore((state) => state.scenario);
  const stored = useStore((state) => state.scenarioStored);
  const openShared = useStore((state) => state.openShared);
  const canEdit = useStore(canEditOpenScenario);
  const teamUser = useStore((state) => state.teamUser);
  const [library, setLibrary] = useState<StoredScenario[] | null>(null);
  const [status, setStatus] = useState('');
  const mainMap = useMainMap();

  // The library is read again whenever the dialog opens or the open scenario is stored or changes.
  useEffect(() => {
    if (open) void listScenarios(session).then(setLibrary, () => setLibrary([]));
  }, [open, scenario, stored]);

  const act = (label: string, action: () => Promise<unknown>) => async () => {
    setStatus(`${label}…`);
    try {
      await action();
      setStatus('');
      onClose();
    } catch (error) {
      setStatus(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const save = () => {
    const { blob, fileName } = scenarioDownload(store.getState());
    download(blob, fileName, 'application/json');
    setStatus(`Saved ${fileName} (${(blob.size / 1e6).toFixed(1)} MB).`);
  };

  return (
    <dialog ref={dialogRef} className="export-dialog scenario-dialog" onClose={onClose} aria-labelledby="scenario-dialog-title">
      <h2 id="scenario-dialog-title">Scenarios</h2>
      {scenario && (
        <p>
          Open now: <strong>{scenario.title}</strong>
          {openShared
            ? ` (shared on the team server${openShared.access === 'viewer' ? ': you can view it, not change it' : ''})`
            : scenario.readOnly
              ? ' (built-in, read-only: editing makes a copy)'
              : stored
                ? ' (kept in this browser)'
                : ' (not kept in this browser yet)'}
        </p>
      )}
      <div className="scenario-actions">
        {/* Progress and Cancel show here while the file is read; the outcome shows on the map. */}
        <OpenScenarioButton onFile={(file) => void flow.open(file).then(onClose)} />
        <button type="button" className="primary" onClick={save} disabled={!scenario}>
          Save scenario
        </button>
        <button type="button" onClick={act('Making a new scenario', () => newScenario(session, { fromCurrentView: false, bounds: currentBounds(mainMap) }))}>
          New empty scenario
        </button>
        <button type="button" onClick={act('Making a new scenario', () => newScenario(session, { fromCurrentView: true, bounds: currentBounds(mainMap) }))} title="A new scenario with this map's frame, layers and sources, and no events">
          New from current view
        </button>
      </div>
      {scenario && canEdit && (
        <details className="scenario-details-section">
          <summary>Edit title, “as of” date and source{scenario.readOnly ? ' (makes a copy)' : ''}</summary>
          <ScenarioDetails key={scenario.id} onSaved={() => setStatus('Details saved.')} />
        </details>
      )}
      {teamUser && <SharedLibrary open={open} onOpened={onClose} />}
      <h3>In this browser</h3>
      <ul className="scenario-library" aria-label="Scenario library">
        <li>
          <span>
            <strong>Built-in scenario</strong> <span className="muted">(always here; open it to restore the original)</span>
          </span>
          <button type="button" onClick={act('Opening the built-in scenario', () => openBuiltInScenario(session))}>
            Open
          </button>
        </li>
        {library?.map((record) => (
          <li key={record.id}>
            <span>
              <strong>{record.head.title}</strong>{' '}
              <span className="muted">
                {formatCount(record.eventCount)} events · saved {record.savedAt.slice(0, 10)}
              </span>
            </span>
            <button type="button" onClick={act(`Opening “${record.head.title}”`, () => openStoredScenario(session, record.id))}>
              Open
            </button>
            <button
              type="button"
              className="link-button"
              aria-label={`Delete “${record.head.title}” from this browser`}
              onClick={() => void deleteScenario(session, record.id).then(() => listScenarios(session).then(setLibrary))}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {flow.progress && (
        <p role="status">
          Reading the scenario file… {flow.progress.rows ? `${formatCount(flow.progress.rows)} events` : ''}{' '}
          <button type="button" onClick={flow.cancel}>
            Cancel
          </button>
        </p>
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
