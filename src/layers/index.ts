import type { LayerModule } from './types';
import type { ScenarioHead } from '../data/scenario-schema';
import { basemapLabelsLayer, basemapLayerFor } from './basemap';
import { layerModuleFor } from './scenario-layers';
import { eventsLayerFor } from './events';
import type { BasemapModules } from './basemap-choice';

export interface MapLayers {
  /** Every layer, bottom first: this order is the draw order and (reversed) the legend order. */
  all: readonly LayerModule[];
  /** Layers a user can switch on and off, top of the map first (legend order). */
  toggleable: readonly LayerModule[];
  /** Style layers that answer clicks and hover, top first (the order MapLibre reports hits in). */
  interactiveLayerIds: string[];
}

/** Per basemap (the embedded one: EMBEDDED), per scenario head. */
const cache = new WeakMap<object, WeakMap<object, MapLayers>>();
const EMBEDDED = {};
/** By what the map's layers are made of: the scenario's layers without their features, and its categories. */
const byPresentation = new Map<string, MapLayers>();
const NO_SCENARIO = {};

/**
 * The map's layers for a scenario: the basemap, its geography, the events, the place names on top.
 * `basemap`: an OpenStreetMap archive's modules (the store's `basemap`), or null for the embedded one.
 * Computed once per scenario head, and the same object for heads that differ only in their
 * features: a drawn or reshaped shape then reaches the map through its source (sync.ts), where a
 * new object would make MapView create the whole map again.
 */
export function layersOf(scenario: Pick<ScenarioHead, 'layers' | 'categories' | 'focusCountries'> | null, basemap: BasemapModules | null = null): MapLayers {
  const key = scenario ?? NO_SCENARIO;
  let forBasemap = cache.get(basemap ?? EMBEDDED);
  if (!forBasemap) cache.set(basemap ?? EMBEDDED, (forBasemap = new WeakMap()));
  let layers = forBasemap.get(key);
  if (layers) return layers;
  const presentation = JSON.stringify([(scenario?.layers ?? []).map(({ features: _features, ...layer }) => layer), scenario?.categories, scenario?.focusCountries, basemap?.key]);
  layers = byPresentation.get(presentation);
  if (!layers) {
    const geography = (scenario?.layers ?? []).map(layerModuleFor).filter((module) => module !== null);
    const [ground, labels] = basemap ? [basemap.ground, basemap.labels] : [basemapLayerFor(scenario?.focusCountries), basemapLabelsLayer];
    const all = [ground, ...geography, eventsLayerFor(scenario?.categories), labels];
    layers = {
      all,
      toggleable: all.filter((layer) => layer.toggleable).reverse(),
      interactiveLayerIds: all.flatMap((layer) => layer.interactiveLayerIds).reverse(),
    };
    byPresentation.set(presentation, layers);
  }
  forBasemap.set(key, layers);
  return layers;
}
