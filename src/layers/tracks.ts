import type { LayerModule } from './types';
import { byInteraction, happenedByNow } from './expressions';
import { fonts, palette } from './palette';
import { EMPTY_COLLECTION } from './source-data';

export const TRACKS_SOURCE = 'tracks';
export const TRACKS_LINE_LAYER = 'tracks-line';

// Tracks appear from the day they were flown: the same rule as events (start ≤ time).
const flownByNow = happenedByNow();

/** Flight, drone and missile routes the article describes; dashed where approximate. */
export const tracksLayer: LayerModule = {
  id: 'tracks',
  title: 'Routes (flights, drones, missiles)',
  source: 'Reconstructed from official statements and reporting (see each track\'s notes)',
  theaters: ['korean-peninsula', 'sea-of-japan-kurils', 'east-asia'],
  toggleable: true,
  legend: { shape: 'dashed-line', color: palette.track },
  geographyFile: 'tracks',
  sources: { [TRACKS_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' } },
  layers: [
    {
      id: TRACKS_LINE_LAYER,
      type: 'line',
      source: TRACKS_SOURCE,
      filter: flownByNow,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': palette.track,
        'line-width': byInteraction(2, 3, 4),
        'line-dasharray': ['case', ['get', 'approximate'], ['literal', [3, 2]], ['literal', [1, 0]]],
      },
    },
    {
      // Direction: arrowheads drawn as text along the line (no sprite server needed).
      id: 'tracks-arrows',
      type: 'symbol',
      source: TRACKS_SOURCE,
      filter: flownByNow,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 90,
        'text-field': '▶',
        'text-font': fonts.regular,
        'text-size': 11,
        'text-keep-upright': false,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': palette.track },
    },
  ],
  interactiveLayerIds: [TRACKS_LINE_LAYER],
};
