import type { FilterSpecification } from 'maplibre-gl';
import type { LayerModule } from './types';
import { byInteraction } from './expressions';
import { fonts, palette } from './palette';
import { EMPTY_COLLECTION } from './source-data';

export const PLACES_SOURCE = 'places';
export const PLACES_POINTS_LAYER = 'places-points';

/** Cities the basemap already labels; this layer draws the article's other named places. */
const BASEMAP_CITY_IDS = ['seoul', 'pyongyang', 'tokyo', 'beijing', 'moscow', 'kyiv', 'vladivostok', 'hanoi', 'washington'];
const notOnBasemap: FilterSpecification = ['!', ['in', ['get', 'id'], ['literal', BASEMAP_CITY_IDS]]];

export const placesLayer: LayerModule = {
  id: 'places',
  title: 'Places named in the article',
  source: 'Gazetteer coordinates (per place; see each place\'s source)',
  theaters: ['korean-peninsula', 'sea-of-japan-kurils', 'east-asia', 'ukraine-russia'],
  toggleable: true,
  legend: { shape: 'point', color: '#ffffff', outline: palette.place },
  geographyFile: 'places',
  sources: { [PLACES_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' } },
  layers: [
    {
      id: PLACES_POINTS_LAYER,
      type: 'circle',
      source: PLACES_SOURCE,
      filter: notOnBasemap,
      paint: {
        'circle-radius': byInteraction(4.5, 6, 7),
        'circle-color': '#ffffff',
        'circle-stroke-color': palette.place,
        'circle-stroke-width': byInteraction(2, 2.5, 3),
      },
    },
    {
      id: 'places-labels',
      type: 'symbol',
      source: PLACES_SOURCE,
      filter: notOnBasemap,
      layout: {
        'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
        'text-font': fonts.regular,
        'text-size': 12,
        'text-max-width': 10,
        'text-variable-anchor': ['right', 'left', 'bottom', 'top'],
        'text-radial-offset': 0.7,
        'text-justify': 'auto',
      },
      paint: { 'text-color': palette.place, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
    },
  ],
  interactiveLayerIds: [PLACES_POINTS_LAYER],
};
