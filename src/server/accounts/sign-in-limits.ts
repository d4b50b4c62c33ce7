// Too many failed sign-ins: per username and per address, counted in the database (so several
// server processes count together), answered with 429 and Retry-After until the window passes.
import type { Queryable } from '../db/database';

export const WINDOW_SECONDS = 15 * 60;
export const FAILURES_PER_USERNAME = 10;
export const FAILURES_PER_ADDRESS = 30;

const keysOf = (username: string, address: string) => [
  { key: `user:${username.toLowerCase().slice(0, 100)}`, limit: FAILURES_PER_USERNAME },
  { key: `address:${address}`, limit: FAILURES_PER_ADDRESS },
];

/** Seconds until sign-in may be tried again for this username or address; 0 when it may now. */
export async function signInWait(db: Queryable, username: string, address: string): Promise<number> {
  let wait = 0;
  for (const { key, limit } of keysOf(username, address)) {
    const rows = await db.query<{ at: Date | string }>(
      'select at from sign_in_failures where key = $1 and at > now() - make_interval(secs => $2) order by at desc offset $3 limit 1',
      [key, WINDOW_SECONDS, limit - 1],
    );
    // The limit-th most recent failure leaves the window WINDOW_SECONDS after it happened.
    if (rows[0]) wait = Math.max(wait, Math.ceil((new Date(rows[0].at).getTime() + WINDOW_SECONDS * 1000 - Date.now()) / 1000));
  }
  return Math.max(0, wait);
}

export async function recordFailure(db: Queryable, username: string, address: string): Promise<void> {
  for (const { key } of keysOf(username, address)) await db.query('insert into sign_in_failures (key) values ($1)', [key]);
  await db.query('delete from sign_in_failures where at < now() - make_interval(secs => $1)', [WINDOW_SECONDS]);
}

/** A right password clears the username's count (not the address's: one person's success proves nothing about others tried from there). */
export async function clearFailures(db: Queryable, username: string): Promise<void> {
  await db.query('delete from sign_in_failures where key = $1', [keysOf(username, '')[0]!.key]);
}
