// What a person on a shared scenario has selected (docs/api.md, "Live"): posted by their page
// against the connection its live stream named in `ready`, and told to everyone else's streams.
// A viewer may post too: it changes nothing of the scenario, only what others see of them.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { caller, HttpError, scenarioViewers } from '../policy';
import { checked } from '../checks';
import { setSelected } from '../../presence/presence-store';

const presenceBody = z
  .object({
    connection: z.uuid(),
    /** An event's id (or null: nothing selected). The same bound as the event route's. */
    selected: z.string().min(1).max(100).nullable(),
  })
  .strict();

export const presenceRoutes =
  ({ db }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/api/scenarios/:id/presence', { config: { policy: scenarioViewers } }, async (request, reply) => {
      const { id } = checked(z.object({ id: z.string() }), request.params, 'the address');
      const { connection, selected } = checked(presenceBody, request.body);
      // Only one's own open stream: another's connection (or a closed one) is answered alike.
      if (!(await setSelected(db, connection, id, caller(request).id, selected))) {
        throw new HttpError(409, 'That connection is not one of your open live streams on this scenario (it may have closed): open the stream again and post its connection.');
      }
      return reply.code(204).send();
    });
  };
