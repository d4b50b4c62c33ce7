// Pure parts of the team features: the library's rows as the page lists them, the `?shared=` link,
// and the sentences a person reads when signing in fails.
import type { SharedLibraryRow } from '../data/slices/team';
import { TeamApiError, type SharedScenarioRow } from './team-api';

/** Scenario ids as the server makes them (docs/api.md, Limits). */
const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The rows of `GET /api/scenarios` as the Scenarios dialog lists them, most recently changed first. */
export function libraryRowsOf(rows: readonly SharedScenarioRow[]): SharedLibraryRow[] {
  return rows
    .map(({ id, title, owner, access, everyone, eventCount, updatedAt, updatedBy }) => ({ id, title, owner, access, everyone: everyone ?? null, eventCount, updatedAt, updatedBy }))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/** The shared scenario a link names (`?shared=<id>`; `/s/<id>` on the server redirects there), or null. */
export function sharedIdOf(search: string): string | null {
  const id = new URLSearchParams(search).get('shared');
  return id !== null && SCENARIO_ID.test(id) ? id : null;
}

/** The page's address with `?shared=` naming `id`, or without it (null); the rest kept. */
export function withSharedId(href: string, id: string | null): string {
  const url = new URL(href);
  if (id) url.searchParams.set('shared', id);
  else url.searchParams.delete('shared');
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The hash the page starts with when a link names a shared scenario: without the library's
 * `s=` (this browser's library does not have the server's scenarios), so no "not in this browser"
 * notice is given for it.
 */
export function startHashOf(hash: string, search: string): string {
  if (!sharedIdOf(search)) return hash;
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('s');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

export const NOT_SHARED_WITH_YOU = 'This scenario does not exist or has not been shared with you.';

/** What the sign-in page says when signing in fails. */
export function signInErrorOf(error: unknown): string {
  if (error instanceof TeamApiError) {
    if (error.status === 429) {
      const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 15 * 60) / 60));
      return `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
