import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/data/dates';
import { normaliseEvents } from '../../src/data/events';
import type { GeographyFeature } from '../../src/data/schemas';
import { eventsToCollection, geographyToCollection } from '../../src/layers/source-data';
import { deepFreeze } from './fixtures';

const [EVENT] = normaliseEvents([
  {
    index: 0,
    geometry: { type: 'Point', coordinates: [131.9, 43.0] },
    properties: {
      id: 'summit', title: 'Summit', summary: 'S.', date: '2022-08', endDate: '2022-11-30', dateAsWritten: 'last August',
      quote: 'Q.', category: 'diplomacy', actors: ['RUS'], status: 'confirmed', place: 'Vladivostok', layers: [],
    },
  },
]);

const zone = (properties: Partial<GeographyFeature['properties']>): GeographyFeature =>
  deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [127, 37] },
    properties: { id: 'zone', name: 'Zone', kind: 'adiz', source: 'A source.', ...properties },
  });

describe('eventsToCollection', () => {
  it('keeps the id, category and the start and end days of each event', () => {
    const [feature] = eventsToCollection([deepFreeze(EVENT!)]).features;
    expect(feature!.properties).toMatchObject({ id: 'summit', category: 'diplomacy', start: toDay(2022, 8, 1), end: toDay(2022, 11, 30) });
  });

  it('keeps the geometry as it is', () => {
    expect(eventsToCollection([EVENT!]).features[0]!.geometry).toEqual({ type: 'Point', coordinates: [131.9, 43.0] });
  });
});

describe('geographyToCollection', () => {
  it('adds the first valid day and the last valid day as day numbers', () => {
    const [feature] = geographyToCollection([zone({ validFrom: '1951-03-22', validTo: '2013-12-14' })]).features;
    expect(feature!.properties).toMatchObject({ validFromDay: toDay(1951, 3, 22), validToDay: toDay(2013, 12, 14) });
  });

  it('sets the validity days to null when the file gives none', () => {
    const [feature] = geographyToCollection([zone({})]).features;
    expect(feature!.properties).toMatchObject({ validFromDay: null, validToDay: null, startDay: null });
  });

  it('adds a label point at a feature’s labelAnchor, valid over the same days', () => {
    const features = geographyToCollection([zone({ validTo: '2013-12-14', labelAnchor: [125, 33] })]).features;
    expect(features.map((feature) => feature.geometry)).toEqual([{ type: 'Point', coordinates: [127, 37] }, { type: 'Point', coordinates: [125, 33] }]);
    expect(features[1]!.properties).toMatchObject({ isLabelAnchor: true, validToDay: toDay(2013, 12, 14) });
  });

  it('keeps the file’s own properties', () => {
    expect(geographyToCollection([zone({})]).features[0]!.properties).toMatchObject({ id: 'zone', name: 'Zone', source: 'A source.' });
  });
});
