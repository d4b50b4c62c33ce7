import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { MapView } from './map/MapView';
import { InsetMap } from './map/InsetMap';
import { store, useStore } from './data/store';
import { layersOf } from './layers';
import { defaultViewOf, insetViewOf, sourcesLine } from './data/scenario-text';
import { Timeline } from './ui/timeline/Timeline';
import { EventList } from './ui/list/EventList';
import { DetailPanel } from './ui/detail/DetailPanel';
import { Legend } from './ui/Legend';
import { LoadIssues } from './ui/LoadIssues';
import { Notices } from './ui/Notices';
import { ViewPicker } from './ui/ViewPicker';
import { DeckDialog } from './ui/export/DeckDialog';
import { PresentationCaption } from './ui/PresentationCaption';
import { useShortcuts } from './ui/use-shortcuts';
import { DropZone, ImportButton } from './ui/import/ImportControls';
import { ImportReportPanel } from './ui/import/ImportReportPanel';
import { ImportProgressPanel } from './ui/import/ImportProgressPanel';
import { useImportFlow } from './ui/import/use-import-flow';
import { ScenarioDialog } from './ui/scenario/ScenarioDialog';
import { EventForm } from './ui/edit/EventForm';
import { GeographyForm } from './ui/edit/GeographyForm';
import { ScenarioReportPanel } from './ui/scenario/ScenarioControls';
import { isScenarioFile, useScenarioFlow } from './ui/scenario/use-scenario-flow';
import { ScreenReaderMap } from './ui/a11y/ScreenReaderMap';
import { InsetToggle } from './ui/InsetToggle';
import { PHONE_QUERY, TABLET_QUERY, useMediaQuery } from './ui/use-media-query';
import { MAP_SUMMARY_ID } from './ui/a11y/describe-map';
import { draftHost } from './ui/draft/draft-host';
import { useOnceTrue } from './ui/use-once-true';

// The mapping step (column detection, date formats, category vocabularies) loads when a file needs it.
const ColumnMappingDialog = lazy(() => import('./ui/import/ColumnMappingDialog'));
// Drafting from a source text (its dialog, chrono-node, the gazetteer's worker) loads when first asked for.
const DraftDialog = lazy(() => import('./ui/draft/DraftDialog'));
// The export dialog and the image code behind it (compose, PNG encoding, export maps) likewise.
const ExportDialog = lazy(() => import('./ui/export/ExportDialog').then(({ ExportDialog }) => ({ default: ExportDialog })));

/** The dashboard shell: header, event list, map with legend and detail, timeline. */
export function App() {
  const scenario = useStore((state) => state.scenario);
  const basemap = useStore((state) => state.basemap);
  const basemapStarting = useStore((state) => state.basemapStarting);
  const layers = layersOf(scenario, basemap?.modules);
  // No key on the map: MapView makes a new map only when the layers it draws change (layersOf
  // gives the same object for the same presentation), so the copy made on the first edit keeps the
  // map on screen instead of blanking it while a new one draws; opening a scenario moves the camera.
  const insetView = insetViewOf(scenario);
  const [exporting, setExporting] = useState(false);
  const [makingDeck, setMakingDeck] = useState(false);
  const exportDialogLoaded = useOnceTrue(exporting);
  const [presenting, setPresenting] = useState(false);
  const importFlow = useImportFlow();
  const scenarioFlow = useScenarioFlow();
  const eventForm = useStore((state) => state.eventForm);
  const geographyForm = useStore((state) => state.geographyForm);
  const [managingScenarios, setManagingScenarios] = useState(false);
  // Once opened, the draft dialog stays mounted (closed): its review is there when it is opened again.
  const [drafting, setDrafting] = useState<'never' | 'open' | 'closed'>('never');
  // A dropped .tripwire.json opens as a scenario; any other file is imported as events.
  const onDroppedFile = (file: File) => (isScenarioFile(file) ? void scenarioFlow.open(file) : importFlow.start(file));
  const backgroundTask = useStore((state) => state.backgroundTask);
  const [mapDrawn, setMapDrawn] = useState(false);
  // The list and the timeline render once the map is made, not in the same render: the map's worker
  // then cuts the basemap tiles while they render, instead of after (BENCHMARKS.md, cold load).
  const [mapStarted, setMapStarted] = useState(false);
  const onMapStarted = useCallback(() => setMapStarted(true), []);
  const panelsShown = mapStarted || scenario === null;
  const openExport = useCallback(() => setExporting(true), []);
  useShortcuts({ presenting, setPresenting, openExport });
  // Phone (≤ 600 px): the list is a sheet over the map, closed at first; tablet: a side panel
  // that folds away; desktop: always there (app.css hides the toggle).
  const phone = useMediaQuery(PHONE_QUERY);
  const [listOpen, setListOpen] = useState(() => !window.matchMedia(PHONE_QUERY).matches);
  const [menuOpen, setMenuOpen] = useState(false);
  const [insetOnPhone, setInsetOnPhone] = useState(false);
  // On a phone, choosing an event closes the list so its detail sheet can be read.
  useEffect(
    () =>
      store.subscribe(
        (state) => state.selectedEventId,
        (id) => {
          if (id !== null && window.matchMedia(PHONE_QUERY).matches) setListOpen(false);
        },
      ),
    [],
  );
  // Escape closes the phone's list sheet, as it closes the detail.
  useEffect(() => {
    if (!phone || !listOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setListOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phone, listOpen]);
  const showList = useCallback(() => {
    setListOpen(true);
    requestAnimationFrame(() => document.getElementById('event-list')?.focus());
  }, []);
  const layoutClasses = `${listOpen ? ' is-list-open' : ' is-list-closed'}${menuOpen ? ' is-menu-open' : ''}`;

  return (
    <div className={`app${presenting ? ' is-presenting' : ''}${layoutClasses}`}>
      <header className="app-header">
        <h1>
          <span className="brand">Tripwire</span> {scenario?.title}
          {scenario?.subtitle && <span className="app-subtitle"> — {scenario.subtitle}</span>}
        </h1>
        {scenario && scenario.sources.length > 0 && <p className="app-source">Source: {sourcesLine(scenario)}</p>}
        <button
          type="button"
          className="list-toggle"
          aria-expanded={listOpen}
          aria-controls="event-sidebar"
          onClick={() => setListOpen(!listOpen)}
        >
          {listOpen ? 'Hide events' : 'Events'}
        </button>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="app-actions" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        {/* A click on any action also closes the phone's menu. */}
        <div className="app-actions" id="app-actions" onClick={() => setMenuOpen(false)}>
          <button type="button" onClick={() => setManagingScenarios(true)} title="Open, save or start a scenario; the scenarios kept in this browser">
            Scenarios…
          </button>
          <ImportButton onFile={importFlow.start} />
          <button type="button" onClick={() => setDrafting('open')} title="Draft dated, placed, quoted events from an article's text, and review them">
            Draft from text…
          </button>
          <button type="button" onClick={openExport} aria-keyshortcuts="E" title="Export a briefing image (E)">
            Export image
          </button>
          <button type="button" onClick={() => setMakingDeck(true)} title="Make a slide deck (PowerPoint, or PNG images) of chosen events">
            Deck…
          </button>
          <button type="button" onClick={() => setPresenting(!presenting)} aria-keyshortcuts="P" aria-pressed={presenting} title="Presentation mode (P; Escape leaves)">
            {presenting ? 'Leave presentation' : 'Present'}
          </button>
        </div>
      </header>
      <aside className="sidebar" id="event-sidebar" aria-label="Events">
        <button type="button" className="sheet-close" aria-label="Close the event list" onClick={() => setListOpen(false)}>
          ×
        </button>
        {panelsShown && <EventList />}
      </aside>
      <main className="map-area">
        <DropZone onFile={onDroppedFile}>
          {scenario && !basemapStarting && <MapView layers={layers} bounds={defaultViewOf(scenario).bounds} describedBy={MAP_SUMMARY_ID} narrowQuery={TABLET_QUERY} onStarted={onMapStarted} onDrawn={setMapDrawn} />}
        </DropZone>
        <ViewPicker />
        {/* After the main map's first frame: the inset shares MapLibre's worker, and the main map is
            what the user looks at first (measured: ~1 s of cold load when both start together).
            Without WebGL the main map never draws, says why, and no inset appears. A phone has no
            room to keep it: there it shows when its button asks for it. */}
        {mapDrawn && insetView && (!phone || insetOnPhone) && <InsetMap view={insetView} layers={layers} />}
        {mapDrawn && insetView && phone && <InsetToggle shown={insetOnPhone} title={insetView.title} onToggle={() => setInsetOnPhone(!insetOnPhone)} />}
        <Legend collapsed={presenting} mapDrawn={mapDrawn} />
        {presenting ? null : eventForm ? (
          <EventForm key={eventForm.editing ?? eventForm.prefilled?.key ?? 'new'} />
        ) : geographyForm ? (
          <GeographyForm key={geographyForm.editing ?? 'new'} />
        ) : (
          <DetailPanel />
        )}
        <ScreenReaderMap onShowList={showList} />
        <LoadIssues />
        <Notices />
        {backgroundTask && (
          <p className="background-task" role="status">
            {backgroundTask}
          </p>
        )}
        {importFlow.progress && <ImportProgressPanel progress={importFlow.progress} onCancel={importFlow.cancel} />}
        {importFlow.report && <ImportReportPanel report={importFlow.report} onClose={importFlow.closeReport} />}
        {scenarioFlow.report && <ScenarioReportPanel report={scenarioFlow.report} onClose={scenarioFlow.closeReport} />}
      </main>
      {/* Below the map, not over it: the inset, scale bar and event stay in view while presenting. */}
      {presenting && <PresentationCaption />}
      <footer className="timeline-area" aria-label="Timeline">
        {panelsShown && <Timeline />}
      </footer>
      {exportDialogLoaded && (
        <Suspense fallback={null}>
          <ExportDialog open={exporting} onClose={() => setExporting(false)} />
        </Suspense>
      )}
      <DeckDialog open={makingDeck} onClose={() => setMakingDeck(false)} />
      <ScenarioDialog open={managingScenarios} onClose={() => setManagingScenarios(false)} flow={scenarioFlow} />
      {drafting !== 'never' && (
        <Suspense fallback={null}>
          <DraftDialog open={drafting === 'open'} onClose={() => setDrafting('closed')} host={draftHost} />
        </Suspense>
      )}
      {importFlow.mappingRequest && (
        <Suspense fallback={null}>
          <ColumnMappingDialog request={importFlow.mappingRequest} onDone={importFlow.answerMapping} />
        </Suspense>
      )}
    </div>
  );
}
