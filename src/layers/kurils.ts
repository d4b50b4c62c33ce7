import type { FilterSpecification } from 'maplibre-gl';
import type { LayerModule } from './types';
import { byInteraction } from './expressions';
import { fonts, palette } from './palette';
import { EMPTY_COLLECTION } from './source-data';

export const KURILS_SOURCE = 'kurils';
export const KURILS_DISPUTED_FILL_LAYER = 'kurils-disputed-fill';

// The file holds the chain, the disputed group and each disputed island; draw the chain once,
// then mark only the individual disputed islands so nothing is painted three times.
const isChain: FilterSpecification = ['==', ['get', 'id'], 'kuril-islands'];
const isDisputedIsland: FilterSpecification = ['all', ['==', ['get', 'kind'], 'island'], ['==', ['get', 'disputed'], true], ['!', ['has', 'isLabelAnchor']]];
/** One point per disputed island or group, where its label goes (see geographyToCollection). */
const isIslandLabelAnchor: FilterSpecification = ['all', ['==', ['get', 'kind'], 'island'], ['has', 'isLabelAnchor']];

export const kurilsLayer: LayerModule = {
  id: 'kurils',
  title: 'Kuril Islands (southern four disputed)',
  source: 'Natural Earth 1:10m land, clipped with Turf',
  theaters: ['sea-of-japan-kurils', 'east-asia'],
  toggleable: true,
  legend: { shape: 'hatch', color: palette.disputed, outline: palette.disputed },
  geographyFile: 'kurils',
  sources: { [KURILS_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' } },
  layers: [
    {
      id: 'kurils-chain-outline',
      type: 'line',
      source: KURILS_SOURCE,
      filter: isChain,
      paint: { 'line-color': '#6b6357', 'line-width': 1.2 },
    },
    {
      id: KURILS_DISPUTED_FILL_LAYER,
      type: 'fill',
      source: KURILS_SOURCE,
      filter: isDisputedIsland,
      paint: { 'fill-color': palette.disputed, 'fill-opacity': byInteraction(0.22, 0.32, 0.4), 'fill-antialias': false },
    },
    {
      id: 'kurils-disputed-outline',
      type: 'line',
      source: KURILS_SOURCE,
      filter: isDisputedIsland,
      paint: { 'line-color': palette.disputed, 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'kurils-disputed-labels',
      type: 'symbol',
      source: KURILS_SOURCE,
      filter: isIslandLabelAnchor,
      minzoom: 5.5,
      layout: {
        'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
        'text-font': fonts.italic,
        'text-size': 11,
        'text-max-width': 9,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.8,
      },
      paint: { 'text-color': palette.disputed, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'kurils-dispute-label',
      type: 'symbol',
      source: KURILS_SOURCE,
      // One label for the group, anchored on Iturup (a MultiPolygon would get one per island).
      filter: ['all', ['==', ['get', 'id'], 'iturup'], ['has', 'isLabelAnchor']],
      maxzoom: 5.5,
      layout: {
        'text-field': 'Southern Kurils /\nNorthern Territories\n(disputed)',
        'text-font': fonts.italic,
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [1.2, 0],
      },
      paint: { 'text-color': palette.disputed, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
    },
  ],
  interactiveLayerIds: [KURILS_DISPUTED_FILL_LAYER],
};
