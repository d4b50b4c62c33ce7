// Sign-in sessions, kept in the database so every server process agrees on who is signed in.
// The cookie holds a random secret; the database holds only its SHA-256, so a copy of the table
// signs no one in. Each session has its own CSRF token (docs/api.md), checked on every change.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { Role } from './people';
import { noticePersonChanged } from '../live/live-notices';

/** A session ends after this long without a request… */
export const IDLE_LIMIT_SECONDS = 12 * 60 * 60;
/** …and this long after sign-in, whatever happens. */
export const ABSOLUTE_LIMIT_SECONDS = 7 * 24 * 60 * 60;
/** last_seen_at is written at most this often: a request need not be a write. */
const TOUCH_EVERY_SECONDS = 60;

export interface SignedIn {
  person: { id: number; username: string; role: Role };
  csrfToken: string;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

/** A new session for the person; the secret goes in the cookie. */
export async function startSession(db: Queryable, personId: number): Promise<{ secret: string; csrfToken: string }> {
  const secret = randomToken();
  const csrfToken = randomToken();
  await db.query('insert into sessions (id_hash, person_id, csrf_token) values ($1, $2, $3)', [hashOf(secret), personId, csrfToken]);
  return { secret, csrfToken };
}

/** Who the cookie's secret signs in, or null (unknown, ended or expired: an expired one is deleted). */
export async function findSession(db: Queryable, secret: string | undefined): Promise<SignedIn | null> {
  if (!secret || secret.length > 100) return null;
  const idHash = hashOf(secret);
  const [row] = await db.query<{ id: string; username: string; role: Role; csrf_token: string; live: boolean; stale: boolean }>(
    `select p.id, p.username, p.role, s.csrf_token,
            (s.last_seen_at > now() - make_interval(secs => $2) and s.created_at > now() - make_interval(secs => $3)) as live,
            s.last_seen_at < now() - make_interval(secs => $4) as stale
       from sessions s join people p on p.id = s.person_id where s.id_hash = $1`,
    [idHash, IDLE_LIMIT_SECONDS, ABSOLUTE_LIMIT_SECONDS, TOUCH_EVERY_SECONDS],
  );
  if (!row) return null;
  if (!row.live) {
    await db.query('delete from sessions where id_hash = $1', [idHash]);
    return null;
  }
  if (row.stale) await db.query('update sessions set last_seen_at = now() where id_hash = $1', [idHash]);
  return { person: { id: Number(row.id), username: row.username, role: row.role }, csrfToken: row.csrf_token };
}

// Ending sessions is noticed: the person's live streams check their session again and close.
export async function endSession(db: Queryable, secret: string): Promise<void> {
  const [ended] = await db.query<{ person_id: string }>('delete from sessions where id_hash = $1 returning person_id', [hashOf(secret)]);
  if (ended) await noticePersonChanged(db, Number(ended.person_id));
}

export async function endSessionsOf(db: Queryable, personId: number): Promise<void> {
  await db.query('delete from sessions where person_id = $1', [personId]);
  await noticePersonChanged(db, personId);
}

/** Whether a request's CSRF token is the session's, compared in constant time. */
export function csrfTokenMatches(signedIn: SignedIn, token: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(signedIn.csrfToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
