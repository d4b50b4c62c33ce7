// Dates are parsed once, at the boundary, into whole days since 1970-01-01 (UTC). A date known
// only to the month or year becomes a span [start, end], never a fake day.

export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface DateSpan {
  start: number;
  end: number;
  precision: DatePrecision;
}

const MS_PER_DAY = 86_400_000;
// Years 1000–9999 only: Date.UTC reads 0–99 as 1900–1999, and no event here is that old.
const ISO_PARTIAL_DATE = /^([1-9]\d{3})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const dayNumber = (year: number, monthIndex: number, day: number) => Date.UTC(year, monthIndex, day) / MS_PER_DAY;

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; returns null for anything else or an impossible date. */
export function parseIsoPartialDate(text: string): DateSpan | null {
  const match = ISO_PARTIAL_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { start: dayNumber(year, 0, 1), end: dayNumber(year, 11, 31), precision: 'year' };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) {
    return { start: dayNumber(year, month - 1, 1), end: dayNumber(year, month, 0), precision: 'month' };
  }
  const day = Number(match[3]);
  const start = dayNumber(year, month - 1, day);
  // Date.UTC rolls 2022-02-30 over into March; a real date survives the round trip.
  if (day < 1 || new Date(start * MS_PER_DAY).getUTCMonth() !== month - 1) return null;
  return { start, end: start, precision: 'day' };
}

/** The day number of a calendar date. */
export const toDay = (year: number, month: number, day: number) => dayNumber(year, month - 1, day);

export const dayToDate = (day: number) => new Date(day * MS_PER_DAY);

/** "2019-04-25" for a day number. */
export const dayToIso = (day: number) => dayToDate(day).toISOString().slice(0, 10);

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "25 Apr 2019", "Apr 2019" or "2019", by precision: never more precise than we know. */
export function formatDay(day: number, precision: DatePrecision = 'day', style: 'short' | 'long' = 'short'): string {
  const date = dayToDate(day);
  const months = style === 'short' ? MONTHS_SHORT : MONTHS_LONG;
  const month = months[date.getUTCMonth()];
  const year = date.getUTCFullYear();
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${month} ${year}`;
  return `${date.getUTCDate()} ${month} ${year}`;
}

/** The span of an event in words: "25 Apr 2019", "Aug 2022", "2001–2011". */
export function formatSpan(span: DateSpan, endSpan?: DateSpan): string {
  const first = formatDay(span.start, span.precision);
  if (!endSpan) return first;
  return `${first} – ${formatDay(endSpan.start, endSpan.precision)}`;
}

/** Adds whole calendar months to a day, clamping to the month's last day (31 Jan + 1 month = 28 Feb). */
export function addMonths(day: number, months: number): number {
  const date = dayToDate(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return dayNumber(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay));
}
