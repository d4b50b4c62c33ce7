// The ways analysts write dates in imported tables (2023-01-11, 26/12/2022, 11 Jan 2023, Unix
// time …): which one a column uses, and each cell read into Tripwire's partial ISO date.

import type { DateOrder } from './column-mapping';

export type DateFormatId =
  | 'iso'
  | 'numeric'
  | 'day-month-name'
  | 'month-name-day'
  | 'month-name-year'
  | 'unix-seconds'
  | 'unix-milliseconds';

/** Every format, in the order that breaks ties when two read a column equally well. */
export const DATE_FORMAT_IDS: readonly DateFormatId[] = [
  'iso',
  'numeric',
  'day-month-name',
  'month-name-day',
  'month-name-year',
  'unix-seconds',
  'unix-milliseconds',
];

export interface DateColumnAnalysis {
  /** The format reading the most values; null when none reads at least 80 % of them. */
  format: DateFormatId | null;
  label: string;
  /** For 'numeric', the order the values settle (a day > 12 shows where the day is). */
  order: DateOrder | null;
  /** 'numeric' with nothing to tell 01/02/2023 from 02/01/2023: the user has to say. */
  ambiguous: boolean;
  readable: number;
  total: number;
}

export type DateCell = { ok: true; date: string } | { ok: false; expected: string };

// The first 2,000 values show how a column is written; reading more only costs time.
const MAX_VALUES_ANALYSED = 2_000;
const MIN_READABLE_SHARE = 0.8;

// A time after the date is allowed and dropped: an event is dated to the day it was written in,
// so 23:30-05:00 stays on its own day rather than moving to the next day in UTC.
const TIME = String.raw`(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ORDINAL = '(?:st|nd|rd|th)?';

// Years 1000–9999 only, as in src/data/dates.ts; "." is no ISO separator, or 2023.5 would be a month.
const ISO = new RegExp(String.raw`^([1-9]\d{3})(?:([-/])(\d{1,2})(?:\2(\d{1,2})${TIME})?)?$`, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2([1-9]\d{3})${TIME}$`, 'i');
// Month/year needs "/" or "-": 11.2023 is as likely a coordinate as November.
const NUMERIC_MONTH_YEAR = /^(\d{1,2})[/-]([1-9]\d{3})$/;
const NUMERIC_TWO_DIGIT_YEAR = /^\d{1,2}([./-])\d{1,2}\1\d{2}(?!\d)/;
const DAY_MONTH_NAME = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})${ORDINAL}[\s-]+([a-z]+)\.?[\s,-]+([1-9]\d{3})${TIME}$`, 'i');
const MONTH_NAME_DAY = new RegExp(String.raw`^${WEEKDAY}([a-z]+)\.?[\s-]+(\d{1,2})${ORDINAL},?\s+([1-9]\d{3})${TIME}$`, 'i');
const MONTH_NAME_YEAR = /^([a-z]+)\.?[\s,-]+([1-9]\d{3})$/i;
const UNIX_SECONDS = /^\d{9,10}$/;
const UNIX_MILLISECONDS = /^\d{12,13}$/;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Lower-case full names and three-letter abbreviations (plus "sept") → month 1–12. */
const MONTH_NUMBERS = new Map<string, number>([
  ...MONTH_NAMES.flatMap((name, index): [string, number][] => [
    [name, index + 1],
    [name.slice(0, 3), index + 1],
  ]),
  ['sept', 9],
]);

const LABELS: Record<Exclude<DateFormatId, 'numeric'>, string> = {
  iso: 'YYYY-MM-DD (ISO)',
  'day-month-name': 'D Month YYYY',
  'month-name-day': 'Month D, YYYY',
  'month-name-year': 'Month YYYY',
  'unix-seconds': 'Unix time (seconds)',
  'unix-milliseconds': 'Unix time (milliseconds)',
};
const NOT_RECOGNISED = 'not recognised';

export function describeDateFormat(format: DateFormatId, order: DateOrder): string {
  if (format === 'numeric') return order === 'day-first' ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
  return LABELS[format];
}

/** What each format looks like, for error messages: all show 26 December 2022. */
const EXAMPLES: Record<DateFormatId, string> = {
  iso: '2022-12-26',
  numeric: '26/12/2022',
  'day-month-name': '26 December 2022',
  'month-name-day': 'December 26, 2022',
  'month-name-year': 'December 2022',
  'unix-seconds': '1672012800',
  'unix-milliseconds': '1672012800000',
};

/** Why a cell was refused: not this format at all, a day that does not exist, or a 2-digit year. */
type Refusal = 'format' | 'no-such-day' | 'two-digit-year';

function expectedPhrase(format: DateFormatId, order: DateOrder, refusal: Refusal): string {
  const example = format === 'numeric' && order === 'month-first' ? '12/26/2022' : EXAMPLES[format];
  if (format === 'unix-seconds') return `a Unix time in seconds (9–10 digits), e.g. ${example}`;
  if (format === 'unix-milliseconds') return `a Unix time in milliseconds (12–13 digits), e.g. ${example}`;
  const label = describeDateFormat(format, order);
  if (refusal === 'no-such-day') return `a real calendar date written ${label}, e.g. ${example}`;
  if (refusal === 'two-digit-year') return `a date written ${label} with a four-digit year (22 could be 1922 or 2022), e.g. ${example}`;
  return `a date written ${label}, e.g. ${example}`;
}

/** A result that fits the format's pattern but names no real day, such as 31/02/2023. */
const NO_SUCH_DAY = Symbol('no such day');
type Reading = string | typeof NO_SUCH_DAY | null;

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

/** 'YYYY-MM-DD' for a real calendar day (month 1–12), without time zones getting involved. */
function calendarDay(year: number, month: number, day: number): Reading {
  if (month < 1 || month > 12 || day < 1) return NO_SUCH_DAY;
  // Date.UTC rolls 30 February over into March; a real day survives the round trip.
  if (day > 28 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return NO_SUCH_DAY;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const calendarMonth = (year: number, month: number): Reading => (month >= 1 && month <= 12 ? `${year}-${pad(month)}` : NO_SUCH_DAY);

const ISO_DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

function readIso(value: string): Reading {
  // Already Tripwire's own form, the common case: check the day and hand the text back.
  if (ISO_DAY.test(value)) {
    const day = calendarDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
    return day === NO_SUCH_DAY ? day : value;
  }
  const match = ISO.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3] === undefined) return String(year);
  if (match[4] === undefined) return calendarMonth(year, Number(match[3]));
  return calendarDay(year, Number(match[3]), Number(match[4]));
}

function readNumeric(value: string, order: DateOrder): Reading {
  const match = NUMERIC.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = Number(match[4]);
    return order === 'day-first' ? calendarDay(year, second, first) : calendarDay(year, first, second);
  }
  const monthYear = NUMERIC_MONTH_YEAR.exec(value);
  return monthYear ? calendarMonth(Number(monthYear[2]), Number(monthYear[1])) : null;
}

function readMonthName(value: string, pattern: RegExp, monthAt: number, dayAt: number | null, yearAt: number): Reading {
  const match = pattern.exec(value);
  if (!match) return null;
  const month = MONTH_NUMBERS.get(match[monthAt]!.toLowerCase());
  if (month === undefined) return null;
  const year = Number(match[yearAt]);
  return dayAt === null ? calendarMonth(year, month) : calendarDay(year, month, Number(match[dayAt]));
}

const MS_PER_SECOND = 1000;
function readUnix(value: string, pattern: RegExp, msPerUnit: number): Reading {
  if (!pattern.test(value)) return null;
  // The UTC day: a timestamp names an instant, not a place where the day was counted.
  return new Date(Number(value) * msPerUnit).toISOString().slice(0, 10);
}

function read(value: string, format: DateFormatId, order: DateOrder): Reading {
  switch (format) {
    case 'iso':
      return readIso(value);
    case 'numeric':
      return readNumeric(value, order);
    case 'day-month-name':
      return readMonthName(value, DAY_MONTH_NAME, 2, 1, 3);
    case 'month-name-day':
      return readMonthName(value, MONTH_NAME_DAY, 1, 2, 3);
    case 'month-name-year':
      return readMonthName(value, MONTH_NAME_YEAR, 1, null, 2);
    case 'unix-seconds':
      return readUnix(value, UNIX_SECONDS, MS_PER_SECOND);
    case 'unix-milliseconds':
      return readUnix(value, UNIX_MILLISECONDS, 1);
  }
}

// Real files repeat their dates a lot; the month-name patterns and Date objects for Unix time cost
// a few times a Map lookup, so their readings are kept (order plays no part in them).
const MAX_MEMOISED = 50_000;
const memo = new Map<string, Reading>();

function readMemoised(value: string, format: Exclude<DateFormatId, 'iso' | 'numeric'>): Reading {
  const key = `${format}|${value}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const reading = read(value, format, 'day-first');
  if (memo.size >= MAX_MEMOISED) memo.clear();
  memo.set(key, reading);
  return reading;
}

/** One cell → 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', as precise as it was written. */
export function parseDateCell(value: string, format: DateFormatId, order: DateOrder): DateCell {
  const trimmed = value.trim();
  const reading = trimmed === '' ? null : format === 'iso' || format === 'numeric' ? read(trimmed, format, order) : readMemoised(trimmed, format);
  if (typeof reading === 'string') return { ok: true, date: reading };
  const refusal: Refusal =
    reading === NO_SUCH_DAY ? 'no-such-day' : format === 'numeric' && NUMERIC_TWO_DIGIT_YEAR.test(trimmed) ? 'two-digit-year' : 'format';
  return { ok: false, expected: expectedPhrase(format, order, refusal) };
}

const reads = (value: string, format: DateFormatId, order: DateOrder) => typeof read(value, format, order) === 'string';

/** `minShare`: the least share of values the chosen format must read (0 when the user has already chosen the column). */
export function analyseDateColumn(values: readonly string[], { minShare = MIN_READABLE_SHARE }: { minShare?: number } = {}): DateColumnAnalysis {
  const sample: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed !== '') sample.push(trimmed);
    if (sample.length === MAX_VALUES_ANALYSED) break;
  }
  const count = (format: DateFormatId, order: DateOrder) => sample.reduce((sum, value) => sum + (reads(value, format, order) ? 1 : 0), 0);

  let best: Omit<DateColumnAnalysis, 'label' | 'total'> = { format: null, order: null, ambiguous: false, readable: 0 };
  for (const format of DATE_FORMAT_IDS) {
    let candidate: typeof best = { format, order: null, ambiguous: false, readable: 0 };
    if (format === 'numeric') {
      // Only a value with a number over 12 reads differently in the two orders, so equal counts
      // mean nothing settled the order (or the values contradict each other): the user decides.
      const dayFirst = count(format, 'day-first');
      const monthFirst = count(format, 'month-first');
      const ambiguous = dayFirst === monthFirst;
      const order: DateOrder | null = ambiguous ? null : dayFirst > monthFirst ? 'day-first' : 'month-first';
      candidate = { format, order, ambiguous, readable: Math.max(dayFirst, monthFirst) };
    } else {
      candidate.readable = count(format, 'day-first');
    }
    if (candidate.readable > best.readable) best = candidate;
  }

  const total = sample.length;
  if (best.format === null || best.readable === 0 || best.readable < minShare * total) {
    return { format: null, label: NOT_RECOGNISED, order: null, ambiguous: false, readable: 0, total };
  }
  return { ...best, label: describeDateFormat(best.format, best.order ?? 'day-first'), total };
}
