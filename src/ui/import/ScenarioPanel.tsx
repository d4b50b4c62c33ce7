import { store, useStore } from '../../data/store';
import { removeImport } from '../../data/import-actions';
import { eventsToCsv, eventsToGeoJson } from '../../data/import/export-events';
import type { Scenario } from '../../data/scenarios';
import { download } from '../export/download';

const baseName = (scenario: Scenario) => (scenario.kind === 'article' ? 'tripwire-article-events' : scenario.name.replace(/\.[^.]+$/, ''));

/** Which scenarios are shown (the article, imports, or several at once), and their files out. */
export function ScenarioPanel() {
  const scenarios = useStore((state) => state.scenarios);
  const active = useStore((state) => state.activeScenarioIds);
  if (scenarios.length < 2) return <ScenarioExport scenario={scenarios[0]} />;
  return (
    <fieldset className="scenario-panel">
      <legend>Scenarios shown</legend>
      {scenarios.map((scenario) => (
        <div key={scenario.id} className="scenario-row">
          <label>
            <input
              type="checkbox"
              checked={active.includes(scenario.id)}
              onChange={(event) =>
                store.getState().setActiveScenarios(event.target.checked ? [...active, scenario.id] : active.filter((id) => id !== scenario.id))
              }
            />
            <span className={`scenario-swatch scenario-${scenario.kind}`} aria-hidden="true" />
            {scenario.name} <span className="muted">({scenario.events.length})</span>
          </label>
          <ScenarioExport scenario={scenario} />
          {scenario.kind === 'import' && (
            <button type="button" className="link-button" onClick={() => void removeImport(store, scenario.id)}>
              Remove
            </button>
          )}
        </div>
      ))}
    </fieldset>
  );
}

function ScenarioExport({ scenario }: { scenario: Scenario | undefined }) {
  if (!scenario) return null;
  return (
    <span className="scenario-export">
      <button type="button" className="link-button" onClick={() => download(eventsToGeoJson(scenario.events, scenario.article), `${baseName(scenario)}.geojson`, 'application/geo+json')}>
        GeoJSON
      </button>
      <button type="button" className="link-button" onClick={() => download(eventsToCsv(scenario.events), `${baseName(scenario)}.csv`, 'text/csv;charset=utf-8')}>
        CSV
      </button>
    </span>
  );
}
