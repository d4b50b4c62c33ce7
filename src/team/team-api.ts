// A small typed client of the team server's HTTP API (docs/api.md, the contract): same origin,
// relative URLs ("api/health") resolved against the page's base (the app is built with base './',
// so it works under any path). Every state-changing call carries the session's CSRF token in
// `X-CSRF-Token`; every error becomes a TeamApiError with the server's own sentence.
//
// It takes a fetch-like function and a base URL, so a Node test can drive it with a cookie jar.
// Nothing here knows the store or the page: src/actions/team-actions.ts holds it.
import { createLiveStreams, type EventSourceLike } from './live-stream';
import type { Step } from '../data/editing/edit-journal';

export type AccountRole = 'admin' | 'member';
/** What a person may do with one shared scenario. */
export type Access = 'owner' | 'editor' | 'viewer';
/** What a member (or everyone signed in) is given. */
export type ShareRole = 'viewer' | 'editor';

export interface TeamUser {
  username: string;
  role: AccountRole;
}

export interface Health {
  ok: true;
  database: 'pglite' | 'postgresql';
  version: string;
}

/** One row of `GET /api/scenarios`: a scenario the caller may open. */
export interface SharedScenarioRow {
  id: string;
  title: string;
  owner: string;
  access: Access;
  everyone: ShareRole | null;
  eventCount: number;
  seq: number;
  updatedAt: string;
  updatedBy: string;
}

export interface ScenarioMembers {
  owner: string;
  everyone: ShareRole | null;
  members: { username: string; role: ShareRole }[];
}

/** A journal entry as the server sends it (`GET …/edits`). */
export interface ServerJournalEntry {
  id: string;
  seq: number;
  step: 'do' | 'undo' | 'redo';
  edits: Step;
  madeAt: string;
  author: string;
}

/** A journal entry as a client sends it (`POST …/edits`): its id is the client's own (a UUID). */
export interface NewJournalEntry {
  id: string;
  step: 'do' | 'undo' | 'redo';
  edits: Step;
  madeAt: string;
  /** The last journal place the author's page had applied (see edit-journal.ts). */
  baseSeq?: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  detail: unknown;
  address: string | null;
}

/** A refusal or failure: the HTTP status and the server's sentence (`{"error": "…"}`). */
export class TeamApiError extends Error {
  readonly status: number;
  /** For 429: seconds until signing in may be tried again (`Retry-After`). */
  readonly retryAfter: number | null;

  constructor(status: number, message: string, retryAfter: number | null = null) {
    super(message);
    this.name = 'TeamApiError';
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface TeamApiOptions {
  /** `fetch` by default; a test passes one with a cookie jar. */
  fetch?: FetchLike;
  /** What relative URLs are resolved against: `document.baseURI` by default. */
  baseUrl?: string;
  /** Told when a call answers 401 (the session ended on the server): the page signs in again. */
  onSignedOut?: () => void;
}

/** The journal is read 1,000 entries at a time (docs/api.md). */
export const EDITS_PAGE_SIZE = 1000;

const segment = encodeURIComponent;

/** The message a person reads, from an error response (JSON `error`, or the status). */
async function errorOf(response: Response): Promise<TeamApiError> {
  let message = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body?.error === 'string' && body.error.trim() !== '') message = body.error;
  } catch {
    // not JSON: keep the status line
  }
  const retry = Number(response.headers.get('Retry-After'));
  return new TeamApiError(response.status, message, Number.isFinite(retry) && retry > 0 ? retry : null);
}

const isJson = (response: Response) => /\bjson\b/i.test(response.headers.get('Content-Type') ?? '');

export function createTeamApi(options: TeamApiOptions = {}) {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const base = () => options.baseUrl ?? (typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
  let csrfToken: string | null = null;
  let liveStreams: ReturnType<typeof createLiveStreams> | null = null;
  /** The scenario's live stream, shared with whoever else on the page listens (live-stream.ts); null where there is no EventSource. */
  const liveStream = (id: string): EventSourceLike | null => {
    if (typeof EventSource === 'undefined') return null;
    liveStreams ??= createLiveStreams((address) => new EventSource(address));
    return liveStreams(url(`${scenarioPath(id)}/stream`));
  };

  const url = (path: string) => new URL(path, base()).toString();

  /** One call. `changes`: a state-changing method, which carries the CSRF token. */
  async function call(method: string, path: string, { body, headers = {}, signal }: { body?: BodyInit | object | null; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> {
    const send: Record<string, string> = { Accept: 'application/json', ...headers };
    if (method !== 'GET' && method !== 'HEAD' && csrfToken) send['X-CSRF-Token'] = csrfToken;
    let payload: BodyInit | undefined;
    if (body instanceof Blob || typeof body === 'string' || body instanceof ReadableStream) {
      payload = body;
      send['Content-Type'] ??= 'application/json';
    } else if (body !== undefined && body !== null) {
      payload = JSON.stringify(body);
      send['Content-Type'] = 'application/json';
    }
    const init: RequestInit & { duplex?: 'half' } = { method, headers: send, credentials: 'same-origin', ...(payload !== undefined ? { body: payload } : {}), ...(signal ? { signal } : {}) };
    if (payload instanceof ReadableStream) init.duplex = 'half'; // a streamed upload
    let response: Response;
    try {
      response = await fetchFn(url(path), init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new TeamApiError(0, `The team server cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (!response.ok) {
      const error = await errorOf(response);
      if (error.status === 401 && path !== 'api/session') options.onSignedOut?.();
      throw error;
    }
    return response;
  }

  async function json<T>(method: string, path: string, init?: Parameters<typeof call>[2]): Promise<T> {
    const response = await call(method, path, init);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (error) {
      // Cut off while the answer came (a timeout, a lost connection): as unanswered, not as a wrong answer.
      if (init?.signal?.aborted || !(error instanceof SyntaxError)) throw new TeamApiError(0, `The team server's answer to ${method} ${path} did not arrive whole.`);
      throw new TeamApiError(response.status, `The server's answer to ${method} ${path} was not JSON.`);
    }
  }

  const scenarioPath = (id: string) => `api/scenarios/${segment(id)}`;

  return {
    /** Which server this is (its API's address): what keeps one server's outbox apart from another's. */
    get server() {
      return url('api/');
    },

    /** The token state changes carry; null when signed out. */
    get csrfToken() {
      return csrfToken;
    },

    /**
     * Whether this page is served by a team server. Under `npm start` (vite preview) `api/health`
     * is a 404 or the app's own HTML: only a JSON `{"ok": true}` counts. Never throws.
     */
    async available(): Promise<Health | null> {
      try {
        // No Accept header: `vite preview` answers an `Accept: application/json` request for a
        // missing file with a 404, which the browser logs as an error, and any other with the app's page.
        const response = await fetchFn(url('api/health'), { credentials: 'same-origin' });
        if (!response.ok || !isJson(response)) return null;
        const body = (await response.json()) as Partial<Health> | null;
        return body && body.ok === true ? (body as Health) : null;
      } catch {
        return null;
      }
    },

    /** Who is signed in (and the CSRF token again, after a reload); null when signed out. */
    async currentSession(): Promise<TeamUser | null> {
      try {
        const body = await json<{ user: TeamUser; csrfToken: string }>('GET', 'api/session');
        csrfToken = body.csrfToken;
        return body.user;
      } catch (error) {
        if (error instanceof TeamApiError && error.status === 401) {
          csrfToken = null;
          return null;
        }
        throw error;
      }
    },

    async signIn(username: string, password: string): Promise<TeamUser> {
      const body = await json<{ user: TeamUser; csrfToken: string }>('POST', 'api/session', { body: { username, password } });
      csrfToken = body.csrfToken;
      return body.user;
    },

    async signOut(): Promise<void> {
      try {
        await call('DELETE', 'api/session');
      } finally {
        csrfToken = null;
      }
    },

    people: async () => (await json<{ people: TeamUser[] }>('GET', 'api/people')).people,
    audit: async (after = 0) => (await json<{ entries: AuditEntry[] }>('GET', `api/audit?after=${after}`)).entries,

    listScenarios: async () => (await json<{ scenarios: SharedScenarioRow[] }>('GET', 'api/scenarios')).scenarios,

    /** Publishes a document (a `.tripwire.json`): the server gives it its own id. */
    publish: (document: Blob) => json<{ id: string; title: string; eventCount: number; seq: number }>('POST', 'api/scenarios', { body: document }),

    /**
     * A shared scenario's document as it streams in, and the journal place it includes
     * (`Tripwire-Seq`); null when it does not exist or is not shared with the caller (one answer).
     */
    async readScenario(id: string, signal?: AbortSignal): Promise<{ seq: number; response: Response } | null> {
      try {
        const response = await call('GET', scenarioPath(id), signal ? { signal } : {});
        return { seq: Number(response.headers.get('Tripwire-Seq') ?? 0) || 0, response };
      } catch (error) {
        if (error instanceof TeamApiError && error.status === 404) return null;
        throw error;
      }
    },

    /** The scenario as stored: its head, the journal place it includes and how many packed parts its events are in; null when not shared with this person. */
    async readPacked(id: string, signal?: AbortSignal): Promise<{ head: unknown; seq: number; parts: number } | null> {
      try {
        return await json<{ head: unknown; seq: number; parts: number }>('GET', `${scenarioPath(id)}/packed`, signal ? { signal } : {});
      } catch (error) {
        if (error instanceof TeamApiError && error.status === 404) return null;
        throw error;
      }
    },
    /** One packed part of its events (src/data/packed-bytes.ts). */
    readPackedPart: async (id: string, part: number, signal?: AbortSignal): Promise<Uint8Array> =>
      new Uint8Array(await (await call('GET', `${scenarioPath(id)}/packed/${part}`, signal ? { signal } : {})).arrayBuffer()),

    /** Keeps a whole new version, which includes the journal up to `seq`. */
    saveScenario: (id: string, document: Blob, seq: number) => json<{ seq: number }>('PUT', scenarioPath(id), { body: document, headers: { 'Tripwire-Seq': String(seq) } }),
    rename: (id: string, title: string) => json<unknown>('PATCH', scenarioPath(id), { body: { title } }),
    deleteScenario: (id: string) => json<void>('DELETE', scenarioPath(id)),
    handOver: (id: string, username: string) => json<unknown>('PUT', `${scenarioPath(id)}/owner`, { body: { username } }),

    members: (id: string) => json<ScenarioMembers>('GET', `${scenarioPath(id)}/members`),
    setMember: (id: string, username: string, role: ShareRole) => json<unknown>('PUT', `${scenarioPath(id)}/members/${segment(username)}`, { body: { role } }),
    removeMember: (id: string, username: string) => json<void>('DELETE', `${scenarioPath(id)}/members/${segment(username)}`),
    setEveryone: (id: string, role: ShareRole | null) => json<unknown>('PUT', `${scenarioPath(id)}/everyone`, { body: { role } }),

    /** Appends journal entries; answered once committed, each with its place (`seq`). */
    appendEdits: async (id: string, entries: NewJournalEntry[], signal?: AbortSignal) =>
      (await json<{ entries: { id: string; seq: number }[] }>('POST', `${scenarioPath(id)}/edits`, { body: { entries }, ...(signal ? { signal } : {}) })).entries,
    /** One page (up to EDITS_PAGE_SIZE) of the journal after `after`. */
    readEdits: async (id: string, after = 0, signal?: AbortSignal) => (await json<{ entries: ServerJournalEntry[] }>('GET', `${scenarioPath(id)}/edits?after=${after}`, signal ? { signal } : {})).entries,

    /**
     * Hears the scenario's live stream (docs/api.md, "Live") through EventSource, which sends the
     * cookie and reconnects by itself; null where there is no EventSource (Node), and the caller
     * polls. After `signed-out` or `gone` the stream is closed rather than reconnected.
     */
    streamEdits(id: string, onEvent: (event: StreamEvent) => void): (() => void) | null {
      const source = liveStream(id);
      if (!source) return null;
      for (const type of STREAM_EVENTS) {
        source.addEventListener(type, () => {
          if (type === 'signed-out' || type === 'gone') source.close();
          onEvent(type);
        });
      }
      return () => source.close();
    },

    liveStream,

    /** Any other JSON call of the API (feeds, history): the same token, errors and sign-out as the calls above. */
    request: <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: object) => json<T>(method, path, body === undefined ? {} : { body }),
  };
}

const STREAM_EVENTS = ['ready', 'edits', 'signed-out', 'gone'] as const;
export type StreamEvent = (typeof STREAM_EVENTS)[number];

export type TeamApi = ReturnType<typeof createTeamApi>;
