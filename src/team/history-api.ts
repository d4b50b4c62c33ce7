// The team server's history routes (docs/api.md, "History"), for the page: a scenario's history a
// page at a time, the last change of each record, a past state as a document, and a past state
// restored as a new scenario. Same origin, relative URLs, the CSRF token of the API client for the
// one change (`POST …/copies`), and the server's own sentence in every error, as team-api.ts.
import { TeamApiError, type TeamApi } from './team-api';
import type { RecordChange } from '../data/editing/record-changes';

export interface HistoryItem {
  kind: 'edit' | 'version';
  seq: number;
  author: string;
  madeAt: string;
  summary: string;
  step?: 'do' | 'undo' | 'redo';
  stale?: boolean;
  version?: number;
}

export interface HistoryPage {
  items: HistoryItem[];
  nextBefore: number | null;
  people: string[];
}

/** A past state: just after journal entry `at`, or whole version `version` as it was saved. */
export type PastPoint = { at: number } | { version: number };

/** The point a line of the history stands for: a version as saved, an edit's state just after it. */
export const pointOf = (item: HistoryItem): PastPoint => (item.kind === 'version' ? { version: item.version! } : { at: item.seq });

const scenarioPath = (id: string) => `api/scenarios/${encodeURIComponent(id)}`;
const queryOf = (point: PastPoint) => ('at' in point ? `at=${point.at}` : `version=${point.version}`);

export function historyApi(api: Pick<TeamApi, 'csrfToken'>, fetchFn: typeof fetch = (input, init) => fetch(input, init)) {
  const url = (path: string) => new URL(path, typeof document === 'undefined' ? 'http://localhost/' : document.baseURI).toString();
  async function call(method: 'GET' | 'POST', path: string, body?: object): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method === 'POST' && api.csrfToken) headers['X-CSRF-Token'] = api.csrfToken;
    let response: Response;
    try {
      response = await fetchFn(url(path), { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (error) {
      throw new TeamApiError(0, `The team server cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (!response.ok) {
      const said = (await response.json().catch(() => null)) as { error?: unknown } | null;
      throw new TeamApiError(response.status, typeof said?.error === 'string' ? said.error : `The server answered ${response.status}.`);
    }
    return response;
  }
  return {
    history: async (id: string, { author, before, limit = 50 }: { author?: string | null; before?: number | null; limit?: number } = {}): Promise<HistoryPage> => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (author) query.set('author', author);
      if (before !== undefined && before !== null) query.set('before', String(before));
      return (await call('GET', `${scenarioPath(id)}/history?${query}`)).json() as Promise<HistoryPage>;
    },
    changes: async (id: string): Promise<Record<string, RecordChange>> => ((await (await call('GET', `${scenarioPath(id)}/changes`)).json()) as { changes: Record<string, RecordChange> }).changes,
    /** The document as it stood at `point` (parsed JSON, to be checked as any opened document is). */
    document: async (id: string, point: PastPoint): Promise<unknown> => (await call('GET', `${scenarioPath(id)}/document?${queryOf(point)}`)).json(),
    restore: async (id: string, point: PastPoint): Promise<{ id: string; title: string }> => (await call('POST', `${scenarioPath(id)}/copies`, point)).json() as Promise<{ id: string; title: string }>,
  };
}
