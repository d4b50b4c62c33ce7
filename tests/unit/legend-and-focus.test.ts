// What the legend lists and which years the timeline offers come from the scenario's own events.
import { describe, expect, it } from 'vitest';
import { categoriesUsed, focusYears } from '../../src/data/selectors';

const day = (iso: string) => Date.parse(iso) / 86_400_000;

describe('categoriesUsed', () => {
  it('lists only the categories the events use, in the vocabulary order, then others by name', () => {
    const events = [{ category: 'statement' }, { category: 'zeta' }, { category: 'military-activity' }, { category: 'alpha' }, { category: 'statement' }];
    expect(categoriesUsed(events, ['military-activity', 'missile-test', 'statement'])).toEqual(['military-activity', 'statement', 'alpha', 'zeta']);
  });

  it('lists nothing for no events', () => {
    expect(categoriesUsed([], ['military-activity'])).toEqual([]);
  });
});

describe('focusYears', () => {
  it('offers no year for two incidents a year apart (all years is the only useful span)', () => {
    expect(focusYears([day('2023-10-08'), day('2024-12-25')].map((start) => ({ start })), null)).toEqual([]);
  });

  it('offers the years where a long history gathers, and always the current choice', () => {
    const starts = ['1963-06-01', '1980-01-01', '2000-07-19', '2001-08-04', '2011-08-24', '2014-01-01', '2018-03-01', '2019-04-25', '2022-02-24', '2022-09-01', '2022-11-02', '2023-01-01'].map(day);
    expect(focusYears(starts.map((start) => ({ start })), day('2000-01-01')).map((d) => new Date(d * 86_400_000).getUTCFullYear())).toEqual([2000, 2014, 2022]);
  });
});
