import { useCallback, useState } from 'react';
import { MapView } from './map/MapView';
import { InsetMap } from './map/InsetMap';
import { useStore } from './data/store';
import { layersOf } from './layers';
import { defaultViewOf, insetViewOf } from './data/scenario-text';
import { Timeline } from './ui/timeline/Timeline';
import { EventList } from './ui/list/EventList';
import { Legend } from './ui/Legend';
import { LoadIssues } from './ui/LoadIssues';
import { Notices } from './ui/Notices';
import { ViewPicker } from './ui/ViewPicker';
import { PresentationCaption } from './ui/PresentationCaption';
import { useShortcuts } from './ui/use-shortcuts';
import { DropZone } from './ui/import/ImportControls';
import { ImportReportPanel } from './ui/import/ImportReportPanel';
import { ImportProgressPanel } from './ui/import/ImportProgressPanel';
import { useImportFlow } from './ui/import/use-import-flow';
import { ScenarioReportPanel } from './ui/scenario/ScenarioControls';
import { isScenarioFile, useScenarioFlow } from './ui/scenario/use-scenario-flow';
import { ScreenReaderMap } from './ui/a11y/ScreenReaderMap';
import { InsetToggle } from './ui/InsetToggle';
import { PHONE_QUERY, TABLET_QUERY, useMediaQuery } from './ui/use-media-query';
import { MAP_SUMMARY_ID } from './ui/a11y/describe-map';
import { AppHeader } from './ui/AppHeader';
import { DetailOrForm } from './ui/DetailOrForm';
import { Dialogs } from './ui/Dialogs';
import { useListSheet } from './ui/use-list-sheet';

/** The dashboard shell: header, event list, map with legend and detail, timeline; the open dialog. */
export function App() {
  const scenario = useStore((state) => state.scenario);
  const basemap = useStore((state) => state.basemap);
  const basemapStarting = useStore((state) => state.basemapStarting);
  const backgroundTask = useStore((state) => state.backgroundTask);
  const layers = layersOf(scenario, basemap?.modules);
  // No key on the map: MapView makes a new map only when the layers it draws change (layersOf
  // gives the same object for the same presentation), so the copy made on the first edit keeps the
  // map on screen instead of blanking it while a new one draws; opening a scenario moves the camera.
  const insetView = insetViewOf(scenario);
  const [presenting, setPresenting] = useState(false);
  useShortcuts({ presenting, setPresenting });
  const importFlow = useImportFlow();
  const scenarioFlow = useScenarioFlow();
  // A dropped .tripwire.json opens as a scenario; any other file is imported as events.
  const onDroppedFile = (file: File) => (isScenarioFile(file) ? void scenarioFlow.open(file) : importFlow.start(file));
  const [mapDrawn, setMapDrawn] = useState(false);
  // The list and the timeline render once the map is made, not in the same render: the map's worker
  // then cuts the basemap tiles while they render, instead of after (BENCHMARKS.md, cold load).
  const [mapStarted, setMapStarted] = useState(false);
  const onMapStarted = useCallback(() => setMapStarted(true), []);
  const panelsShown = mapStarted || scenario === null;
  const phone = useMediaQuery(PHONE_QUERY);
  const { listOpen, setListOpen, showList } = useListSheet(phone);
  const [menuOpen, setMenuOpen] = useState(false);
  const [insetOnPhone, setInsetOnPhone] = useState(false);
  const layoutClasses = `${listOpen ? ' is-list-open' : ' is-list-closed'}${menuOpen ? ' is-menu-open' : ''}`;

  return (
    <div className={`app${presenting ? ' is-presenting' : ''}${layoutClasses}`}>
      <AppHeader {...{ listOpen, setListOpen, menuOpen, setMenuOpen, presenting, setPresenting }} onImportFile={importFlow.start} />
      <aside className="sidebar" id="event-sidebar" aria-label="Events">
        <button type="button" className="sheet-close" aria-label="Close the event list" onClick={() => setListOpen(false)}>
          ×
        </button>
        {panelsShown && <EventList />}
      </aside>
      <main className="map-area">
        <DropZone onFile={onDroppedFile}>
          {scenario && !basemapStarting && (
            <MapView layers={layers} bounds={defaultViewOf(scenario).bounds} describedBy={MAP_SUMMARY_ID} narrowQuery={TABLET_QUERY} onStarted={onMapStarted} onDrawn={setMapDrawn} />
          )}
        </DropZone>
        <ViewPicker />
        {/* After the main map's first frame: the inset shares MapLibre's worker, and the main map is
            what the user looks at first (measured: ~1 s of cold load when both start together).
            Without WebGL the main map never draws, says why, and no inset appears. A phone has no
            room to keep it: there it shows when its button asks for it. */}
        {mapDrawn && insetView && (!phone || insetOnPhone) && <InsetMap view={insetView} layers={layers} />}
        {mapDrawn && insetView && phone && <InsetToggle shown={insetOnPhone} title={insetView.title} onToggle={() => setInsetOnPhone(!insetOnPhone)} />}
        <Legend collapsed={presenting} mapDrawn={mapDrawn} />
        {!presenting && <DetailOrForm />}
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
      <Dialogs scenarioFlow={scenarioFlow} />
    </div>
  );
}
