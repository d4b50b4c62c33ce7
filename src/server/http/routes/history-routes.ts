// A shared scenario's history (docs/api.md, "History"): who changed what and when, the last change
// of each record, any past state as a document, and a past state restored as a new scenario.
// Whoever may view the scenario may read all of it, and make a copy of their own.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { caller, HttpError, scenarioViewers } from '../policy';
import { checked } from '../checks';
import { audit } from '../../audit';
import { eventFeature } from '../../../scenario/scenario-document';
import { scenarioFileParts } from '../../../scenario/scenario-file-writer';
import { publish } from '../../scenarios/scenario-store';
import { lastChanges, listHistory, openedOf, pastState, pointInTime, timeOf, type PastPoint } from '../../scenarios/history';

const idParams = z.object({ id: z.string() });
const place = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Which past state: `at` (just after that journal entry) or `version` (a whole version as saved), one of the two. */
const pointSchema = z.union([z.strictObject({ at: place }), z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) })]);

const NO_SUCH_POINT = 'The scenario has no such version.';

export const historyRoutes =
  ({ db }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/scenarios/:id/history', { config: { policy: scenarioViewers } }, async (request) => {
      const { id } = checked(idParams, request.params, 'the address');
      const query = checked(
        z.strictObject({ author: z.string().min(1).max(100).optional(), before: place.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        request.query,
        'the query',
      );
      return listHistory(db, id, { author: query.author ?? null, limit: query.limit, ...(query.before === undefined ? {} : { before: query.before }) });
    });

    app.get('/api/scenarios/:id/changes', { config: { policy: scenarioViewers } }, async (request) => {
      const { id } = checked(idParams, request.params, 'the address');
      const { through } = checked(z.strictObject({ through: place.default(Number.MAX_SAFE_INTEGER) }), request.query, 'the query');
      return { changes: await lastChanges(db, id, through) };
    });

    app.get('/api/scenarios/:id/document', { config: { policy: scenarioViewers } }, async (request, reply) => {
      const { id } = checked(idParams, request.params, 'the address');
      const point = checked(pointSchema, request.query, 'the query (at=SEQ or version=N)') as PastPoint;
      const state = await pastOrRefuse(id, point);
      return reply
        .header('Content-Type', 'application/json; charset=utf-8')
        .header('Tripwire-Seq', String(state.seq))
        .header('Cache-Control', 'no-store')
        .send(Readable.from(scenarioFileParts(state.head as unknown as Record<string, unknown>, state.events.map(eventFeature))));
    });

    app.post('/api/scenarios/:id/copies', { config: { policy: scenarioViewers } }, async (request, reply) => {
      const { id } = checked(idParams, request.params, 'the address');
      const point = checked(pointSchema, request.body) as PastPoint;
      const state = await pastOrRefuse(id, point);
      const when = await timeOf(db, id, point);
      const suffix = ` (restored ${when ? pointInTime(when).replace(/ \d{4} /, ' ') : `at ${'at' in point ? point.at : `version ${point.version}`}`})`;
      const person = caller(request);
      const published = await publish(db, openedOf(state, `${state.head.title.slice(0, 200 - suffix.length)}${suffix}`), person);
      await audit(db, { actor: person.username, action: 'scenario-published', target: published.id, detail: { title: published.title, events: published.eventCount, restoredFrom: id, ...point } });
      return reply.code(201).send({ ...published, seq: 0 });
    });

    async function pastOrRefuse(id: string, point: PastPoint) {
      try {
        const state = await pastState(db, id, point);
        if (!state) throw new HttpError(404, NO_SUCH_POINT);
        return state;
      } catch (error) {
        if (error instanceof RangeError) throw new HttpError(404, error.message);
        throw error;
      }
    }
  };
