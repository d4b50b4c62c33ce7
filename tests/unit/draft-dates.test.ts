import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/draft/draft-dates';
import { readBuiltInScenario } from './public-files';

const ARTICLE = readFileSync(new URL('../fixtures/draft/article.txt', import.meta.url), 'utf8');
const PUBLISHED = '2023-01-11';
const BUILT_IN = readBuiltInScenario();
const dateOf = (id: string) => BUILT_IN.events.features.find((feature) => feature.properties.id === id)!.properties.date as string;

/** The first date found in the article's sentence that holds `words`, with everything before it in the text as context. */
function inArticle(words: string) {
  const at = ARTICLE.indexOf(words);
  if (at < 0) throw new Error(`the article does not say "${words}"`);
  const sentenceStart = Math.max(ARTICLE.lastIndexOf('. ', at) + 2, ARTICLE.lastIndexOf('\n', at) + 1);
  const before = findDates(ARTICLE.slice(0, sentenceStart), PUBLISHED);
  const found = findDates(ARTICLE.slice(sentenceStart, at + words.length + 40), PUBLISHED, before[before.length - 1] ?? null);
  const date = found.find((candidate) => sentenceStart + candidate.end > at && sentenceStart + candidate.start < at + words.length);
  if (!date) throw new Error(`no date found in "${words}"`);
  return date;
}

describe('dates in the article, against the dates the built-in scenario gives them', () => {
  it.each([
    ['six decades ago', 'sino-soviet-split-1960s', 'year'],
    ['since the 1980s', 'soviet-missile-support-1980s', 'year'],
    ['last August', 'rus-aircraft-enter-kadiz-2022-08', 'month'],
    ['in November that reports', 'putin-warns-military-technical-cooperation-2022-11', 'month'],
    ['As of last March', 'rus-chn-veto-un-sanctions-2022', 'month'],
    ['late January 2022', 'kn23-launches-alsom-island-2022-01', 'month'],
    ['February 2018', 'kn23-parade-debut-2018', 'month'],
    ['a year later', 'kn23-first-test-2019', 'year'],
    ['April 25, 2019', 'vladivostok-summit-2019', 'day'],
    ['a 2014 agreement', 'rason-port-docking-agreement-2014', 'year'],
    ['as early as 2015', 'newsweek-reports-joint-drill-plans-2015', 'year'],
  ])('"%s" → the date of %s, at %s precision, with its words and reasoning', (words, eventId, precision) => {
    const found = inArticle(words);
    expect(found.date).toBe(dateOf(eventId));
    expect(found.precision).toBe(precision);
    expect(words.toLowerCase()).toContain(found.text.toLowerCase());
    expect(found.reasoning).toContain(`'${found.text}'`);
  });

  it('"last month" → December 2022, said with the publication date', () => {
    const [found] = findDates('South Korean accusations last month', PUBLISHED);
    expect(found).toMatchObject({ text: 'last month', date: '2022-12', precision: 'month', reasoning: "'last month' → Dec 2022, published 11 Jan 2023" });
  });
});

// Which year a month named without one falls in ("last December", "in February") is the rule in
// src/data/relative-dates.ts (yearOfNamedMonth), tested in relative-dates.test.ts; the article's
// rows above check that the draft reads its dates with it.
describe('other phrasings', () => {
  it.each([
    ['earlier this month', '2023-01', 'month'],
    ['in 2019', '2019', 'year'],
    ['on 3 March 2021', '2021-03-03', 'day'],
    ['in mid-2020', '2020', 'year'],
    ['two years ago', '2021', 'year'],
    ['last week', '2023-01', 'month'],
  ])('"%s" (published 11 Jan 2023) → %s at %s precision', (words, date, precision) => {
    const [found] = findDates(`It happened ${words}.`, PUBLISHED);
    expect(found).toMatchObject({ date, precision });
  });

  it('"a year later" counts from the date before it, and needs one', () => {
    const found = findDates('It debuted in February 2018. A year later it flew.', PUBLISHED);
    expect(found.map((date) => [date.text, date.date])).toEqual([['February 2018', '2018-02'], ['A year later', '2019']]);
    expect(found[1]!.relativeToPrevious).toBe(true);
    expect(found[1]!.reasoning).toBe("'A year later' → 2019, counted from Feb 2018 ('February 2018') before it");
    expect(findDates('A year later it flew.', PUBLISHED)).toEqual([]);
  });

  it('never turns a month into a day, and keeps "now" and times of day out', () => {
    expect(findDates('in November', PUBLISHED)[0]!.date).toBe('2022-11');
    expect(findDates('They are talking now, at 5 pm on Monday.', PUBLISHED)).toEqual([]);
  });
});
