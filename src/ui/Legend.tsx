import { useEffect, useMemo, useRef, useState } from 'react';
import { store, useStore } from '../data/store';
import { PHONE_QUERY, TABLET_QUERY } from './use-media-query';
import { defaultViewOf } from '../data/scenario-text';
import { legendCoversLand } from '../map/legend-covers-land';
import { useMainMap } from '../map/map-context';
import { layersOf } from '../layers';
import type { LegendSwatch } from '../layers/types';
import { BasemapPicker } from './BasemapPicker';
import { CATEGORIES, categoryColor, categoryLabel, scenarioOwnCategories } from '../data/vocabulary';
import { categoriesUsed } from '../data/selectors';

function Swatch({ swatch }: { swatch: LegendSwatch }) {
  const style = { '--swatch-color': swatch.color, '--swatch-outline': swatch.outline ?? swatch.color } as React.CSSProperties;
  return <span className={`legend-swatch swatch-${swatch.shape}`} style={style} aria-hidden="true" />;
}

/**
 * The legend doubles as the layer switcher: one checkbox per toggleable layer, top layer first.
 * `collapsed` (presenting): folded to its title, so it does not cover the event being shown.
 * `mapDrawn`: the main map's first frame is on screen, so a tablet can see what the legend covers.
 */
export function Legend({ collapsed = false, mapDrawn = false }: { collapsed?: boolean; mapDrawn?: boolean }) {
  const hidden = useStore((state) => state.hiddenLayers);
  const eventsShown = !hidden.includes('events');
  const importsShown = useStore((state) => state.eventSets.some((set) => set.imported && state.activeEventSetIds.includes(set.id)));
  const toggleable = layersOf(useStore((state) => state.scenario), useStore((state) => state.basemap)?.modules).toggleable;
  const events = useStore((state) => state.events);
  const categories = useMemo(() => categoriesUsed(events, [...CATEGORIES, ...scenarioOwnCategories()]), [events]);
  // Open on a wide screen and folded to its title on a phone. A tablet starts folded and opens it
  // once the map is drawn, unless open it would cover the default view's land (at 1024×768 it hid
  // most of the built-in scenario's); opened, measured and folded again in one task, so no flicker.
  const [openAtFirst, setOpenAtFirst] = useState(() => !window.matchMedia(TABLET_QUERY).matches);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const decided = useRef(false);
  const map = useMainMap();
  useEffect(() => {
    const details = detailsRef.current;
    const scenario = store.getState().scenario;
    if (!mapDrawn || decided.current || !details || !map || !scenario) return;
    decided.current = true;
    if (!window.matchMedia(TABLET_QUERY).matches || window.matchMedia(PHONE_QUERY).matches || details.open) return;
    details.open = true;
    const covers = legendCoversLand(map, details.getBoundingClientRect(), defaultViewOf(scenario).bounds);
    details.open = false;
    if (!covers) setOpenAtFirst(true);
  }, [mapDrawn, map]);
  return (
    <details ref={detailsRef} className="legend" data-testid="legend" open={openAtFirst && !collapsed}>
      <summary className="legend-title">Legend &amp; layers</summary>
      <ul className="legend-layers">
        {toggleable.map((layer) => (
          <li key={layer.id}>
            <label>
              <input
                type="checkbox"
                checked={!hidden.includes(layer.id)}
                onChange={(event) => store.getState().setLayerVisible(layer.id, event.target.checked)}
              />
              {layer.legend && <Swatch swatch={layer.legend} />}
              <span>{layer.title}</span>
            </label>
          </li>
        ))}
      </ul>
      {eventsShown && (
        <ul className="legend-categories" aria-label="Event categories">
          {importsShown && (
            <li className="legend-imported">
              <Swatch swatch={{ shape: 'point', color: '#ffffff', outline: '#111111' }} />
              Imported events (dark ring)
            </li>
          )}
          {categories.map((category) => (
            <li key={category}>
              <Swatch swatch={{ shape: 'point', color: categoryColor(category), outline: '#ffffff' }} />
              {categoryLabel(category)}
            </li>
          ))}
        </ul>
      )}
      <BasemapPicker />
    </details>
  );
}
