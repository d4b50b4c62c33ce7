import { MapView } from './map/MapView';

export const SCENARIO_TITLE = 'Russia–North Korea ties and the balance of power in East Asia';

/** The dashboard shell: header, event list, map with legend and detail, timeline. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="brand">Tripwire</span> {SCENARIO_TITLE}
        </h1>
        <p className="app-source">Source: Newsweek, January 2023</p>
      </header>
      <aside className="event-list-slot" aria-label="Events" />
      <main className="map-area">
        <MapView />
        <section className="legend-slot" aria-label="Legend" />
        <section className="detail-slot" aria-label="Details" />
      </main>
      <footer className="timeline-slot" aria-label="Timeline" />
    </div>
  );
}
