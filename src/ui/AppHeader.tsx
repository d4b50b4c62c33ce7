import { store, useStore } from '../data/store';
import { sourcesLine } from '../data/scenario-text';
import { ImportButton } from './import/ImportControls';
import { canEditOpenScenario } from '../data/slices/team';
import { TeamUserActions } from './team/TeamHeader';
import { TeamStrip } from './team/TeamStrip';

/** The header: the scenario's title and sources, the phone's list and menu toggles, and the app's actions (most open a dialog, src/ui/Dialogs.tsx). */
export function AppHeader({
  listOpen,
  setListOpen,
  menuOpen,
  setMenuOpen,
  presenting,
  setPresenting,
  onImportFile,
}: {
  listOpen: boolean;
  setListOpen: (open: boolean) => void;
  /** The phone's menu of actions (the class on .app shows it). */
  menuOpen: boolean;
  setMenuOpen: (open: boolean) => void;
  presenting: boolean;
  setPresenting: (on: boolean) => void;
  onImportFile: (file: File) => void;
}) {
  const scenario = useStore((state) => state.scenario);
  // A viewer of a shared scenario is offered nothing that changes it.
  const canEdit = useStore(canEditOpenScenario);
  const shared = useStore((state) => state.openShared !== null);
  const { openDialog } = store.getState();
  return (
    <header className={`app-header${shared ? ' has-team-strip' : ''}`}>
      <h1>
        <span className="brand">Tripwire</span> {scenario?.title}
        {scenario?.subtitle && <span className="app-subtitle"> — {scenario.subtitle}</span>}
      </h1>
      {scenario && scenario.sources.length > 0 && <p className="app-source">Source: {sourcesLine(scenario)}</p>}
      <button type="button" className="list-toggle" aria-expanded={listOpen} aria-controls="event-sidebar" onClick={() => setListOpen(!listOpen)}>
        {listOpen ? 'Hide events' : 'Events'}
      </button>
      <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="app-actions" onClick={() => setMenuOpen(!menuOpen)}>
        Menu
      </button>
      {/* A click on any action also closes the phone's menu. */}
      <div className="app-actions" id="app-actions" onClick={() => setMenuOpen(false)}>
        <button type="button" onClick={() => openDialog({ kind: 'scenarios' })} title="Open, save or start a scenario; the scenarios kept in this browser">
          Scenarios…
        </button>
        {canEdit && <ImportButton onFile={onImportFile} />}
        {canEdit && (
          <button type="button" onClick={() => openDialog({ kind: 'draft' })} title="Draft dated, placed, quoted events from an article's text, and review them">
            Draft from text…
          </button>
        )}
        <button type="button" onClick={() => openDialog({ kind: 'export' })} aria-keyshortcuts="E" title="Export a briefing image (E)">
          Export image
        </button>
        <button type="button" onClick={() => openDialog({ kind: 'deck' })} title="Make a slide deck (PowerPoint, or PNG images) of chosen events">
          Deck…
        </button>
        <button type="button" onClick={() => setPresenting(!presenting)} aria-keyshortcuts="P" aria-pressed={presenting} title="Presentation mode (P; Escape leaves)">
          {presenting ? 'Leave presentation' : 'Present'}
        </button>
        <TeamUserActions />
      </div>
      <TeamStrip />
    </header>
  );
}
