// The team server's HTTP side: the built app and the API on one origin (docs/api.md). Fastify
// gives routing, body limits, JSON parsing and `inject` for tests; everything that decides who
// may do what is here and in policy.ts, checked on the server whatever the browser shows.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import type { Database } from '../db/database';
import { csrfTokenMatches, findSession } from '../accounts/sessions';
import { accessOf } from '../scenarios/scenario-store';
import { CONTENT_SECURITY_POLICY_HEADER } from './content-security-policy';
import { HttpError, NOT_SIGNED_IN, NO_SUCH_SCENARIO, allows, sendError, type Policy } from './policy';
import { SCENARIO_ID } from './checks';
import { healthRoutes } from './routes/health-routes';
import { sessionRoutes } from './routes/session-routes';
import { scenarioRoutes } from './routes/scenario-routes';
import { memberRoutes } from './routes/member-routes';
import { editRoutes } from './routes/edit-routes';
import { peopleRoutes } from './routes/people-routes';
import { appFileRoutes } from './routes/app-file-routes';
import { streamRoutes } from './routes/stream-routes';
import { presenceRoutes } from './routes/presence-routes';
import { acceptWebSockets, echoRoutes } from './routes/echo-routes';
import { historyRoutes } from './routes/history-routes';
import { feedRoutes } from './routes/feed-routes';
import { LiveNotices } from '../live/live-notices';

export interface AppOptions {
  db: Database;
  /** The built app (dist/); absent for API-only tests. */
  distDir?: string;
  /** Served over TLS (here or by a proxy in front): cookies become `__Host-` and `Secure`. */
  secureCookies?: boolean;
  /** Trust X-Forwarded-For from a proxy in front (for the sign-in limit per address). */
  trustProxy?: boolean;
}

export interface ServerContext {
  db: Database;
  cookieName: string;
  secureCookies: boolean;
}

/** JSON bodies: 1 MB. Scenario documents stream past this (their routes read the body themselves). */
export const JSON_BODY_LIMIT = 1024 * 1024;
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A route of the app, as registered: tests/server/route-policies.test.ts runs each as every role. */
export interface RegisteredRoute {
  method: string;
  url: string;
  policy: Policy;
}
const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();
/** Every route `buildApp` registered (HEAD twins of GET routes too), with its policy. */
export const registeredRoutes = (app: FastifyInstance): readonly RegisteredRoute[] => registered.get(app) ?? [];

export async function buildApp({ db, distDir, secureCookies = false, trustProxy = false }: AppOptions): Promise<FastifyInstance> {
  // forceCloseConnections: a stop ends every connection at once. Left to idle out, the connections
  // that had carried a live stream kept `serve` from exiting for ~70 s after Ctrl-C.
  const app = Fastify({ bodyLimit: JSON_BODY_LIMIT, trustProxy, logger: false, return503OnClosing: true, forceCloseConnections: true });
  const context: ServerContext = { db, cookieName: secureCookies ? '__Host-tripwire_session' : 'tripwire_session', secureCookies };

  // A route without a policy is a route nobody decided about: refuse to start with it.
  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!route.config?.policy) throw new Error(`${String(route.method)} ${route.url} declares no policy (src/server/http/policy.ts)`);
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, policy: route.config.policy });
  });
  app.decorateRequest('signedIn', null);
  app.decorateRequest('access', null);
  await app.register(cookie);
  await acceptWebSockets(app);
  // Bodies are JSON (docs/api.md: 415 for anything else). Fastify would also parse text/plain, the
  // one type a cross-site form can send unasked, into a string that then fails as a malformed 400.
  app.removeContentTypeParser('text/plain');

  // Before any body is read: who is calling, may they, and is a change really theirs (CSRF).
  app.addHook('onRequest', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (!policy) return; // Fastify's own 404 for unknown routes
    if (policy.who === 'anyone' && !request.url.startsWith('/api/')) return; // app files
    request.signedIn = await findSession(db, request.cookies[context.cookieName]);
    const changes = CHANGES.has(request.method);
    if (changes) {
      // Browsers send Origin on every cross-site change: one from elsewhere is refused outright.
      const origin = request.headers.origin;
      // Hosts are compared, not schemes: behind a TLS proxy the browser says https and this process sees http.
      if (origin && hostOf(origin) !== hostOf(`${request.protocol}://${request.host}`)) throw new HttpError(403, 'This request comes from another site.');
    }
    if (policy.who === 'anyone') return;
    if (!request.signedIn) throw new HttpError(401, NOT_SIGNED_IN);
    if (changes && !csrfTokenMatches(request.signedIn, headerText(request.headers['x-csrf-token']))) {
      throw new HttpError(403, 'This change lacks its X-CSRF-Token header (or it is another session’s); nothing was changed.');
    }
    if (policy.who === 'admin' && request.signedIn.person.role !== 'admin') throw new HttpError(403, 'Only an admin may do this.');
    if (policy.who === 'scenario') {
      const id = (request.params as { id?: string }).id ?? '';
      request.access = SCENARIO_ID.test(id) ? await accessOf(db, id, request.signedIn.person.id) : null;
      if (!request.access) throw new HttpError(404, NO_SUCH_SCENARIO);
      if (!allows(request.access, policy.access)) {
        throw new HttpError(403, policy.access === 'owner' ? 'Only the scenario’s owner may do this.' : 'You may view this scenario but not change it.');
      }
    }
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    const fastifyError = error as { statusCode?: number; code?: string; message?: string };
    const status = fastifyError.statusCode ?? 500;
    if (status >= 500) {
      console.error(error);
      return sendError(reply, new HttpError(500, 'The server failed; nothing was changed. The error is in the server’s log.'));
    }
    const message =
      fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `The request body is larger than the ${JSON_BODY_LIMIT / 1024 / 1024} MB limit.`
      : fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send JSON (Content-Type: application/json).'
      : fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'The request needs a JSON body.'
      : fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? `The body is not valid JSON: ${fastifyError.message}`
      : (fastifyError.message ?? 'Bad request.');
    return sendError(reply, new HttpError(status, message));
  });
  app.setNotFoundHandler({}, (_request, reply) => sendError(reply, new HttpError(404, 'There is nothing here.')));

  await app.register(healthRoutes(context));
  await app.register(sessionRoutes(context));
  await app.register(peopleRoutes(context));
  await app.register(scenarioRoutes(context));
  await app.register(memberRoutes(context));
  await app.register(editRoutes(context));
  await app.register(historyRoutes(context));
  const notices = await LiveNotices.start(db);
  app.addHook('onClose', () => notices.stop());
  await app.register(streamRoutes(context, notices));
  await app.register(echoRoutes());
  await app.register(presenceRoutes(context));
  await app.register(feedRoutes(context));
  if (distDir) await app.register(appFileRoutes(distDir));
  return app;
}

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (a sandboxed page, a file) is no site of ours
  }
};

const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
