import type { ExpressionSpecification } from 'maplibre-gl';
import type { LayerModule } from './types';
import { byInteraction, validAtCurrentTime } from './expressions';
import { fonts, palette } from './palette';
import { EMPTY_COLLECTION } from './source-data';

export const ADIZ_SOURCE = 'adiz';
export const ADIZ_FILL_LAYER = 'adiz-fill';

/** One colour per zone owner; the two KADIZ versions never show at once (time-filtered). */
const zoneColor: ExpressionSpecification = [
  'match',
  ['get', 'id'],
  ['kadiz-1951', 'kadiz-2013'],
  palette.kadiz,
  'jadiz',
  palette.jadiz,
  'cadiz-ecs',
  palette.cadiz,
  '#666666',
];

/** Air Defense Identification Zones: light fills so overlaps stay readable, strong outlines. */
export const adizLayer: LayerModule = {
  id: 'adiz',
  title: 'Air Defense Identification Zones',
  source: 'Published ADIZ coordinate lists (per zone; see each zone\'s source)',
  theaters: ['korean-peninsula', 'sea-of-japan-kurils', 'east-asia'],
  toggleable: true,
  legend: { shape: 'fill', color: palette.kadiz, outline: palette.kadiz },
  geographyFile: 'adiz',
  sources: { [ADIZ_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' } },
  layers: [
    {
      id: ADIZ_FILL_LAYER,
      type: 'fill',
      source: ADIZ_SOURCE,
      filter: ['all', ['==', ['geometry-type'], 'Polygon'], validAtCurrentTime()],
      paint: { 'fill-color': zoneColor, 'fill-opacity': byInteraction(0.07, 0.14, 0.2), 'fill-antialias': false },
    },
    {
      id: 'adiz-outline',
      type: 'line',
      source: ADIZ_SOURCE,
      filter: ['all', ['==', ['geometry-type'], 'Polygon'], validAtCurrentTime()],
      paint: {
        'line-color': zoneColor,
        'line-width': byInteraction(1.6, 2.4, 3),
        // Japan's and China's zones dashed so that shared stretches of boundary stay tellable apart.
        'line-dasharray': ['match', ['get', 'id'], 'jadiz', ['literal', [4, 2]], 'cadiz-ecs', ['literal', [1.5, 1.5]], ['literal', [1, 0]]],
      },
    },
    {
      id: 'adiz-labels',
      type: 'symbol',
      source: ADIZ_SOURCE,
      filter: ['all', ['has', 'isLabelAnchor'], validAtCurrentTime()],
      layout: {
        'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
        'text-font': fonts.bold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 7, 14],
        'text-anchor': 'left',
        'text-allow-overlap': true,
      },
      paint: { 'text-color': zoneColor, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
    },
  ],
  interactiveLayerIds: [ADIZ_FILL_LAYER],
};
