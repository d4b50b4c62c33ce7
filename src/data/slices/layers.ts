import type { SliceCreator } from '../store';

export interface LayersSlice {
  /** Ids of toggleable layers the user has switched off (everything is on by default). */
  hiddenLayers: string[];
  setLayerVisible: (id: string, visible: boolean) => void;
}

export const createLayersSlice: SliceCreator<LayersSlice> = (set) => ({
  hiddenLayers: [],
  setLayerVisible: (id, visible) =>
    set((state) => ({
      hiddenLayers: visible ? state.hiddenLayers.filter((hidden) => hidden !== id) : [...new Set([...state.hiddenLayers, id])],
    })),
});
