import { area } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeFacts, formatFact, type MeasuredFact } from '../../src/data/facts';
import { geographyOf, openScenario } from '../../src/data/open-scenario';
import { readBuiltInScenario } from './public-files';

/** The geography as the store holds it: validated, keyed by layer id; and what the scenario asks to measure. */
const opened = openScenario(readBuiltInScenario());
if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
const GEOGRAPHY = geographyOf(opened.value.head);
const MEASUREMENTS = opened.value.head.measurements;
const FACTS = computeFacts(GEOGRAPHY, MEASUREMENTS);
const fact = (featureId: string, label: string | RegExp): MeasuredFact => {
  const found = FACTS.filter((each) => each.featureId === featureId && (typeof label === 'string' ? each.label === label : label.test(each.label)));
  expect(found, `${featureId}: ${String(label)}`).toHaveLength(1);
  return found[0]!;
};
const zoneKm2 = (id: string) => area(GEOGRAPHY.adiz!.find((zone) => zone.properties.id === id) as unknown as Feature<Polygon>) / 1e6;

describe("computeFacts on the built-in scenario's measurements", () => {
  it('measures Alsom Island within 25 % of the article’s “roughly 11 miles” (17.7 km) from the mainland coast', () => {
    const { value, unit } = fact('alsom-island', "Distance to North Korea's mainland coast");
    expect(unit).toBe('km');
    expect(value).toBeGreaterThan(17.7 * 0.75);
    expect(value).toBeLessThan(17.7 * 1.25);
  });

  it('measures Rason port “just miles” (under 50 km) from the Russian border', () => {
    const { value } = fact('rason-port', 'Rason port to the Russian border');
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(50);
  });

  it('shows the Rason port distance on the special economic zone too', () => {
    expect(fact('rason-sez', 'Rason port to the Russian border').value).toBe(fact('rason-port', 'Rason port to the Russian border').value);
  });

  it.each([
    ['cadiz-ecs', "Overlap with China's ECS ADIZ"],
    ['jadiz', "Overlap with Japan's ADIZ"],
  ])('finds the 2013 KADIZ overlapping %s by a positive area smaller than either zone', (otherId, label) => {
    const { value, unit } = fact('kadiz-2013', label);
    expect(unit).toBe('km²');
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(Math.min(zoneKm2('kadiz-2013'), zoneKm2(otherId)));
  });

  it.each(['track-rus-kadiz-2022-08', 'track-rus-chn-patrol-2022-11'])('measures part of %s inside the 2013 KADIZ', (trackId) => {
    expect(fact(trackId, "Length inside South Korea's ADIZ").value).toBeGreaterThan(0);
  });

  it('skips a fact whose geography is missing instead of failing', () => {
    const facts = computeFacts({ ...GEOGRAPHY, reference: [] }, MEASUREMENTS);
    expect(facts.some((each) => each.featureId === 'alsom-island')).toBe(false);
    expect(facts.length).toBe(FACTS.length - 1);
  });
});

describe('formatFact', () => {
  it('gives kilometres with miles', () => {
    expect(formatFact({ value: 17.2, unit: 'km' })).toBe('17.2 km (10.7 mi)');
  });

  it('rounds areas to the nearest 100 km² with a thousands separator', () => {
    expect(formatFact({ value: 65_349.4, unit: 'km²' })).toBe('65,300 km²');
  });

  it('gives a share as a whole percentage', () => {
    expect(formatFact({ value: 23.34, unit: '%' })).toBe('23 %');
  });
});
