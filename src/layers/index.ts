import type { LayerModule } from './types';
import type { ScenarioHead } from '../data/scenario/scenario-schema';
import { basemapLabelsLayer, basemapLayerFor } from './basemap';
import { layerModuleFor } from './scenario-layers';
import { eventsLayerFor } from './events';

export interface MapLayers {
  /** Every layer, bottom first: this order is the draw order and (reversed) the legend order. */
  all: readonly LayerModule[];
  /** Layers a user can switch on and off, top of the map first (legend order). */
  toggleable: readonly LayerModule[];
  /** Style layers that answer clicks and hover, top first (the order MapLibre reports hits in). */
  interactiveLayerIds: string[];
}

const cache = new WeakMap<object, MapLayers>();
/** By what the map's layers are made of: the scenario's layers without their features, and its categories. */
const byPresentation = new Map<string, MapLayers>();
const NO_SCENARIO = {};

/**
 * The map's layers for a scenario: the basemap, its geography, the events, the place names on top.
 * Computed once per scenario head, and the same object for heads that differ only in their
 * features: a drawn or reshaped shape then reaches the map through its source (sync.ts), where a
 * new object would make MapView create the whole map again.
 */
export function layersOf(scenario: Pick<ScenarioHead, 'layers' | 'categories' | 'focusCountries'> | null): MapLayers {
  const key = scenario ?? NO_SCENARIO;
  let layers = cache.get(key);
  if (layers) return layers;
  const presentation = JSON.stringify([(scenario?.layers ?? []).map(({ features: _features, ...layer }) => layer), scenario?.categories, scenario?.focusCountries]);
  layers = byPresentation.get(presentation);
  if (!layers) {
    const geography = (scenario?.layers ?? []).map(layerModuleFor).filter((module) => module !== null);
    const all = [basemapLayerFor(scenario?.focusCountries), ...geography, eventsLayerFor(scenario?.categories), basemapLabelsLayer];
    layers = {
      all,
      toggleable: all.filter((layer) => layer.toggleable).reverse(),
      interactiveLayerIds: all.flatMap((layer) => layer.interactiveLayerIds).reverse(),
    };
    byPresentation.set(presentation, layers);
  }
  cache.set(key, layers);
  return layers;
}
