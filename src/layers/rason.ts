import type { LayerModule } from './types';
import { byInteraction } from './expressions';
import { palette } from './palette';
import { EMPTY_COLLECTION } from './source-data';

export const RASON_SOURCE = 'rason';
export const RASON_FILL_LAYER = 'rason-fill';

/** The Rason special economic zone and the short North Korea–Russia border on the Tumen. */
export const rasonLayer: LayerModule = {
  id: 'rason',
  title: 'Rason special economic zone',
  source: 'Rason SEZ outline and Tumen border (see each feature\'s source)',
  theaters: ['korean-peninsula', 'sea-of-japan-kurils', 'east-asia'],
  toggleable: true,
  legend: { shape: 'fill', color: palette.rason, outline: palette.rason },
  geographyFile: 'rason',
  sources: { [RASON_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' } },
  layers: [
    {
      id: RASON_FILL_LAYER,
      type: 'fill',
      source: RASON_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': palette.rason, 'fill-opacity': byInteraction(0.15, 0.25, 0.3), 'fill-antialias': false },
    },
    {
      id: 'rason-outline',
      type: 'line',
      source: RASON_SOURCE,
      paint: {
        'line-color': ['case', ['==', ['geometry-type'], 'LineString'], palette.disputed, palette.rason],
        'line-width': ['case', ['==', ['geometry-type'], 'LineString'], 3, 1.5],
        'line-dasharray': ['case', ['get', 'approximate'], ['literal', [3, 2]], ['literal', [1, 0]]],
      },
    },
  ],
  interactiveLayerIds: [RASON_FILL_LAYER],
};
