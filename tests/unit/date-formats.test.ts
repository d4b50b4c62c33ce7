// The date formats an imported table may use: reading each cell, and recognising a column's format.
import fc from 'fast-check';
import { format as formatWithDateFns } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { DateOrder } from '../../src/import/column-mapping';
import {
  analyseDateColumn,
  DATE_FORMAT_IDS,
  describeDateFormat,
  parseDateCell,
  type DateFormatId,
} from '../../src/import/date-formats';

const read = (value: string, format: DateFormatId, order: DateOrder = 'day-first') => parseDateCell(value, format, order);
const isoOf = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('parseDateCell: ISO', () => {
  it.each([
    ['2023', '2023'],
    ['2023-01', '2023-01'],
    ['2023-01-11', '2023-01-11'],
    ['2023/01/11', '2023-01-11'],
    ['2023-1-5', '2023-01-05'],
    ['2023-01-11T08:30:00Z', '2023-01-11'],
    ['2023-01-11 08:30:00', '2023-01-11'],
    ['2023-01-11T08:30', '2023-01-11'],
    ['2023-01-11T08:30:00.123Z', '2023-01-11'],
    ['2023-01-11T08:30:00.123456+09:00', '2023-01-11'],
    ['2023-01-11T08:30:00-0500', '2023-01-11'],
    ['  2023-01-11  ', '2023-01-11'],
  ])('reads %j as %s', (value, date) => {
    expect(read(value, 'iso')).toEqual({ ok: true, date });
  });

  it('keeps the day a datetime was written in, never converting to UTC', () => {
    expect(read('2023-01-11T23:30-05:00', 'iso')).toEqual({ ok: true, date: '2023-01-11' });
    expect(read('2023-01-11T00:30:00+09:00', 'iso')).toEqual({ ok: true, date: '2023-01-11' });
  });

  it('reads 200,000 generated ISO days correctly', () => {
    const start = Date.UTC(1950, 0, 1);
    const values = Array.from({ length: 200_000 }, (_, index) => new Date(start + (index % 40_000) * 86_400_000).toISOString().slice(0, 10));
    const misread = values.filter((value) => {
      const cell = read(value, 'iso');
      return !cell.ok || cell.date !== value;
    });
    expect(misread).toEqual([]);
  });
});

describe('parseDateCell: numeric', () => {
  it.each([
    ['1/11/2023', 'day-first', '2023-11-01'],
    ['1/11/2023', 'month-first', '2023-01-11'],
    ['01/11/2023', 'day-first', '2023-11-01'],
    ['1.11.2023', 'day-first', '2023-11-01'],
    ['1-11-2023', 'month-first', '2023-01-11'],
    ['12/26/2022 14:05', 'month-first', '2022-12-26'],
    ['12/26/2022 2:05 PM', 'month-first', '2022-12-26'],
    ['26.12.2022 14:05:00', 'day-first', '2022-12-26'],
    ['11/2023', 'day-first', '2023-11'],
  ] as const)('reads %j %s as %s', (value, order, date) => {
    expect(read(value, 'numeric', order)).toEqual({ ok: true, date });
  });

  it('refuses a two-digit year, saying why', () => {
    const cell = read('26/12/22', 'numeric', 'day-first');
    expect(cell).toEqual({ ok: false, expected: expect.stringContaining('four-digit year') });
  });

  it('says which order it expected', () => {
    expect(read('tomorrow', 'numeric', 'day-first')).toEqual({ ok: false, expected: 'a date written DD/MM/YYYY, e.g. 26/12/2022' });
    expect(read('tomorrow', 'numeric', 'month-first')).toEqual({ ok: false, expected: 'a date written MM/DD/YYYY, e.g. 12/26/2022' });
  });
});

describe('parseDateCell: month names and Unix time', () => {
  it.each(['11 January 2023', '11 Jan 2023', '11-Jan-2023', '11 Jan. 2023', '11-January-2023', '11 JANUARY 2023', '11th jan 2023', 'Wed, 11 Jan 2023'])(
    'reads day-month-name %j',
    (value) => {
      expect(read(value, 'day-month-name')).toEqual({ ok: true, date: '2023-01-11' });
    },
  );

  it('reads "Sept" as September', () => {
    expect(read('5 Sept 2023', 'day-month-name')).toEqual({ ok: true, date: '2023-09-05' });
  });

  it.each(['Jan 11, 2023', 'January 11 2023', 'Jan. 11, 2023', 'january 11th, 2023'])('reads month-name-day %j', (value) => {
    expect(read(value, 'month-name-day')).toEqual({ ok: true, date: '2023-01-11' });
  });

  it.each(['January 2023', 'Jan 2023', 'Jan-2023'])('reads month-name-year %j to the month', (value) => {
    expect(read(value, 'month-name-year')).toEqual({ ok: true, date: '2023-01' });
  });

  it('refuses a word that is no month', () => {
    expect(read('11 Janvier 2023', 'day-month-name').ok).toBe(false);
    expect(read('Mayday 2023', 'month-name-year').ok).toBe(false);
  });

  it('reads Unix seconds and milliseconds as the UTC day', () => {
    expect(read('1673425800', 'unix-seconds')).toEqual({ ok: true, date: '2023-01-11' });
    expect(read('1673481599', 'unix-seconds')).toEqual({ ok: true, date: '2023-01-11' });
    expect(read('999999999', 'unix-seconds')).toEqual({ ok: true, date: '2001-09-09' });
    expect(read('1673425800000', 'unix-milliseconds')).toEqual({ ok: true, date: '2023-01-11' });
  });

  it('never reads a year, a short number or a decimal as Unix time', () => {
    for (const value of ['2023', '12345', '1673425800.5', '167342580000']) expect(read(value, 'unix-seconds').ok).toBe(false);
    expect(read('1673425800', 'unix-milliseconds').ok).toBe(false);
  });

  it('stays correct past the size of its memo', () => {
    const start = Date.UTC(1900, 0, 1);
    const days = Array.from({ length: 60_000 }, (_, index) => new Date(start + index * 86_400_000));
    const misread = days.filter((day) => {
      const local = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12);
      const cell = read(formatWithDateFns(local, 'd MMMM yyyy'), 'day-month-name');
      return !cell.ok || cell.date !== isoOf(local.getFullYear(), local.getMonth() + 1, local.getDate());
    });
    expect(misread).toEqual([]);
  });
});

describe('parseDateCell: refusals', () => {
  it.each([
    ['31/02/2023', 'numeric'],
    ['13/13/2023', 'numeric'],
    ['2023-02-29', 'iso'],
    ['2023-13', 'iso'],
    ['2023-13-01', 'iso'],
    ['2023-04-31', 'iso'],
    ['30 February 2023', 'day-month-name'],
    ['February 30, 2023', 'month-name-day'],
  ] as const)('refuses the impossible date %j', (value, format) => {
    expect(read(value, format)).toEqual({ ok: false, expected: expect.stringContaining('real calendar date') });
  });

  it('accepts 29 February in a leap year', () => {
    expect(read('29/02/2024', 'numeric')).toEqual({ ok: true, date: '2024-02-29' });
  });

  it.each(['', '   ', '999', '0999-01-01', '37.5', '2023.5', '11 January'])('refuses %j in every format', (value) => {
    for (const format of DATE_FORMAT_IDS) expect(read(value, format).ok).toBe(false);
  });

  it('tells the user what it expected', () => {
    expect(read('', 'iso')).toEqual({ ok: false, expected: 'a date written YYYY-MM-DD (ISO), e.g. 2022-12-26' });
    expect(read('x', 'day-month-name')).toEqual({ ok: false, expected: 'a date written D Month YYYY, e.g. 26 December 2022' });
    expect(read('x', 'unix-seconds')).toEqual({ ok: false, expected: 'a Unix time in seconds (9–10 digits), e.g. 1672012800' });
  });
});

describe('describeDateFormat', () => {
  it.each([
    ['iso', 'day-first', 'YYYY-MM-DD (ISO)'],
    ['numeric', 'day-first', 'DD/MM/YYYY'],
    ['numeric', 'month-first', 'MM/DD/YYYY'],
    ['day-month-name', 'month-first', 'D Month YYYY'],
    ['month-name-day', 'day-first', 'Month D, YYYY'],
    ['month-name-year', 'day-first', 'Month YYYY'],
    ['unix-seconds', 'day-first', 'Unix time (seconds)'],
    ['unix-milliseconds', 'day-first', 'Unix time (milliseconds)'],
  ] as const)('labels %s (%s) %j', (format, order, label) => {
    expect(describeDateFormat(format, order)).toBe(label);
  });
});

describe('analyseDateColumn', () => {
  it('finds ISO, counting only non-empty values', () => {
    expect(analyseDateColumn(['2023-01-11', '', '2023-02', ' ', '2024'])).toEqual({
      format: 'iso',
      label: 'YYYY-MM-DD (ISO)',
      order: null,
      ambiguous: false,
      readable: 3,
      total: 3,
    });
  });

  it('calls a numeric column ambiguous when no value settles the order', () => {
    expect(analyseDateColumn(['01/02/2023', '03/04/2023'])).toEqual({
      format: 'numeric',
      label: 'DD/MM/YYYY',
      order: null,
      ambiguous: true,
      readable: 2,
      total: 2,
    });
  });

  it('settles month-first from a second number over 12', () => {
    expect(analyseDateColumn(['12/26/2022', '1/5/2023'])).toMatchObject({ format: 'numeric', label: 'MM/DD/YYYY', order: 'month-first', ambiguous: false, readable: 2 });
  });

  it('settles day-first from a first number over 12', () => {
    expect(analyseDateColumn(['26/12/2022', '05/01/2023'])).toMatchObject({ format: 'numeric', label: 'DD/MM/YYYY', order: 'day-first', ambiguous: false, readable: 2 });
  });

  it.each([
    ['month names', ['11 Jan 2023', '3 February 2023'], 'day-month-name'],
    ['US month names', ['Jan 11, 2023', 'February 3, 2023'], 'month-name-day'],
    ['months', ['Jan 2023', 'February 2023'], 'month-name-year'],
    ['Unix seconds', ['1673425800', '1673481599'], 'unix-seconds'],
    ['Unix milliseconds', ['1673425800000', '1673481599000'], 'unix-milliseconds'],
  ] as const)('finds %s', (_, values, format) => {
    expect(analyseDateColumn(values).format).toBe(format);
  });

  it.each([
    ['latitudes and longitudes', ['37.5', '126.97', '-12.5', '35.6895', '139.6917', '11.2023']],
    ['text', ['Kyiv', 'Shelling reported', 'Odesa port']],
    ['small integers', ['126', '37', '5']],
    ['nothing', ['', '  ']],
  ])('recognises no date in %s', (_, values) => {
    expect(analyseDateColumn(values)).toMatchObject({ format: null, label: 'not recognised', order: null, ambiguous: false, readable: 0 });
  });

  it('needs 80 % of the values to read', () => {
    expect(analyseDateColumn(['2023-01-01', '2023-01-02', '2023-01-03', '2023-01-04', 'soon']).format).toBe('iso');
    expect(analyseDateColumn(['2023-01-01', '2023-01-02', '2023-01-03', 'later', 'soon']).format).toBeNull();
  });

  it('looks at the first 2,000 non-empty values only', () => {
    const values = [...Array<string>(2_000).fill('2023-01-11'), ...Array<string>(3_000).fill('soon')];
    expect(analyseDateColumn(values)).toMatchObject({ format: 'iso', readable: 2_000, total: 2_000 });
  });
});

describe('properties', () => {
  // A day written by date-fns in each format reads back as the same day. The date is built at
  // local noon so that formatting in any time zone writes the intended calendar day.
  const PATTERNS: [DateFormatId, DateOrder, string, 'day' | 'month'][] = [
    ['iso', 'day-first', 'yyyy-MM-dd', 'day'],
    ['iso', 'day-first', 'yyyy/MM/dd', 'day'],
    ['iso', 'day-first', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'day'],
    ['iso', 'day-first', 'yyyy-MM', 'month'],
    ['numeric', 'day-first', 'd/M/yyyy', 'day'],
    ['numeric', 'day-first', 'dd.MM.yyyy HH:mm', 'day'],
    ['numeric', 'month-first', 'MM/dd/yyyy h:mm a', 'day'],
    ['numeric', 'month-first', 'M-d-yyyy', 'day'],
    ['day-month-name', 'day-first', 'd MMMM yyyy', 'day'],
    ['day-month-name', 'day-first', 'dd-MMM-yyyy', 'day'],
    ['day-month-name', 'day-first', 'EEE, d MMM yyyy HH:mm:ss', 'day'],
    ['month-name-day', 'day-first', 'MMMM d, yyyy', 'day'],
    ['month-name-day', 'day-first', 'EEEE, MMM do yyyy', 'day'],
    ['month-name-year', 'day-first', 'MMMM yyyy', 'month'],
    ['month-name-year', 'day-first', 'MMM-yyyy', 'month'],
  ];
  const dayArbitrary = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
    .map((date) => new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12));

  it.each(PATTERNS)('reads back %s (%s) written as %j', (format, order, pattern, precision) => {
    fc.assert(
      fc.property(dayArbitrary, (local) => {
        const day = isoOf(local.getFullYear(), local.getMonth() + 1, local.getDate());
        const expected = precision === 'day' ? day : day.slice(0, 7);
        expect(read(formatWithDateFns(local, pattern), format, order)).toEqual({ ok: true, date: expected });
      }),
    );
  });

  // Unix time here is 9–10 (or 12–13) digits: from 3 March 1973 on.
  it.each([
    ['unix-seconds', 1000],
    ['unix-milliseconds', 1],
  ] as const)('reads back %s as the UTC day', (format, msPerUnit) => {
    const instant = fc.date({ min: new Date(Date.UTC(1973, 2, 4)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(instant, (date) => {
        const value = String(Math.floor(date.getTime() / msPerUnit));
        expect(read(value, format)).toEqual({ ok: true, date: date.toISOString().slice(0, 10) });
      }),
    );
  });

  it('never throws, whatever the cell holds', () => {
    const dateLike = fc.stringMatching(/^[\d\s/.,:+\-TZjanfebsptocvdAPM]{0,30}$/);
    const format = fc.constantFrom(...DATE_FORMAT_IDS);
    const order = fc.constantFrom<DateOrder>('day-first', 'month-first');
    fc.assert(
      fc.property(fc.oneof(fc.string(), dateLike), format, order, (value, dateFormat, dateOrder) => {
        const cell = parseDateCell(value, dateFormat, dateOrder);
        if (cell.ok) expect(cell.date).toMatch(/^[1-9]\d{3}(-\d{2}(-\d{2})?)?$/);
        else expect(cell.expected).not.toBe('');
      }),
    );
  });
});
