// Whom a scenario can be shared with, and the audit log for admins (docs/api.md, "People").
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { admins, signedIn } from '../policy';
import { checked } from '../checks';
import { listPeople } from '../../accounts/people';
import { readAudit } from '../../audit';

export const peopleRoutes =
  ({ db }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/people', { config: { policy: signedIn } }, async () => ({ people: (await listPeople(db)).map(({ username, role }) => ({ username, role })) }));

    app.get('/api/audit', { config: { policy: admins } }, async (request) => {
      const { after } = checked(z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) }), request.query, 'the query');
      return { entries: await readAudit(db, after) };
    });
  };
