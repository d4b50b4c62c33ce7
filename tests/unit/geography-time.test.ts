// The geography clock (src/layers/geography-time.ts): the style's geography filters must answer
// exactly as they would with the timeline's own day, while the clock moves only on change days.
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import fc from 'fast-check';
import type { FilterSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { GeographyFeature } from '../../src/data/schemas';
import { dayToIso } from '../../src/data/dates';
import { GLOBAL, happenedByNow, INITIAL_GLOBAL_STATE, validAtCurrentTime } from '../../src/layers/expressions';
import { BEFORE_ALL_CHANGES, drawnAt, geographyChangeDays, geographyTimeAt } from '../../src/layers/geography-time';
import { geographyToCollection } from '../../src/layers/source-data';
import { readGeography } from './public-files';

const feature = (properties: Partial<GeographyFeature['properties']>) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id: 'x', name: 'x', source: 's', ...properties } }) as GeographyFeature;

/** Whether the style draws a feature when the geography clock reads `clock`. */
function drawn(filter: unknown, properties: Record<string, unknown>, clock: number): boolean {
  const state = { ...INITIAL_GLOBAL_STATE, [GLOBAL.geographyTime]: clock };
  return featureFilter(filter as FilterSpecification, 'layers[0].filter', state).filter({ zoom: 5 }, { type: 1, properties });
}

describe('the geography clock', () => {
  it('lists the days on which the shipped geography changes: the KADIZ redrawn, the China ADIZ, tracks', () => {
    const days = geographyChangeDays(readGeography(['adiz', 'tracks', 'kurils', 'rason', 'places']));
    expect(days.map(dayToIso)).toEqual(expect.arrayContaining(['2013-11-23', '2013-12-15']));
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it('stands still between change days and reads "before all changes" before the first', () => {
    const changes = [100, 200];
    expect([50, 100, 150, 199, 200, 5000].map((day) => geographyTimeAt(changes, day))).toEqual([BEFORE_ALL_CHANGES, 100, 100, 100, 200, 200]);
  });

  it('draws exactly what the timeline day itself would, for any validity dates and any day', () => {
    const day = fc.integer({ min: 9000, max: 20000 });
    const iso = day.map(dayToIso);
    fc.assert(
      fc.property(fc.option(iso), fc.option(iso), fc.option(iso), day, (validFrom, validTo, date, today) => {
        const geography = { adiz: [feature({ validFrom: validFrom ?? undefined, validTo: validTo ?? undefined, date: date ?? undefined })] };
        const properties = geographyToCollection(geography.adiz).features[0]!.properties!;
        const clock = geographyTimeAt(geographyChangeDays(geography), today);
        for (const filter of [validAtCurrentTime(), happenedByNow()]) {
          expect(drawn(filter, properties, clock)).toBe(drawn(filter, properties, today));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hides and shows features (by feature-state) exactly as the style filters did, for any validity dates and any day', () => {
    const day = fc.integer({ min: 9000, max: 20000 });
    const iso = day.map(dayToIso);
    fc.assert(
      fc.property(fc.option(iso), fc.option(iso), fc.option(iso), day, (validFrom, validTo, date, today) => {
        const features = [feature({ validFrom: validFrom ?? undefined, validTo: validTo ?? undefined, date: date ?? undefined })];
        const properties = geographyToCollection(features).features[0]!.properties!;
        expect(drawnAt('validity', properties, today)).toBe(drawn(validAtCurrentTime(), properties, today));
        expect(drawnAt('happened', properties, today)).toBe(drawn(happenedByNow(), properties, today));
      }),
      { numRuns: 500 },
    );
  });
});
