// The built app, from dist/, for anyone (it holds no data: everything comes from the API), and
// `/s/<id>` links, which open the app on a shared scenario.
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { anyone } from '../policy';
import { SCENARIO_ID } from '../checks';

export const appFileRoutes =
  (distDir: string): FastifyPluginAsync =>
  async (app) => {
    // serve: false — the routes below are declared here, each with its policy.
    await app.register(fastifyStatic, { root: distDir, serve: false, index: false });
    app.get('/', { config: { policy: anyone } }, (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
    app.get('/s/:id', { config: { policy: anyone } }, (request, reply) => {
      const { id } = request.params as { id: string };
      // Any id redirects alike: whether it exists is for the signed-in API to say. Relative, so a
      // server behind a proxy at a sub-path sends people to its own app.
      return reply.redirect(`../?shared=${encodeURIComponent(SCENARIO_ID.test(id) ? id : '')}`);
    });
    app.get('/*', { config: { policy: anyone } }, (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      // Vite names built files by their content: they never change under the same name.
      if (path.startsWith('assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return reply.sendFile(path);
    });
  };
