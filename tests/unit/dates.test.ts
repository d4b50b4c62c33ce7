import { describe, expect, it } from 'vitest';
import { addMonths, dayToIso, formatDay, parseIsoPartialDate, toDay } from '../../src/data/dates';

describe('parseIsoPartialDate', () => {
  it('reads a year as the span 1 Jan … 31 Dec', () => {
    expect(parseIsoPartialDate('2022')).toEqual({ start: toDay(2022, 1, 1), end: toDay(2022, 12, 31), precision: 'year' });
  });

  it('reads a month as the span of its first to last day', () => {
    expect(parseIsoPartialDate('2022-02')).toEqual({ start: toDay(2022, 2, 1), end: toDay(2022, 2, 28), precision: 'month' });
  });

  it('reads a leap-year February to the 29th', () => {
    expect(parseIsoPartialDate('2024-02')?.end).toBe(toDay(2024, 2, 29));
  });

  it('reads a day as a one-day span', () => {
    expect(parseIsoPartialDate('2019-04-25')).toEqual({ start: toDay(2019, 4, 25), end: toDay(2019, 4, 25), precision: 'day' });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseIsoPartialDate('2024-02-29')?.start).toBe(toDay(2024, 2, 29));
  });

  it.each(['2022-02-30', '2023-02-29', '2022-04-31', '2022-01-00', '2022-13', '2022-00', '22-01-01', '', '2022-1-5', ' 2022', '2022-01-01T00:00'])(
    'rejects %j',
    (text) => {
      expect(parseIsoPartialDate(text)).toBeNull();
    },
  );
});

describe('formatDay', () => {
  const day = toDay(2019, 4, 25);

  it('shows day, month and year for a day-precise date', () => {
    expect(formatDay(day, 'day')).toBe('25 Apr 2019');
  });

  it('shows only month and year for a month-precise date', () => {
    expect(formatDay(day, 'month')).toBe('Apr 2019');
  });

  it('shows only the year for a year-precise date', () => {
    expect(formatDay(day, 'year')).toBe('2019');
  });

  it('spells the month out in the long style', () => {
    expect(formatDay(day, 'month', 'long')).toBe('April 2019');
  });
});

describe('addMonths', () => {
  it('clamps 31 January + 1 month to 28 February in a common year', () => {
    expect(dayToIso(addMonths(toDay(2023, 1, 31), 1))).toBe('2023-02-28');
  });

  it('clamps 31 January + 1 month to 29 February in a leap year', () => {
    expect(dayToIso(addMonths(toDay(2024, 1, 31), 1))).toBe('2024-02-29');
  });

  it('crosses a year boundary backwards', () => {
    expect(dayToIso(addMonths(toDay(2023, 1, 11), -12))).toBe('2022-01-11');
  });

  it('clamps when going back into a shorter month', () => {
    expect(dayToIso(addMonths(toDay(2022, 3, 31), -1))).toBe('2022-02-28');
  });
});
