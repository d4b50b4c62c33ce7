// Signing in and out (docs/api.md, "Session").
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { anyone, caller, HttpError, signedIn } from '../policy';
import { checked } from '../checks';
import { findPerson } from '../../accounts/people';
import { passwordMatches, MAX_PASSWORD_LENGTH } from '../../accounts/passwords';
import { endSession, startSession, ABSOLUTE_LIMIT_SECONDS } from '../../accounts/sessions';
import { clearFailures, recordFailure, signInWait } from '../../accounts/sign-in-limits';
import { audit } from '../../audit';

const signInSchema = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(MAX_PASSWORD_LENGTH * 4) });
const WRONG = 'Unknown username or wrong password.';

export const sessionRoutes =
  ({ db, cookieName, secureCookies }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    const setCookie = (reply: FastifyReply, value: string, maxAge: number) =>
      reply.setCookie(cookieName, value, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookies, maxAge });

    app.get('/api/session', { config: { policy: signedIn } }, async (request) => ({ user: userOf(caller(request)), csrfToken: request.signedIn!.csrfToken }));

    app.post('/api/session', { config: { policy: anyone } }, async (request, reply) => {
      const { username, password } = checked(signInSchema, request.body);
      const address = request.ip;
      const wait = await signInWait(db, username, address);
      if (wait > 0) {
        await audit(db, { actor: null, action: 'sign-in-limited', target: username.slice(0, 100), address });
        throw new HttpError(429, `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`, { 'Retry-After': String(wait) });
      }
      const person = await findPerson(db, username);
      const passwordHash = person ? (await db.query<{ password_hash: string }>('select password_hash from people where id = $1', [person.id]))[0]?.password_hash ?? null : null;
      if (!(await passwordMatches(password, passwordHash)) || !person) {
        await recordFailure(db, username, address);
        await audit(db, { actor: null, action: 'sign-in-failed', target: username.slice(0, 100), address });
        throw new HttpError(401, WRONG);
      }
      // Rotate: whatever session this browser had ends; the new one has a new secret and token.
      const previous = request.cookies[cookieName];
      if (previous) await endSession(db, previous);
      await clearFailures(db, username);
      const { secret, csrfToken } = await startSession(db, person.id);
      await audit(db, { actor: person.username, action: 'sign-in', address });
      setCookie(reply, secret, ABSOLUTE_LIMIT_SECONDS);
      return { user: userOf(person), csrfToken };
    });

    app.delete('/api/session', { config: { policy: signedIn } }, async (request, reply) => {
      await endSession(db, request.cookies[cookieName]!);
      await audit(db, { actor: caller(request).username, action: 'sign-out', address: request.ip });
      setCookie(reply, '', 0);
      return reply.code(204).send();
    });
  };

const userOf = ({ username, role }: { username: string; role: string }) => ({ username, role });
