// The people who may sign in: made, listed, removed, given a new password or role. Used by the
// `users` command (directly, or through the running server's admin socket) and by nothing over
// HTTP: there is no self sign-up. Every change ends the person's sessions where it should and
// goes into the audit log in the same transaction.
import type { Database, Queryable } from '../db/database';
import { audit } from '../audit';
import { hashPassword, passwordProblem } from './passwords';
import { endSessionsOf } from './sessions';

export type Role = 'admin' | 'member';
export const ROLES: readonly Role[] = ['admin', 'member'];

export interface Person {
  id: number;
  username: string;
  role: Role;
  createdAt: string;
}

/** A change that cannot be made, and why; `status` for HTTP (400 bad input, 404 no one, 409 a clash). */
export class PeopleError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
  ) {
    super(message);
  }
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,39}$/;

export function usernameProblem(username: string): string | null {
  return USERNAME_PATTERN.test(username) ? null : 'a username is 1 to 40 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit';
}

const toPerson = (row: { id: number | string; username: string; role: Role; created_at: Date | string }): Person => ({
  id: Number(row.id),
  username: row.username,
  role: row.role,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function findPerson(db: Queryable, username: string): Promise<Person | null> {
  const [row] = await db.query<Parameters<typeof toPerson>[0]>('select id, username, role, created_at from people where username = $1', [username]);
  return row ? toPerson(row) : null;
}

async function mustFind(db: Queryable, username: string): Promise<Person> {
  const person = await findPerson(db, username);
  if (!person) throw new PeopleError(`no one is called “${username}”`, 404);
  return person;
}

export async function listPeople(db: Queryable): Promise<Person[]> {
  return (await db.query<Parameters<typeof toPerson>[0]>('select id, username, role, created_at from people order by username')).map(toPerson);
}

export async function addPerson(db: Database, { username, password, role }: { username: string; password: string; role: Role }, actor: string | null): Promise<Person> {
  const problem = usernameProblem(username) ?? passwordProblem(password) ?? (ROLES.includes(role) ? null : 'a role is admin or member');
  if (problem) throw new PeopleError(problem, 400);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (await findPerson(tx, username)) throw new PeopleError(`“${username}” is taken`, 409);
    const [row] = await tx.query<Parameters<typeof toPerson>[0]>('insert into people (username, password_hash, role) values ($1, $2, $3) returning id, username, role, created_at', [username, passwordHash, role]);
    await audit(tx, { actor, action: 'person-added', target: username, detail: { role } });
    return toPerson(row!);
  });
}

export async function resetPassword(db: Database, username: string, password: string, actor: string | null): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new PeopleError(problem, 400);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const person = await mustFind(tx, username);
    await tx.query('update people set password_hash = $1 where id = $2', [passwordHash, person.id]);
    await endSessionsOf(tx, person.id);
    await audit(tx, { actor, action: 'password-reset', target: username });
  });
}

const adminCount = async (tx: Queryable) => Number((await tx.query<{ count: string }>("select count(*) as count from people where role = 'admin'"))[0]!.count);

export async function setRole(db: Database, username: string, role: Role, actor: string | null): Promise<void> {
  if (!ROLES.includes(role)) throw new PeopleError('a role is admin or member', 400);
  await db.transaction(async (tx) => {
    const person = await mustFind(tx, username);
    if (person.role === role) return;
    if (person.role === 'admin' && (await adminCount(tx)) === 1) throw new PeopleError(`“${username}” is the last admin`, 409);
    await tx.query('update people set role = $1 where id = $2', [role, person.id]);
    await endSessionsOf(tx, person.id);
    await audit(tx, { actor, action: 'role-changed', target: username, detail: { from: person.role, to: role } });
  });
}

/**
 * Removes a person: their sessions end, their memberships go, and the scenarios they owned pass
 * to `actor` when an admin removes them, else to the longest-standing admin (docs/api.md).
 */
export async function removePerson(db: Database, username: string, actor: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await mustFind(tx, username);
    if (person.role === 'admin' && (await adminCount(tx)) === 1) throw new PeopleError(`“${username}” is the last admin`, 409);
    const actorPerson = actor ? await findPerson(tx, actor) : null;
    const [heir] = actorPerson?.role === 'admin' && actorPerson.id !== person.id
      ? [actorPerson]
      : (await tx.query<Parameters<typeof toPerson>[0]>("select id, username, role, created_at from people where role = 'admin' and id <> $1 order by created_at, id limit 1", [person.id])).map(toPerson);
    if (!heir) throw new PeopleError('there is no admin left to hand their scenarios to', 409);
    const handed = await tx.query<{ id: string }>('update scenarios set owner_id = $1 where owner_id = $2 returning id', [heir.id, person.id]);
    // The heir owns them now: a membership of theirs in those scenarios would only confuse.
    await tx.query('delete from scenario_members where person_id = $1 and scenario_id in (select id from scenarios where owner_id = $1)', [heir.id]);
    await endSessionsOf(tx, person.id); // and their live streams, on every server process
    await tx.query('delete from people where id = $1', [person.id]);
    await audit(tx, { actor, action: 'person-removed', target: username, detail: { scenariosHandedTo: heir.username, scenarios: handed.map((row) => row.id) } });
  });
}
