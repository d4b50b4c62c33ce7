// What an import hands back to the app: either events (with warnings) or every issue at once.
import type { ArticleMetadata } from '../data/schemas';
import type { RawEvent, ValidationIssue } from '../data/validate';

export type ImportFormat = 'geojson' | 'csv';

export type ImportResult =
  | { ok: true; format: ImportFormat; events: RawEvent[]; article: ArticleMetadata | null; warnings: ValidationIssue[] }
  | { ok: false; format: ImportFormat | 'unknown'; issues: ValidationIssue[] };

/** Issues about the file as a whole carry this location. */
export const FILE_LOCATION = '(file)';

export const fileIssue = (message: string): ValidationIssue => ({ location: FILE_LOCATION, message });

export const failure = (format: ImportFormat | 'unknown', issues: ValidationIssue[]): ImportResult => ({ ok: false, format, issues });

/** Quotes a piece of the user's text for a message, cut short: a 10 MB cell must not become a 10 MB message. */
export function quoteForMessage(text: string, maxLength = 40): string {
  const characters = Array.from(text.slice(0, maxLength * 2));
  const shortened = characters.length > maxLength ? `${characters.slice(0, maxLength).join('')}…` : characters.join('');
  return JSON.stringify(shortened);
}
