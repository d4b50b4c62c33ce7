// What the server's tests share: both databases the server runs on (PGlite in memory, and a
// fresh database on the run's throwaway PostgreSQL), the app over one of them, and people signed
// in through the API itself (inject: no port, no browser).
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { freshDatabase } from './throwaway-postgres';
import { openPglite, openPostgres, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson, type Role } from '../../src/server/accounts/people';

export const ENGINES = ['pglite', 'postgresql'] as const;
export type Engine = (typeof ENGINES)[number];

let databases = 0;
/** A new, migrated, empty database of the engine. */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  const db = engine === 'pglite' ? await openPglite() : await openPostgres(await freshDatabase(inject('postgresUrl'), `test_${process.pid}_${Date.now()}_${++databases}`));
  await migrate(db);
  return db;
}

export interface SignedInClient {
  username: string;
  cookie: string;
  csrfToken: string;
  /** A request as this person, with their cookie and (for changes) their CSRF token. */
  call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export const PASSWORD = 'a long enough password';

export async function addPeople(db: Database, people: Record<string, Role>): Promise<void> {
  for (const [username, role] of Object.entries(people)) await addPerson(db, { username, password: PASSWORD, role }, null);
}

/** Signs in through POST /api/session, as the app does. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<SignedInClient> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`${username} could not sign in: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    username,
    cookie,
    csrfToken,
    call: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
      }),
  };
}

export const startApp = (db: Database) => buildApp({ db });
