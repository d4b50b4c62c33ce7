// A plain WebSocket echo (docs/api.md, "Diagnostics"): the floor the bench measures edit
// propagation against (scripts/bench/live-editing.mjs). A round trip through it is this server's
// network, event loop and TLS (if any) with nothing of the database or the journal; an edit
// reaching another client costs that, plus the commit, the notice and the journal read.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import websocket from '@fastify/websocket';
import { HttpError, signedIn } from '../policy';

/** A message may be at most this long: an echo is a probe, not a way to move data. */
const MAX_MESSAGE_BYTES = 16 * 1024;

/**
 * WebSocket upgrades, for the whole app and before its own hooks: every handshake then goes
 * through the same checks as any request, and one that is refused, or asked of a route that is
 * no WebSocket, has its socket ended (registered inside one route's plugin, the sockets of those
 * were left open, and the server's close waited for them for ever).
 */
export const acceptWebSockets = (app: FastifyInstance) => app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });

export const echoRoutes = (): FastifyPluginAsync => async (app) => {
  app.get(
    '/api/echo',
    {
      websocket: true,
      // A handshake is a GET, which the app's hook does not check the Origin of; a socket opened
      // by another site's page would carry this site's session (were its cookie sent), so it is refused here.
      onRequest: async (request) => {
        const origin = request.headers.origin;
        if (origin && hostOf(origin) !== request.host) throw new HttpError(403, 'This request comes from another site.');
      },
      // A HEAD cannot be upgraded: there is no twin to answer it.
      exposeHeadRoute: false,
      config: { policy: signedIn },
    },
    (socket) => {
      socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    },
  );
};

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (a sandboxed page, a file) is no site of ours
  }
};
