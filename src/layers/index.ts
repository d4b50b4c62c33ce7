import type { LayerModule } from './types';
import { basemapLabelsLayer, basemapLayer } from './basemap';

/** Every layer, bottom first: this order is the draw order and the legend order. */
export const LAYER_REGISTRY: readonly LayerModule[] = [basemapLayer, basemapLabelsLayer];

/** Layers a user can switch on and off. */
export const TOGGLEABLE_LAYERS = LAYER_REGISTRY.filter((layer) => layer.toggleable);
