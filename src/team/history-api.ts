// The team server's history routes (docs/api.md, "History"), for the page: a scenario's history a
// page at a time, the last change of each record, a past state as a document, and a past state
// restored as a new scenario, through the API client's own request (team-api.ts: its CSRF token,
// its errors in the server's own words, its sign-out on a 401).
import type { TeamApi } from './team-api';
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

export function historyApi(api: Pick<TeamApi, 'request'>) {
  const call = <T,>(method: 'GET' | 'POST', path: string, body?: object) => api.request<T>(method, path, body);
  return {
    history: async (id: string, { author, before, limit = 50 }: { author?: string | null; before?: number | null; limit?: number } = {}): Promise<HistoryPage> => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (author) query.set('author', author);
      if (before !== undefined && before !== null) query.set('before', String(before));
      return call<HistoryPage>('GET', `${scenarioPath(id)}/history?${query}`);
    },
    changes: async (id: string): Promise<Record<string, RecordChange>> => (await call<{ changes: Record<string, RecordChange> }>('GET', `${scenarioPath(id)}/changes`)).changes,
    /** The document as it stood at `point` (parsed JSON, to be checked as any opened document is). */
    document: (id: string, point: PastPoint) => call<unknown>('GET', `${scenarioPath(id)}/document?${queryOf(point)}`),
    restore: (id: string, point: PastPoint) => call<{ id: string; title: string }>('POST', `${scenarioPath(id)}/copies`, point),
  };
}
