// A scenario's journal (docs/api.md, "Edits"): appended by editors, read by everyone who may view;
// and one event as the journal has left it.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { caller, HttpError, scenarioEditors, scenarioViewers } from '../policy';
import { checked } from '../checks';
import { journalPostSchema } from '../../../data/editing/journal-schema';
import { appendEdits, findEvent, readEdits } from '../../scenarios/scenario-store';
import { Checkpoints } from '../../scenarios/checkpoint';

const idParams = z.object({ id: z.string() });

export const editRoutes =
  ({ db }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    // A journal grown long is folded into the document in the background (checkpoint.ts); the
    // server waits for a fold under way before it closes the database.
    const checkpoints = new Checkpoints(db);
    app.addHook('onClose', () => checkpoints.settle());

    app.post('/api/scenarios/:id/edits', { config: { policy: scenarioEditors } }, async (request) => {
      const { id } = checked(idParams, request.params, 'the address');
      const { entries } = checked(journalPostSchema, request.body);
      const committed = await appendEdits(db, id, entries, caller(request).username);
      checkpoints.consider(id);
      return { entries: committed };
    });

    app.get('/api/scenarios/:id/edits', { config: { policy: scenarioViewers } }, async (request) => {
      const { id } = checked(idParams, request.params, 'the address');
      const { after } = checked(z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) }), request.query, 'the query');
      return { entries: await readEdits(db, id, after) };
    });

    app.get('/api/scenarios/:id/events/:eventId', { config: { policy: scenarioViewers } }, async (request) => {
      const { id, eventId } = checked(z.object({ id: z.string(), eventId: z.string().max(100) }), request.params, 'the address');
      const event = await findEvent(db, id, eventId);
      if (!event) throw new HttpError(404, `The scenario has no event “${eventId}”.`);
      return { event };
    });
  };
