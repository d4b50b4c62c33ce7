// A scenario's live stream (docs/api.md, "Live"): server-sent events telling an open page that the
// journal has grown, so it reads the new entries at once instead of asking every few seconds.
// Each server process hears every commit through PostgreSQL (live-notices.ts), so a page on one
// process hears an edit made through another. The stream closes when its session ends, or when
// the person may no longer see the scenario; the page then finds out why from the API.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { caller, scenarioViewers } from '../policy';
import { checked } from '../checks';
import { findSession } from '../../accounts/sessions';
import { accessOf } from '../../scenarios/scenario-store';
import type { LiveNotices } from '../../live/live-notices';
import { CONTENT_SECURITY_POLICY_HEADER } from '../content-security-policy';

/** A comment line this often keeps proxies from closing an idle stream, and checks the session. */
const KEEP_ALIVE_MS = 25_000;

export const streamRoutes =
  ({ db, cookieName }: ServerContext, notices: LiveNotices): FastifyPluginAsync =>
  async (app) => {
    const open = new Set<() => void>();
    // The server stops: end every stream, or closing would wait for them.
    app.addHook('preClose', async () => {
      for (const close of open) close();
    });

    app.get('/api/scenarios/:id/stream', { config: { policy: scenarioViewers } }, async (request, reply) => {
      const { id } = checked(z.object({ id: z.string() }), request.params, 'the address');
      const person = caller(request);
      const secret = request.cookies[cookieName];
      const [row] = await db.query<{ last_seq: string }>('select last_seq from scenarios where id = $1', [id]);
      // HEAD (Fastify's twin of this GET) gets the stream's head alone: Node sends no body and no
      // headers before end() for HEAD, so a stream opened for it would leave the caller waiting forever.
      if (request.method === 'HEAD') return reply.header('Content-Type', 'text/event-stream; charset=utf-8').header('Cache-Control', 'no-store').send();

      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no', // nginx in front: pass events on as they come
        'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
        'X-Content-Type-Options': 'nosniff',
      });
      const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

      let closed = false;
      const stops: (() => void)[] = [];
      const close = () => {
        if (closed) return;
        closed = true;
        for (const stop of stops) stop();
        open.delete(close);
        response.end();
      };
      open.add(close);
      /** Still signed in, and still allowed to see it? Otherwise says which, and closes. */
      const stillAllowed = async () => {
        if (closed) return false;
        if (!(await findSession(db, secret))) send('signed-out', {});
        else if (!(await accessOf(db, id, person.id))) send('gone', {});
        else return true;
        close();
        return false;
      };

      stops.push(
        notices.onScenario(id, (seq) => {
          if (seq === null) void stillAllowed();
          else if (!closed) send('edits', { seq });
        }),
        notices.onPerson(person.id, () => void stillAllowed()),
      );
      const keepAlive = setInterval(() => {
        response.write(': still here\n\n');
        void stillAllowed();
      }, KEEP_ALIVE_MS);
      stops.push(() => clearInterval(keepAlive));
      request.raw.on('close', close);
      // Where the journal stands now: a page that reconnects after a gap reads what it missed.
      send('ready', { seq: Number(row?.last_seq ?? 0) });
    });
  };
