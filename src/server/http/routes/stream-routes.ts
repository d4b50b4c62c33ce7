// A scenario's live stream (docs/api.md, "Live"): server-sent events telling an open page that the
// journal has grown, so it reads the new entries at once instead of asking every few seconds.
// Each server process hears every commit through PostgreSQL (live-notices.ts), so a page on one
// process hears an edit made through another. The stream closes when its session ends, or when
// the person may no longer see the scenario; the page then finds out why from the API.
//
// Each open stream is also its person's presence on the scenario (src/server/presence): a row in
// the database, made when the stream opens, kept fresh on its keep-alive and removed when it closes.
// The stream's `ready` names its connection (what the page's selection is posted against), and a
// `presence` event lists who else is there, and what they have selected, whenever that changes.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { caller, scenarioViewers } from '../policy';
import { checked } from '../checks';
import { findSession } from '../../accounts/sessions';
import { accessOf } from '../../scenarios/scenario-store';
import type { LiveNotices } from '../../live/live-notices';
import { CONTENT_SECURITY_POLICY_HEADER } from '../content-security-policy';
import { PresenceHub } from '../../presence/presence-hub';
import { closePresence, openPresence, touchPresence, type PresentPerson } from '../../presence/presence-store';

/** A comment line this often keeps proxies from closing an idle stream, and checks the session. */
const KEEP_ALIVE_MS = 25_000;

export const streamRoutes =
  ({ db, cookieName }: ServerContext, notices: LiveNotices): FastifyPluginAsync =>
  async (app) => {
    const open = new Set<() => Promise<void>>();
    const presence = await PresenceHub.start(db);
    // The server stops: end every stream (and its presence), or closing would wait for them.
    app.addHook('preClose', async () => {
      await Promise.all([...open].map((close) => close()));
    });
    app.addHook('onClose', () => presence.stop());

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
      const connection = randomUUID();
      let left: Promise<void> = Promise.resolve();
      const close = () => {
        if (closed) return left;
        closed = true;
        for (const stop of stops) stop();
        open.delete(close);
        response.end();
        left = closePresence(db, connection).catch(() => undefined); // a row left behind goes stale, then is swept
        return left;
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
      // Who else is here: sent after `ready`, and only when it differs from what was sent last.
      let ready = false;
      let lastSent = '';
      let waiting: PresentPerson[] | null = null;
      const sendPresence = (others: PresentPerson[]) => {
        if (closed) return;
        if (!ready) {
          waiting = others;
          return;
        }
        const text = JSON.stringify(others);
        if (text === lastSent) return;
        lastSent = text;
        send('presence', { others });
      };
      stops.push(presence.add(id, { personId: person.id, send: sendPresence }));
      const keepAlive = setInterval(() => {
        response.write(': still here\n\n');
        void stillAllowed().then(async (allowed) => {
          if (allowed) await touchPresence(db, connection, id, person.id).catch(() => undefined);
        });
      }, KEEP_ALIVE_MS);
      stops.push(() => clearInterval(keepAlive));
      request.raw.on('close', () => void close());
      try {
        await openPresence(db, connection, id, person.id);
      } catch {
        // The scenario was deleted in between: the stream says so and ends.
        send('gone', {});
        void close();
        return;
      }
      if (closed) return void closePresence(db, connection).catch(() => undefined); // the page left while the row was made
      // Where the journal stands now: a page that reconnects after a gap reads what it missed.
      // `connection` is this stream's, for POST …/presence.
      send('ready', { seq: Number(row?.last_seq ?? 0), connection });
      ready = true;
      if (waiting) sendPresence(waiting);
    });
  };
