import { describe, expect, it } from 'vitest';
import { parseIsoPartialDate } from '../../src/data/dates';
import { resolveRelativeDate } from '../../src/data/relative-dates';
import { builtInEventsFile } from './public-files';

const PUBLISHED = '2023-01-11'; // a Wednesday

// The one test of the rule for a month named without a year (yearOfNamedMonth), which the draft's date finder uses too.
describe('resolveRelativeDate: named months', () => {
  it('reads "last August" as the latest August before the publication month', () => {
    expect(resolveRelativeDate('last August', PUBLISHED)).toBe('2022-08');
  });

  it('does not count the publication month itself as "last August"', () => {
    expect(resolveRelativeDate('last August', '2023-08-15')).toBe('2022-08');
  });

  it('reads "last August" from September as the August just gone', () => {
    expect(resolveRelativeDate('last August', '2023-09-01')).toBe('2023-08');
  });

  it('reads "in November" with no year as the latest November', () => {
    expect(resolveRelativeDate('in November', PUBLISHED)).toBe('2022-11');
  });

  it('reads "in January" during January as the publication month', () => {
    expect(resolveRelativeDate('in January', PUBLISHED)).toBe('2023-01');
  });

  it('ignores a leading "As of", case and trailing punctuation', () => {
    expect(resolveRelativeDate('As of last March,', PUBLISHED)).toBe('2022-03');
  });
});

describe('resolveRelativeDate: last/this/next month and year', () => {
  it('reads "last month" as the previous calendar month, across New Year', () => {
    expect(resolveRelativeDate('last month', PUBLISHED)).toBe('2022-12');
  });

  it('reads "last month" from the 31st as the previous month, not two back', () => {
    expect(resolveRelativeDate('last month', '2023-03-31')).toBe('2023-02');
  });

  it('reads "next month" as the following calendar month', () => {
    expect(resolveRelativeDate('next month', '2022-12-05')).toBe('2023-01');
  });

  it('reads "last year" as the previous calendar year', () => {
    expect(resolveRelativeDate('last year', PUBLISHED)).toBe('2022');
  });
});

describe('resolveRelativeDate: weeks (the narrowest date containing the whole ISO week)', () => {
  it('gives the month when last week lies inside one month', () => {
    expect(resolveRelativeDate('last week', PUBLISHED)).toBe('2023-01'); // Mon 2 – Sun 8 Jan
  });

  it('gives only the year when last week straddles two months', () => {
    expect(resolveRelativeDate('last week', '2023-02-08')).toBe('2023'); // Mon 30 Jan – Sun 5 Feb
  });

  it('gives null when last week straddles New Year', () => {
    expect(resolveRelativeDate('last week', '2023-01-04')).toBeNull(); // Mon 26 Dec – Sun 1 Jan
  });

  it('starts weeks on Monday, so from a Sunday last week is the one before', () => {
    expect(resolveRelativeDate('last week', '2023-01-08')).toBeNull(); // Sun 8 Jan: last week is 26 Dec – 1 Jan
  });
});

describe('resolveRelativeDate: phrases that are not relative to publication', () => {
  it.each(['April 25, 2019', '2014', 'late January 2022', 'February 2018', 'in 2000', 'since 2022', '(not stated)', 'six decades ago', 'a year later', 'will approach the one-year mark next month', ''])(
    'returns null for %j',
    (phrase) => {
      expect(resolveRelativeDate(phrase, PUBLISHED)).toBeNull();
    },
  );

  it('returns null when the publication date is not a real day', () => {
    expect(resolveRelativeDate('last month', '2023-02-30')).toBeNull();
  });
});

describe("the relative dates in the built-in scenario's events", () => {
  const file = builtInEventsFile() as unknown as {
    metadata: { article: { publishedDate: string } };
    features: { properties: { id: string; date: string; dateAsWritten: string } }[];
  };
  const published = file.metadata.article.publishedDate;
  const checked = file.features
    .map(({ properties: { id, date, dateAsWritten } }) => ({ id, date, dateAsWritten, resolved: resolveRelativeDate(dateAsWritten, published) }))
    .filter((event) => event.resolved !== null);

  it('include every relative phrase the article uses for an event', () => {
    expect(checked.map((event) => `${event.id}: ${event.dateAsWritten}`)).toEqual(
      expect.arrayContaining([
        'rus-aircraft-enter-kadiz-2022-08: last August',
        'putin-warns-military-technical-cooperation-2022-11: in November',
        'rus-chn-joint-air-patrol-2022-11: in November',
        'japan-defense-overhaul-2022-12: last month',
        'prk-drones-toward-seoul-2022-12: last month',
        'rus-chn-veto-un-sanctions-2022: As of last March',
        'tass-rudenko-interview-2023-01: last week',
      ]),
    );
  });

  it.each(checked)('has $id dated within $dateAsWritten → $resolved', ({ date, resolved }) => {
    const period = parseIsoPartialDate(resolved!)!;
    const span = parseIsoPartialDate(date)!;
    expect(span.start).toBeGreaterThanOrEqual(period.start);
    expect(span.end).toBeLessThanOrEqual(period.end);
  });

  it('date the invasion a year before the "one-year mark next month"', () => {
    const invasion = file.features.find((feature) => feature.properties.id === 'russia-invades-ukraine-2022')!.properties;
    const nextMonth = resolveRelativeDate('next month', published)!;
    expect(invasion.date).toBe(`${Number(nextMonth.slice(0, 4)) - 1}${nextMonth.slice(4)}`);
  });
});
