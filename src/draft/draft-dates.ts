// Dates in a source's sentences, resolved against its publication date: chrono-node reads the
// phrases it knows ("April 25, 2019", "late January 2022", "last month"), and a few rules of news
// writing that it does not are added on top ("in 2000", "the 1980s", "six decades ago", "last
// March", "a year later"). Every date keeps the words as written, how precise the words are (a
// month is never turned into a day) and the reasoning, so the analyst can check it at a glance.
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../data/dates';
import { yearOfNamedMonth } from '../data/relative-dates';

export interface FoundDate {
  /** Offsets of the words in the text searched. */
  start: number;
  end: number;
  /** The words as written ("last August"). */
  text: string;
  /** ISO date at its precision: "2022-08", "2019-04-25", "1963". */
  date: string;
  precision: DatePrecision;
  /** "'last August' → Aug 2022, published 11 Jan 2023". */
  reasoning: string;
  /** Read relative to the date before it in the text ("a year later"), not to the publication date. */
  relativeToPrevious: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const pad = (value: number) => String(value).padStart(2, '0');
const isoOf = (year: number, month: number, day: number, precision: DatePrecision) =>
  precision === 'year' ? String(year) : precision === 'month' ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
/** "Aug 2022", "25 Apr 2019", "1963": how the reasoning names a date. */
export function shortDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (month === undefined) return String(year);
  const name = MONTHS[month - 1]!.slice(0, 3);
  return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
}

interface Context {
  published: { year: number; month: number; day: number };
  publishedIso: string;
}

/** Our own patterns, each turning a match into a date (or null when it is not one after all). */
type Rule = { pattern: RegExp; read: (match: RegExpExecArray, context: Context, previous: FoundDate | null) => Omit<FoundDate, 'start' | 'end' | 'text'> | null };

const since = (context: Context) => `published ${shortDate(context.publishedIso)}`;

const RULES: Rule[] = [
  // "last March": the latest March before the publication month (chrono picks the nearest March, which may be ahead).
  {
    pattern: new RegExp(`\\blast (${MONTHS.join('|')})\\b`, 'g'),
    read: (match, context) => {
      const month = MONTHS.indexOf(match[1]!) + 1;
      const date = isoOf(yearOfNamedMonth(month, context.published, true), month, 1, 'month');
      return { date, precision: 'month', reasoning: `'${match[0]}' → ${shortDate(date)}, ${since(context)}`, relativeToPrevious: false };
    },
  },
  // "six decades ago", "two years ago".
  {
    pattern: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (decades?|years?) ago\b/gi,
    read: (match, context) => {
      const count = NUMBER_WORDS[match[1]!.toLowerCase()] ?? Number(match[1]);
      const years = match[2]!.toLowerCase().startsWith('decade') ? count * 10 : count;
      const date = String(context.published.year - years);
      return { date, precision: 'year', reasoning: `'${match[0]}' → ${date}, ${since(context)}`, relativeToPrevious: false };
    },
  },
  // "a year later", "two years after": counted from the date before it in the text.
  {
    pattern: /\b(a|an|one|two|three|four|five|\d+) years? (later|after)\b/gi,
    read: (match, _context, previous) => {
      if (!previous) return null;
      const years = NUMBER_WORDS[match[1]!.toLowerCase()] ?? Number(match[1]);
      const date = String(Number(previous.date.slice(0, 4)) + years);
      return { date, precision: 'year', reasoning: `'${match[0]}' → ${date}, counted from ${shortDate(previous.date)} ('${previous.text}') before it`, relativeToPrevious: true };
    },
  },
  // "the 1980s": a decade, given as its first year.
  {
    pattern: /\b(?:the )?((?:1[89]|20)\d0)s\b/g,
    read: (match) => ({ date: match[1]!, precision: 'year', reasoning: `'${match[0]}' → from ${match[1]} (a decade: only its start is certain)`, relativeToPrevious: false }),
  },
  // A bare year: "in 2000", "a 2014 agreement", "since 2022".
  {
    pattern: /\b((?:1[89]|20)\d\d)\b(?!s)/g,
    read: (match) => ({ date: match[1]!, precision: 'year', reasoning: `'${match[0]}' → ${match[1]}`, relativeToPrevious: false }),
  },
];

/** What chrono found, turned into our terms; null for phrases it reads as something we do not date (a time of day alone). */
function fromChrono(result: chrono.ParsedResult, context: Context): Omit<FoundDate, 'start' | 'end' | 'text'> | null {
  const { start } = result;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  const words = result.text.toLowerCase();
  if (/\bweek\b/.test(words)) {
    // A week is not a precision we have: say the month it falls in, which is certain.
    const date = isoOf(year, month, 1, 'month');
    return { date, precision: 'month', reasoning: `'${result.text}' → the week of ${shortDate(isoOf(year, month, day, 'day'))}, given as ${shortDate(date)}; ${since(context)}`, relativeToPrevious: false };
  }
  let precision: DatePrecision = start.isCertain('day') ? 'day' : start.isCertain('month') ? 'month' : 'year';
  let resolvedYear = year;
  if (!start.isCertain('year') && precision !== 'year') {
    // A month without a year ("in November"): news reports the past, so the latest such month
    // at or before publication, rather than chrono's nearest, which may be ahead.
    resolvedYear = yearOfNamedMonth(month, context.published, false);
  }
  if (/\b(later|after|before|earlier|ago|next|last|this)\b/.test(words) && !start.isCertain('day')) precision = start.isCertain('month') ? 'month' : 'year';
  const date = isoOf(resolvedYear, month, day, precision);
  return { date, precision, reasoning: `'${result.text}' → ${shortDate(date)}, ${since(context)}`, relativeToPrevious: false };
}

type Candidate = FoundDate & { ours: boolean };

/**
 * Every date in `text`, in order. `published`: the source's date (YYYY-MM-DD). `previous`: the
 * last date found before this text (for "a year later" at the start of a sentence).
 */
export function findDates(text: string, published: string, previous: FoundDate | null = null): FoundDate[] {
  const [year, month, day] = published.split('-').map(Number) as [number, number, number];
  const context: Context = { published: { year, month, day }, publishedIso: published };
  const candidates: Candidate[] = [];
  const [relative, ...absolute] = [RULES[2]!, ...RULES.filter((_, index) => index !== 2)];
  for (const rule of absolute) {
    for (const match of text.matchAll(rule.pattern)) {
      const read = rule.read(match as RegExpExecArray, context, null);
      if (read) candidates.push({ start: match.index!, end: match.index! + match[0].length, text: match[0], ...read, ours: true });
    }
  }
  const reference = { instant: new Date(Date.UTC(year, month - 1, day, 12)), timezone: 0 };
  for (const result of chrono.en.casual.parse(text, reference, { forwardDate: false })) {
    // "a year later" counts from a date in the text, not from publication: our rule reads it.
    if (/\b(later|after)\b/i.test(result.text)) continue;
    // "now", "today": the time of writing, not an event's date.
    if (/^(now|right now|today|currently)$/i.test(result.text.trim())) continue;
    // A lone time of day or weekday is not an event date here.
    if (!result.start.isCertain('month') && !result.start.isCertain('year') && !/\b(month|week|year)\b/i.test(result.text)) continue;
    const read = fromChrono(result, context);
    if (read) candidates.push({ start: result.index, end: result.index + result.text.length, text: result.text, ...read, ours: false });
  }
  // Where readings overlap, the longer words win ("April 25, 2019" over "2019"; "last March" over
  // "March"); on a tie, our rule (it knows the news convention chrono does not).
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || Number(b.ours) - Number(a.ours));
  const found: FoundDate[] = [];
  const free = (start: number, end: number) => found.every((date) => end <= date.start || start >= date.end);
  for (const { ours: _ours, ...candidate } of candidates) if (free(candidate.start, candidate.end)) found.push(candidate);
  // Then the phrases counted from the date before them.
  for (const match of text.matchAll(relative.pattern)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (!free(start, end)) continue;
    const before = found.filter((date) => date.end <= start).sort((a, b) => b.end - a.end)[0] ?? previous;
    const read = relative.read(match as RegExpExecArray, context, before);
    if (read) found.push({ start, end, text: match[0], ...read });
  }
  return found.sort((a, b) => a.start - b.start);
}
