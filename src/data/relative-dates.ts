// Resolves the article's relative time phrases ("last August", "in November", "last month")
// against its publication date, so an event's `date` can be checked against what the text says.
//
// The rule, for every phrase: return the narrowest ISO partial date ("YYYY", "YYYY-MM" or
// "YYYY-MM-DD") whose span contains every day the phrase can mean, or null. So "last week" —
// the Monday–Sunday ISO week before the publication week — is "YYYY-MM" when that week lies in one
// month, "YYYY" when it straddles two months of one year, and null when it straddles New Year.
// Only calendar-anchored phrases are resolved; absolute dates ("April 25, 2019") are not relative,
// and approximate ones ("six decades ago", "a year later") have no exact span, so both give null.
import { addMonths, dayToDate, dayToIso, parseIsoPartialDate } from './dates';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Words that may precede the phrase without changing the period it names. */
const LEADING_WORDS = /^(?:(?:as of|since|until|by|in|during|from|through)\s+)?(?:(?:early|mid|late)[\s-]+)?/;
const RELATIVE_UNIT = /^(last|this|next) (week|month|year)$/;
const NAMED_MONTH = new RegExp(`^(last )?(${MONTH_NAMES.join('|')})$`);

const OFFSETS = { last: -1, this: 0, next: 1 } as const;

const yearMonth = (day: number) => dayToIso(day).slice(0, 7);
const year = (day: number) => dayToIso(day).slice(0, 4);

/** The narrowest ISO partial date containing the days first…last. */
function narrowestContaining(first: number, last: number): string | null {
  if (yearMonth(first) === yearMonth(last)) return yearMonth(first);
  if (year(first) === year(last)) return year(first);
  return null;
}

/**
 * The year of a month named without one ("last August", "in November"), seen from the reference
 * date's year and month (1–12): news reports the past, so the latest such month at or before the
 * reference month, or strictly before it when `strictlyBefore` ("last August" written in August
 * means the previous year's). The one place this rule lives: the draft reads its dates with it too.
 */
export function yearOfNamedMonth(month: number, reference: { year: number; month: number }, strictlyBefore: boolean): number {
  const inPreviousYear = month > reference.month || (strictlyBefore && month === reference.month);
  return reference.year - (inPreviousYear ? 1 : 0);
}

/**
 * The ISO partial date a relative phrase refers to, seen from `publishedDate` ("YYYY-MM-DD"):
 * "last August" → the latest August strictly before the publication month; "in November" or
 * "November" → the latest November up to and including it (past tense is assumed); "last/this/next
 * month|year|week" → that calendar period. Null when the phrase is not one of these.
 */
export function resolveRelativeDate(dateAsWritten: string, publishedDate: string): string | null {
  const published = parseIsoPartialDate(publishedDate);
  if (!published || published.precision !== 'day') return null;
  const today = published.start;
  const phrase = dateAsWritten
    .toLowerCase()
    .replace(/[.,;:!?]+$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(LEADING_WORDS, '');

  const unit = RELATIVE_UNIT.exec(phrase);
  if (unit) {
    const offset = OFFSETS[unit[1] as keyof typeof OFFSETS];
    if (unit[2] === 'month') return yearMonth(addMonths(today, offset));
    if (unit[2] === 'year') return String(dayToDate(today).getUTCFullYear() + offset);
    const monday = today - ((dayToDate(today).getUTCDay() + 6) % 7) + 7 * offset;
    return narrowestContaining(monday, monday + 6);
  }

  const named = NAMED_MONTH.exec(phrase);
  if (named) {
    const month = MONTH_NAMES.indexOf(named[2]!) + 1;
    const reference = { year: dayToDate(today).getUTCFullYear(), month: dayToDate(today).getUTCMonth() + 1 };
    return `${yearOfNamedMonth(month, reference, named[1] !== undefined)}-${String(month).padStart(2, '0')}`;
  }
  return null;
}
