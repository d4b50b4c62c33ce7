// Who may call a route. Every route declares one (the app refuses to register a route without),
// and one hook checks it before the body is read: signed out → 401, not allowed → 403, a
// scenario the caller may not see → 404, exactly as for one that does not exist.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../scenarios/scenario-store';
import type { SignedIn } from '../accounts/sessions';

export type Policy =
  | { who: 'anyone' }
  | { who: 'signed-in' }
  | { who: 'admin' }
  /** A scenario named by the route's `:id`, with at least this access. */
  | { who: 'scenario'; access: Access };

export const anyone: Policy = { who: 'anyone' };
export const signedIn: Policy = { who: 'signed-in' };
export const admins: Policy = { who: 'admin' };
export const scenarioViewers: Policy = { who: 'scenario', access: 'viewer' };
export const scenarioEditors: Policy = { who: 'scenario', access: 'editor' };
export const scenarioOwners: Policy = { who: 'scenario', access: 'owner' };

const RANK: Record<Access, number> = { viewer: 1, editor: 2, owner: 3 };
export const allows = (access: Access | null, needed: Access) => access !== null && RANK[access] >= RANK[needed];

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    /** Who is signed in (checked against the database on every request), or null. */
    signedIn: SignedIn | null;
    /** The caller's access to the route's scenario, for scenario routes. */
    access: Access | null;
  }
}

/** An answer the API gives as `{"error": message}` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const NOT_SIGNED_IN = 'Sign in first.';
export const NO_SUCH_SCENARIO = 'This scenario does not exist or has not been shared with you.';

/** The person a route's policy let through (routes that are not for anyone). */
export function caller(request: FastifyRequest): SignedIn['person'] {
  if (!request.signedIn) throw new HttpError(401, NOT_SIGNED_IN);
  return request.signedIn.person;
}

export const sendError = (reply: FastifyReply, error: HttpError) => reply.code(error.status).headers(error.headers).send({ error: error.message });
