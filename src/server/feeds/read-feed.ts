// Fetching one feed and reading it with the import's own code (src/import): a feed is what imports
// without a mapping step, CSV in Tripwire's column names or GeoJSON of events. Any failure on the
// way (an HTTP error, a redirect off the admin's list, a timeout, too many bytes, a file the
// import refuses, a single row that fails its checks) is a sentence saying where; never events.
import { normaliseEvents, type TripwireEvent } from '../../data/events';
import { prepareImport } from '../../import/parse-events-file';

export interface FeedLimits {
  /** How long a poll waits for the whole answer. */
  timeoutMs: number;
  /** The most bytes a feed may send. */
  maxBytes: number;
  /** The most events a feed may hold: its changes are one journal entry. */
  maxEvents: number;
}

export const FEED_LIMITS: FeedLimits = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxEvents: 10_000 };

/** How many redirects are followed, each only to another address on the admin's list. */
const MAX_REDIRECTS = 3;

export type FeedReading = { ok: true; events: TripwireEvent[] } | { ok: false; error: string };

const broken = (error: string): FeedReading => ({ ok: false, error });

/** The feed's events, normalised as the app's import makes them, in the event set `eventSetId`. */
export async function readFeed(url: string, listed: ReadonlySet<string>, eventSetId: string, limits: FeedLimits = FEED_LIMITS): Promise<FeedReading> {
  const fetched = await fetchListed(url, listed, limits);
  if (!fetched.ok) return fetched;
  const prepared = prepareImport({ name: fileNameOf(fetched.url), bytes: fetched.bytes });
  if (prepared.kind === 'needs-mapping') {
    return broken(`The feed is a table whose columns are not Tripwire's own (its header: ${prepared.table.labels.slice(0, 8).join(', ')}); a feed must import without a mapping step (docs/import-format.md).`);
  }
  const { result } = prepared;
  if (!result.ok) {
    const shown = result.issues.slice(0, 3).map((issue) => `${issue.location}: ${issue.message}`).join('; ');
    return broken(`The feed could not be read (${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}): ${shown}${result.issues.length > 3 ? ' …' : '.'}`);
  }
  if (result.events.length > limits.maxEvents) return broken(`The feed holds ${result.events.length} events; a feed may hold at most ${limits.maxEvents}.`);
  return { ok: true, events: normaliseEvents(result.events, eventSetId) };
}

type Fetched = { ok: true; url: string; bytes: Uint8Array } | { ok: false; error: string };

/** The answer's bytes, from the listed address or a redirect to another listed one; never more than the cap. */
async function fetchListed(url: string, listed: ReadonlySet<string>, limits: FeedLimits): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let at = url;
  try {
    for (let hop = 0; ; hop += 1) {
      const response = await fetch(at, { redirect: 'manual', signal, headers: { accept: 'text/csv, application/geo+json, application/json;q=0.9, */*;q=0.5' } });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        const target = location ? new URL(location, at).toString() : null;
        if (!target || !listed.has(target)) return { ok: false, error: `The feed redirected (HTTP ${response.status}) to ${target ?? 'nowhere'}, an address not on the admin's list of feeds.` };
        if (hop >= MAX_REDIRECTS) return { ok: false, error: `The feed redirected more than ${MAX_REDIRECTS} times.` };
        at = target;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, error: `The feed answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.` };
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        return { ok: false, error: tooLarge(limits) };
      }
      const bytes = await readCapped(response, limits.maxBytes);
      return bytes ? { ok: true, url: at, bytes } : { ok: false, error: tooLarge(limits) };
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, error: `The feed did not answer in full within ${limits.timeoutMs / 1000} s.` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, error: `The feed could not be reached: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}.` };
  }
}

const tooLarge = (limits: FeedLimits) => `The feed sent more than ${limits.maxBytes.toLocaleString('en-GB')} bytes, the most a feed may send.`;

/** The body, or null once it passes `max` bytes (the rest is not read). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body) {
    length += chunk.byteLength;
    if (length > max) return null; // leaving the loop cancels the rest of the body
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The address's last path segment, so "…/incidents.csv" reads as CSV; an untelling one is sniffed. */
function fileNameOf(url: string): string {
  const path = new URL(url).pathname;
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || 'feed';
  } catch {
    return last || 'feed';
  }
}
