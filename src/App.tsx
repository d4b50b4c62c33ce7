import { MapView } from './map/MapView';
import { InsetMap } from './map/InsetMap';
import { ViewPicker } from './ui/ViewPicker';
import { useStore } from './data/store';
import { Timeline } from './ui/timeline/Timeline';
import { EventList } from './ui/list/EventList';
import { DetailPanel } from './ui/detail/DetailPanel';
import { Legend } from './ui/Legend';
import { LoadIssues } from './ui/LoadIssues';
import { Notices } from './ui/Notices';

export const SCENARIO_TITLE = 'Russia–North Korea ties and the balance of power in East Asia';

/** The dashboard shell: header, event list, map with legend and detail, timeline. */
export function App() {
  const article = useStore((state) => state.article);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="brand">Tripwire</span> {SCENARIO_TITLE}
        </h1>
        <p className="app-source">
          Source: {article ? `${article.publisher}, “${article.title}”` : 'Newsweek, January 2023'}
        </p>
      </header>
      <aside className="sidebar" aria-label="Events">
        <EventList />
      </aside>
      <main className="map-area">
        <MapView />
        <ViewPicker />
        <InsetMap />
        <Legend />
        <DetailPanel />
        <LoadIssues />
        <Notices />
      </main>
      <footer className="timeline-area" aria-label="Timeline">
        <Timeline />
      </footer>
    </div>
  );
}
