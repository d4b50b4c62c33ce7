// Feeds (docs/api.md, "Feeds"): admins keep the list of addresses the server may poll; an editor
// has one of a scenario's event sets follow a listed feed (by its id: never an address a member
// types, so the server cannot be pointed into the internal network); everyone who may view the
// scenario reads how its feeds are doing.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { admins, caller, HttpError, scenarioEditors, scenarioViewers, signedIn } from '../policy';
import { checked } from '../checks';
import { kebabId, text } from '../../../data/schemas';
import { audit } from '../../audit';
import { addFeed, findFeed, follow, followsOf, listFeeds, removeFeed, unfollow } from '../../feeds/feed-store';
import { eventSetsOf } from '../../feeds/scenario-events';

const feedUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2,000 characters')
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'must be an http:// or https:// address')
  // Stored as the URL standard writes it: a redirect's target is compared with the list that way.
  .transform((value) => new URL(value).toString());

const newFeed = z.strictObject({
  name: text(100),
  url: feedUrl,
  everyMinutes: z.number().int().min(1, 'must be at least 1 minute').max(1440, 'must be at most 1,440 minutes (a day)'),
});
const feedParams = z.object({ feedId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const followParams = z.object({ id: z.string(), eventSetId: kebabId });

export const feedRoutes =
  ({ db }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    // Members see names and intervals (what they may follow); only admins see the addresses.
    app.get('/api/feeds', { config: { policy: signedIn } }, async (request) => {
      const feeds = await listFeeds(db);
      if (caller(request).role === 'admin') return { feeds };
      return { feeds: feeds.map(({ id, name, everyMinutes }) => ({ id, name, everyMinutes })) };
    });

    app.post('/api/feeds', { config: { policy: admins } }, async (request, reply) => {
      const body = checked(newFeed, request.body);
      const by = caller(request).username;
      const feed = await addFeed(db, body, by);
      if (!feed) throw new HttpError(409, `A feed with the name “${body.name}” or the address ${body.url} is already listed.`);
      await audit(db, { actor: by, action: 'feed-added', target: String(feed.id), detail: { name: feed.name, url: feed.url, everyMinutes: feed.everyMinutes } });
      return reply.code(201).send({ feed });
    });

    app.delete('/api/feeds/:feedId', { config: { policy: admins } }, async (request, reply) => {
      const { feedId } = checked(feedParams, request.params, 'the address');
      const feed = await removeFeed(db, feedId);
      if (!feed) throw new HttpError(404, `There is no feed ${feedId}.`);
      await audit(db, { actor: caller(request).username, action: 'feed-removed', target: String(feed.id), detail: { name: feed.name, url: feed.url } });
      return reply.code(204).send();
    });

    app.get('/api/scenarios/:id/feeds', { config: { policy: scenarioViewers } }, async (request) => {
      const { id } = checked(z.object({ id: z.string() }), request.params, 'the address');
      return { follows: await followsOf(db, id) };
    });

    app.put('/api/scenarios/:id/feeds/:eventSetId', { config: { policy: scenarioEditors } }, async (request) => {
      const { id, eventSetId } = checked(followParams, request.params, 'the address');
      const { feedId } = checked(z.strictObject({ feedId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }), request.body);
      const feed = await findFeed(db, feedId);
      if (!feed) throw new HttpError(404, `There is no feed ${feedId} on the admin's list.`);
      const sets = await eventSetsOf(db, id);
      if (!sets?.some((set) => set.id === eventSetId)) throw new HttpError(404, `The scenario has no event set “${eventSetId}”.`);
      const by = caller(request).username;
      await follow(db, id, eventSetId, feedId, by);
      await audit(db, { actor: by, action: 'feed-followed', target: id, detail: { eventSetId, feedId, feed: feed.name } });
      return { follow: (await followsOf(db, id)).find((row) => row.eventSetId === eventSetId) };
    });

    app.delete('/api/scenarios/:id/feeds/:eventSetId', { config: { policy: scenarioEditors } }, async (request, reply) => {
      const { id, eventSetId } = checked(followParams, request.params, 'the address');
      if (!(await unfollow(db, id, eventSetId))) throw new HttpError(404, `The event set “${eventSetId}” follows no feed.`);
      await audit(db, { actor: caller(request).username, action: 'feed-unfollowed', target: id, detail: { eventSetId } });
      return reply.code(204).send();
    });
  };
