// Feeds in the database: the addresses an admin lets the server poll (`feeds`), and the event sets
// that follow them (`feed_follows`, with when each was last polled, last good, and its last error).
// Like scenario-store.ts, every function trusts its caller to have checked who may do it.
import type { Queryable } from '../db/database';

export interface Feed {
  id: number;
  name: string;
  url: string;
  everyMinutes: number;
  addedBy: string;
  addedAt: string;
}

export interface Follow {
  scenarioId: string;
  eventSetId: string;
  feedId: number;
  feedName: string;
  addedBy: string;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  lastError: string | null;
}

/** A follow the poller has claimed: what it needs to fetch the feed and write to the set. */
export interface DueFollow {
  scenarioId: string;
  eventSetId: string;
  feedId: number;
  feedName: string;
  url: string;
}

type FeedRow = { id: string; name: string; url: string; every_minutes: number; added_by: string; added_at: Date };
const feedOf = (row: FeedRow): Feed => ({ id: Number(row.id), name: row.name, url: row.url, everyMinutes: Number(row.every_minutes), addedBy: row.added_by, addedAt: new Date(row.added_at).toISOString() });
const isoOrNull = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export async function listFeeds(db: Queryable): Promise<Feed[]> {
  return (await db.query<FeedRow>('select id, name, url, every_minutes, added_by, added_at from feeds order by name')).map(feedOf);
}

export async function findFeed(db: Queryable, id: number): Promise<Feed | null> {
  const [row] = await db.query<FeedRow>('select id, name, url, every_minutes, added_by, added_at from feeds where id = $1', [id]);
  return row ? feedOf(row) : null;
}

/** Adds a feed; null when its name or its address is already listed. */
export async function addFeed(db: Queryable, feed: { name: string; url: string; everyMinutes: number }, by: string): Promise<Feed | null> {
  const [row] = await db.query<FeedRow>(
    'insert into feeds (name, url, every_minutes, added_by) values ($1, $2, $3, $4) on conflict do nothing returning id, name, url, every_minutes, added_by, added_at',
    [feed.name, feed.url, feed.everyMinutes, by],
  );
  return row ? feedOf(row) : null;
}

/** Removes a feed and every follow of it; the events it brought stay where they are. */
export async function removeFeed(db: Queryable, id: number): Promise<Feed | null> {
  const [row] = await db.query<FeedRow>('delete from feeds where id = $1 returning id, name, url, every_minutes, added_by, added_at', [id]);
  return row ? feedOf(row) : null;
}

/** Every address on the admin's list: the only ones a poll may fetch, redirects included. */
export async function listedUrls(db: Queryable): Promise<Set<string>> {
  return new Set((await db.query<{ url: string }>('select url from feeds')).map((row) => row.url));
}

export async function followsOf(db: Queryable, scenarioId: string): Promise<Follow[]> {
  const rows = await db.query<{ scenario_id: string; event_set_id: string; feed_id: string; name: string; added_by: string; last_polled_at: Date | null; last_ok_at: Date | null; last_error: string | null }>(
    `select f.scenario_id, f.event_set_id, f.feed_id, d.name, f.added_by, f.last_polled_at, f.last_ok_at, f.last_error
       from feed_follows f join feeds d on d.id = f.feed_id
      where f.scenario_id = $1 order by f.event_set_id`,
    [scenarioId],
  );
  return rows.map((row) => ({
    scenarioId: row.scenario_id,
    eventSetId: row.event_set_id,
    feedId: Number(row.feed_id),
    feedName: row.name,
    addedBy: row.added_by,
    lastPolledAt: isoOrNull(row.last_polled_at),
    lastOkAt: isoOrNull(row.last_ok_at),
    lastError: row.last_error,
  }));
}

/** The event set follows the feed (another feed it followed is replaced); due at the next poll. */
export async function follow(db: Queryable, scenarioId: string, eventSetId: string, feedId: number, by: string): Promise<void> {
  await db.query(
    `insert into feed_follows (scenario_id, event_set_id, feed_id, added_by) values ($1, $2, $3, $4)
     on conflict (scenario_id, event_set_id) do update set feed_id = excluded.feed_id, added_by = excluded.added_by, last_polled_at = null, last_ok_at = null, last_error = null`,
    [scenarioId, eventSetId, feedId, by],
  );
}

export async function unfollow(db: Queryable, scenarioId: string, eventSetId: string): Promise<boolean> {
  return (await db.query('delete from feed_follows where scenario_id = $1 and event_set_id = $2 returning feed_id', [scenarioId, eventSetId])).length > 0;
}

/**
 * Claims the follows due at `now` (never polled, or polled at least their feed's interval ago) by
 * marking them polled, in one statement. On PostgreSQL a second process running the same update
 * at once waits for the first's row locks, then sees the new `last_polled_at` and passes the row
 * by: two processes never poll one follow together.
 */
export async function claimDue(db: Queryable, now: Date, limit = 50): Promise<DueFollow[]> {
  const rows = await db.query<{ scenario_id: string; event_set_id: string; feed_id: string; name: string; url: string }>(
    `update feed_follows f set last_polled_at = $1
       from feeds d
      where d.id = f.feed_id
        and (f.scenario_id, f.event_set_id) in (
          select g.scenario_id, g.event_set_id from feed_follows g join feeds e on e.id = g.feed_id
           where g.last_polled_at is null or g.last_polled_at <= $1::timestamptz - make_interval(mins => e.every_minutes)
           order by g.last_polled_at nulls first limit $2)
        and (f.last_polled_at is null or f.last_polled_at <= $1::timestamptz - make_interval(mins => d.every_minutes))
      returning f.scenario_id, f.event_set_id, f.feed_id, d.name, d.url`,
    [now, limit],
  );
  return rows.map((row) => ({ scenarioId: row.scenario_id, eventSetId: row.event_set_id, feedId: Number(row.feed_id), feedName: row.name, url: row.url }));
}

/** What a poll came to: good (the error cleared), or broken, with where. Only the follow it claimed is touched. */
export async function recordPoll(db: Queryable, due: DueFollow, now: Date, error: string | null): Promise<void> {
  await db.query(
    error === null
      ? 'update feed_follows set last_ok_at = $4, last_error = null where scenario_id = $1 and event_set_id = $2 and feed_id = $3'
      : 'update feed_follows set last_error = $4 where scenario_id = $1 and event_set_id = $2 and feed_id = $3',
    [due.scenarioId, due.eventSetId, due.feedId, error ?? now],
  );
}
