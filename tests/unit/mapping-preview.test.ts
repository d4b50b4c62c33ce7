// What the mapping step and the import report say about a mapping (src/import/mapping-preview.ts).
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../src/import/column-mapping';
import { categoryChoices, describeMapping, fieldSamples } from '../../src/import/mapping-preview';

const labels = ['event_date', 'event_type', 'sub_event_type', 'location', 'latitude', 'longitude'];
const rows = [
  ['12/26/2022', 'Strategic developments', 'Disrupted weapons use', 'Gimpo', '37.6153', '126.7156'],
  ['1/1/2023', 'Strategic developments', 'Other', 'Ryongsong', '39.1167', '125.8'],
  ['8/4/2022', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Yanggu', '38.11', '127.9897'],
];
const mapping: ColumnMapping = {
  columns: { date: 0, category: 1, place: 3, lat: 4, lon: 5 },
  titleTemplate: '{sub_event_type|event_type} in {location}',
  dateOrder: 'day-first',
  categories: {},
};

describe('the mapping in words', () => {
  it('names each field’s column, the date format the column settles, and the title template', () => {
    expect(describeMapping(rows, labels, mapping)).toEqual([
      'Date ← “event_date”, read as MM/DD/YYYY',
      'Title ← made from {sub_event_type|event_type} in {location}',
      'Longitude ← “longitude”',
      'Latitude ← “latitude”',
      'Category ← “event_type”',
      'Place ← “location”',
    ]);
  });

  it('shows titles as the template makes them, falling back where the sub-event type says only "Other"', () => {
    expect(fieldSamples(rows, labels, mapping, 'title')).toEqual(['Disrupted weapons use in Gimpo', 'Strategic developments in Ryongsong', 'Remote explosive/landmine/IED in Yanggu']);
  });

  it('shows dates as written and as read, in the column’s order', () => {
    expect(fieldSamples(rows, labels, mapping, 'date', 2)).toEqual(['12/26/2022 → 2022-12-26', '1/1/2023 → 2023-01-01']);
  });

  it('lists category values most frequent first, with the suggested category and the value as its own', () => {
    expect(categoryChoices(rows, mapping)).toEqual([
      { value: 'Strategic developments', count: 2, category: 'policy', own: 'strategic-developments' },
      { value: 'Explosions/Remote violence', count: 1, category: 'military-activity', own: 'explosions-remote-violence' },
    ]);
  });
});
