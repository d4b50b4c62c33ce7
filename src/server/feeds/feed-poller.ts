// The feed poller: every minute it claims the follows that are due (feed-store.ts, safe with
// several server processes on one database), reads each feed (read-feed.ts) and writes what
// changed into the followed event set as ONE journal entry authored "feed:<name>", through the
// same appendEdits every edit goes through, so every open client hears it live. A broken feed
// changes nothing: the follow records the error, and the set keeps what it had.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../db/database';
import type { TripwireEvent } from '../../data/events';
import { eventRecordSchema, type JournalEntryInput } from '../../data/editing/journal-schema';
import { appendEdits } from '../scenarios/scenario-store';
import { claimDue, listedUrls, recordPoll, type DueFollow } from './feed-store';
import { FEED_LIMITS, readFeed, type FeedLimits } from './read-feed';
import { currentEvents, eventSetsOf, highestEventKey } from './scenario-events';

/** Who a feed's edits are by, in the journal and the history. */
export const feedAuthor = (feedName: string) => `feed:${feedName}`;

export interface PollOutcome {
  scenarioId: string;
  eventSetId: string;
  feedName: string;
  added: number;
  updated: number;
  /** Why nothing was changed, when the feed was broken. */
  error: string | null;
}

/** Polls every follow due at `now`, one after another; what each came to. */
export async function pollDue(db: Database, now = new Date(), limits: FeedLimits = FEED_LIMITS): Promise<PollOutcome[]> {
  const due = await claimDue(db, now);
  if (due.length === 0) return [];
  const listed = await listedUrls(db);
  const outcomes: PollOutcome[] = [];
  for (const follow of due) {
    let outcome: PollOutcome;
    try {
      outcome = await pollOne(db, follow, listed, now, limits);
    } catch (error) {
      console.error(`Polling feed ${follow.feedName} for ${follow.scenarioId}/${follow.eventSetId} failed:`, error);
      outcome = { ...about(follow), added: 0, updated: 0, error: `The server failed while writing the feed's events; nothing was changed (${error instanceof Error ? error.message : String(error)}).` };
    }
    await recordPoll(db, follow, now, outcome.error);
    outcomes.push(outcome);
  }
  return outcomes;
}

const about = (follow: DueFollow) => ({ scenarioId: follow.scenarioId, eventSetId: follow.eventSetId, feedName: follow.feedName });

/** Events compared as the journal keeps them (JSON: key order and absent fields do not count). */
const sameEvent = (a: TripwireEvent, b: TripwireEvent) => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

async function pollOne(db: Database, follow: DueFollow, listed: ReadonlySet<string>, now: Date, limits: FeedLimits): Promise<PollOutcome> {
  const result = (added: number, updated: number, error: string | null): PollOutcome => ({ ...about(follow), added, updated, error });
  const sets = await eventSetsOf(db, follow.scenarioId);
  if (!sets) return result(0, 0, 'The scenario is gone.');
  if (!sets.some((set) => set.id === follow.eventSetId)) return result(0, 0, `The event set “${follow.eventSetId}” is no longer in the scenario; nothing was changed.`);

  const reading = await readFeed(follow.url, listed, follow.eventSetId, limits);
  if (!reading.ok) return result(0, 0, reading.error);
  // Each event as a journal record (what a client's edit must be, the feed's must be too), so it
  // compares equal to the one stored when nothing changed.
  const records: TripwireEvent[] = [];
  for (const event of reading.events) {
    const checked = eventRecordSchema.safeParse(event);
    if (!checked.success) return result(0, 0, `The feed's event “${event.id}” is not a valid record: ${checked.error.issues[0]?.message ?? 'unknown problem'}; nothing was changed.`);
    records.push(checked.data as TripwireEvent);
  }

  // The journal place the diff is made against: an analyst's edit of one of these events after it marks the feed's entry stale.
  const [place] = await db.query<{ last_seq: string }>('select last_seq from scenarios where id = $1', [follow.scenarioId]);
  const current = await currentEvents(db, follow.scenarioId, records.map((event) => event.id));
  const elsewhere = records.find((event) => current.has(event.id) && current.get(event.id)!.eventSetId !== follow.eventSetId);
  if (elsewhere) {
    const set = current.get(elsewhere.id)!.eventSetId;
    return result(0, 0, `The feed's event “${elsewhere.id}” is already in another event set of the scenario (“${set}”): ids must be unique across sets; nothing was changed.`);
  }
  const edits: { before: TripwireEvent | null; after: TripwireEvent }[] = [];
  const added = records.filter((event) => !current.has(event.id));
  for (const event of records) {
    const was = current.get(event.id);
    if (!was) continue;
    // The event keeps its key (its place among same-day events, and its address on the map).
    const next = { ...event, key: was.key };
    if (!sameEvent(was, next)) edits.push({ before: was, after: next });
  }
  const updated = edits.length;
  if (added.length > 0) {
    let key = (await highestEventKey(db, follow.scenarioId)) + 1;
    for (const event of added) edits.push({ before: null, after: { ...event, key: key++ } });
  }
  if (edits.length === 0) return result(0, 0, null);

  const entry = { id: randomUUID(), step: 'do' as const, edits, madeAt: now.toISOString(), baseSeq: Number(place?.last_seq ?? 0) } as unknown as JournalEntryInput;
  await appendEdits(db, follow.scenarioId, [entry], feedAuthor(follow.feedName));
  return result(added.length, updated, null);
}

/** Polls every minute until stopped; a poll still running when the next is due is left to finish. */
export function startFeedPoller(db: Database, { everyMs = 60_000, limits = FEED_LIMITS }: { everyMs?: number; limits?: FeedLimits } = {}) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = pollDue(db, new Date(), limits)
      .catch((error: unknown) => console.error('The feed poller failed:', error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
