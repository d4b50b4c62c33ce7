// Whether the server is up and on which database (docs/api.md, "Health"). The app asks this first:
// a JSON answer here is how it knows a team server is behind it.
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../app';
import { anyone } from '../policy';
import packageJson from '../../../../package.json';

export const healthRoutes =
  ({ db }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/health', { config: { policy: anyone } }, async (_request, reply) => {
      await db.query('select 1'); // up means the database answers too
      return reply.header('Cache-Control', 'no-store').send({ ok: true, database: db.kind, version: packageJson.version });
    });
  };
