import { useState } from 'react';
import { store, useStore } from '../data/store';
import { TABLET_QUERY } from './use-media-query';
import { layersOf } from '../layers';
import type { LegendSwatch } from '../layers/types';
import { CATEGORIES, categoryColor, categoryLabel, scenarioOwnCategories } from '../data/vocabulary';

function Swatch({ swatch }: { swatch: LegendSwatch }) {
  const style = { '--swatch-color': swatch.color, '--swatch-outline': swatch.outline ?? swatch.color } as React.CSSProperties;
  return <span className={`legend-swatch swatch-${swatch.shape}`} style={style} aria-hidden="true" />;
}

/**
 * The legend doubles as the layer switcher: one checkbox per toggleable layer, top layer first.
 * `collapsed` (presenting): folded to its title, so it does not cover the event being shown.
 */
export function Legend({ collapsed = false }: { collapsed?: boolean }) {
  const hidden = useStore((state) => state.hiddenLayers);
  const eventsShown = !hidden.includes('events');
  const importsShown = useStore((state) => state.eventSets.some((set) => set.imported && state.activeEventSetIds.includes(set.id)));
  const toggleable = layersOf(useStore((state) => state.scenario)).toggleable;
  // Open on a wide screen; folded to its title on a tablet or phone, where open it would cover
  // the default view's land (at 1024×768 it hid most of the built-in scenario's).
  const [openAtFirst] = useState(() => !window.matchMedia(TABLET_QUERY).matches);
  return (
    <details className="legend" data-testid="legend" open={openAtFirst && !collapsed}>
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
          {[...CATEGORIES, ...scenarioOwnCategories()].map((category) => (
            <li key={category}>
              <Swatch swatch={{ shape: 'point', color: categoryColor(category), outline: '#ffffff' }} />
              {categoryLabel(category)}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
