// The source a draft is made from, as the analyst gives it: its title, publication date (what
// "last August" counts from), an optional link, and the text. Checked before anything is read;
// each problem is put beside its field, and nothing is drafted until all are put right.
import { parseIsoPartialDate } from '../data/dates';
import { shortDate } from './draft-dates';

export interface DraftSource {
  title: string;
  published: string;
  url: string;
  text: string;
}

export type DraftSourceField = keyof DraftSource;

/** Longer than any article; past it the review list would be thousands of candidates long. */
export const MAX_TEXT_LENGTH = 500_000;

export const EMPTY_SOURCE: DraftSource = { title: '', published: '', url: '', text: '' };

export type CheckedSource = { source: DraftSource; issues: null } | { source: null; issues: Partial<Record<DraftSourceField, string>> };

export function checkDraftSource(given: DraftSource): CheckedSource {
  const source = { title: given.title.trim(), published: given.published.trim(), url: given.url.trim(), text: given.text };
  const issues: Partial<Record<DraftSourceField, string>> = {};
  if (source.title === '') issues.title = 'needed: the article’s title, so each event says where it comes from';
  else if (source.title.length > 300) issues.title = `must be at most 300 characters (it has ${source.title.length})`;
  if (source.published === '') issues.published = 'needed: “last August” is counted from it';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(source.published) || !parseIsoPartialDate(source.published)) issues.published = `“${source.published}” is not a real date written YYYY-MM-DD`;
  if (source.url !== '' && !/^https?:\/\/\S+$/i.test(source.url)) issues.url = 'must be an http(s) address, or left empty';
  if (source.text.trim() === '') issues.text = 'needed: paste the article, or open a text file';
  else if (source.text.length > MAX_TEXT_LENGTH) issues.text = `too long to draft at once: ${source.text.length.toLocaleString('en')} characters (at most ${MAX_TEXT_LENGTH.toLocaleString('en')}); split it`;
  return Object.keys(issues).length > 0 ? { source: null, issues } : { source, issues: null };
}

/** How an accepted event names its source: "With Putin's Support, … (published 11 Jan 2023)". */
export const sourceCitation = (source: Pick<DraftSource, 'title' | 'published'>) => `${source.title} (published ${shortDate(source.published)})`;
