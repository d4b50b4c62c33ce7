import type { LayerModule } from './types';
import { basemapLabelsLayer, basemapLayer } from './basemap';
import { adizLayer } from './adiz';
import { rasonLayer } from './rason';
import { kurilsLayer } from './kurils';
import { tracksLayer } from './tracks';
import { placesLayer } from './places';
import { eventsLayer } from './events';

/** Every layer, bottom first: this order is the draw order and (reversed) the legend order. */
export const LAYER_REGISTRY: readonly LayerModule[] = [
  basemapLayer,
  adizLayer,
  rasonLayer,
  kurilsLayer,
  tracksLayer,
  placesLayer,
  eventsLayer,
  basemapLabelsLayer,
];

/** Layers a user can switch on and off, top of the map first (legend order). */
export const TOGGLEABLE_LAYERS = LAYER_REGISTRY.filter((layer) => layer.toggleable).reverse();

/** Style layers that answer clicks and hover, top first (the order MapLibre reports hits in). */
export const INTERACTIVE_LAYER_IDS = LAYER_REGISTRY.flatMap((layer) => layer.interactiveLayerIds).reverse();
