// The shared library (docs/api.md, "Scenarios"): list, publish, read, replace, rename, delete,
// hand over. Documents stream in and out: a million events are never one string here.
import { Readable, type Readable as ReadableStream } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { caller, HttpError, scenarioEditors, scenarioOwners, scenarioViewers, signedIn } from '../policy';
import { checked } from '../checks';
import { MAX_SCENARIO_FILE_BYTES } from '../../../data/limits';
import { text } from '../../../data/schemas';
import { findPerson } from '../../accounts/people';
import { audit } from '../../audit';
import { readScenarioDocument } from '../../scenarios/read-document';
import { deleteScenario, handOver, listFor, publish, readDocument, readPackedHead, readPackedPart, replaceDocument } from '../../scenarios/scenario-store';
import { renameInJournal } from '../../scenarios/rename-in-journal';
import type { OpenedScenario } from '../../../data/open-scenario';

const idParams = z.object({ id: z.string() });

export const scenarioRoutes =
  ({ db }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    await app.register(documentRoutes(db));

    app.get('/api/scenarios', { config: { policy: signedIn } }, async (request) => ({ scenarios: await listFor(db, caller(request).id) }));

    app.get('/api/scenarios/:id', { config: { policy: scenarioViewers } }, async (request, reply) => {
      const { id } = checked(idParams, request.params, 'the address');
      const document = await readDocument(db, id);
      if (!document) throw new HttpError(404, 'This scenario does not exist or has not been shared with you.');
      return reply
        .header('Content-Type', 'application/json; charset=utf-8')
        .header('Tripwire-Seq', String(document.seq))
        .header('Cache-Control', 'no-store')
        .send(Readable.from(document.parts));
    });

    // The same scenario as the packed parts it is stored in: what the app opens a shared scenario
    // from (no JSON to parse or check again: the server checked every event when it came in).
    app.get('/api/scenarios/:id/packed', { config: { policy: scenarioViewers } }, async (request, reply) => {
      const { id } = checked(idParams, request.params, 'the address');
      const packed = await readPackedHead(db, id);
      if (!packed) throw new HttpError(404, 'This scenario does not exist or has not been shared with you.');
      return reply.header('Cache-Control', 'no-store').send(packed);
    });

    app.get('/api/scenarios/:id/packed/:part', { config: { policy: scenarioViewers } }, async (request, reply) => {
      const { id, part } = checked(z.object({ id: z.string(), part: z.coerce.number().int().min(0).max(100_000) }), request.params, 'the address');
      const bytes = await readPackedPart(db, id, part);
      if (!bytes) throw new HttpError(404, `The scenario has no part ${part}.`);
      return reply.header('Content-Type', 'application/octet-stream').header('Cache-Control', 'no-store').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });

    app.patch('/api/scenarios/:id', { config: { policy: scenarioOwners } }, async (request) => {
      const { id } = checked(idParams, request.params, 'the address');
      const { title } = checked(z.strictObject({ title: text(200) }), request.body);
      // An edit of the details record like any other: heard live by every open page, and kept over the journal (rename-in-journal.ts).
      if (!(await renameInJournal(db, id, title, caller(request).username))) throw new HttpError(404, 'The scenario is gone.');
      await audit(db, { actor: caller(request).username, action: 'scenario-renamed', target: id, detail: { title } });
      return { id, title };
    });

    app.delete('/api/scenarios/:id', { config: { policy: scenarioOwners } }, async (request, reply) => {
      const { id } = checked(idParams, request.params, 'the address');
      await deleteScenario(db, id);
      await audit(db, { actor: caller(request).username, action: 'scenario-deleted', target: id });
      return reply.code(204).send();
    });

    app.put('/api/scenarios/:id/owner', { config: { policy: scenarioViewers } }, async (request) => {
      const { id } = checked(idParams, request.params, 'the address');
      const person = caller(request);
      // The owner, or an admin who can see it (docs/api.md): a scenario's people can always reach someone who may hand it on.
      if (request.access !== 'owner' && person.role !== 'admin') throw new HttpError(403, 'Only the scenario’s owner (or an admin) may hand it over.');
      const { username } = checked(z.strictObject({ username: z.string().max(100) }), request.body);
      const heir = await findPerson(db, username);
      if (!heir) throw new HttpError(404, `No one is called “${username}”.`);
      await handOver(db, id, heir.id, person.username);
      await audit(db, { actor: person.username, action: 'scenario-handed-over', target: id, detail: { to: heir.username } });
      return { id, owner: heir.username };
    });
  };

/** Publishing and replacing documents: the body is handed over as a stream, read and checked as it arrives. */
const documentRoutes =
  (db: ServerContext['db']): FastifyPluginAsync =>
  async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', (request, payload, done) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MAX_SCENARIO_FILE_BYTES) return done(new HttpError(413, `A scenario document may be at most ${MAX_SCENARIO_FILE_BYTES / 1e6} MB.`), undefined);
      done(null, payload);
    });
    const readBody = async (request: FastifyRequest): Promise<OpenedScenario> => {
      const body = request.body as ReadableStream | undefined;
      if (!body || typeof (body as ReadableStream).pipe !== 'function') throw new HttpError(400, 'Send the scenario document as the body (Content-Type: application/json).');
      const opened = await readScenarioDocument(body);
      if (!opened.ok) {
        throw new HttpError(400, `The document was refused; nothing was kept. ${opened.issues.slice(0, 5).map((issue) => `${issue.location}: ${issue.message}`).join('; ')}${opened.issues.length > 5 ? ` (and ${opened.issues.length - 5} more)` : ''}`);
      }
      return opened.value;
    };

    app.post('/api/scenarios', { config: { policy: signedIn } }, async (request, reply) => {
      const person = caller(request);
      const published = await publish(db, await readBody(request), person);
      await audit(db, { actor: person.username, action: 'scenario-published', target: published.id, detail: { title: published.title, events: published.eventCount } });
      return reply.code(201).send({ ...published, seq: 0 });
    });

    app.put('/api/scenarios/:id', { config: { policy: scenarioEditors } }, async (request) => {
      const { id } = checked(idParams, request.params, 'the address');
      const seq = Number(request.headers['tripwire-seq']);
      if (!Number.isSafeInteger(seq) || seq < 0) throw new HttpError(400, 'Say which journal entries the document includes in a Tripwire-Seq header (a whole number).');
      const opened = await readBody(request);
      if (opened.head.id !== id) throw new HttpError(400, `The document's id ("${opened.head.id}") is not this scenario's ("${id}").`);
      try {
        await replaceDocument(db, id, opened, seq, caller(request).username);
      } catch (error) {
        if (error instanceof RangeError) throw new HttpError(409, error.message);
        throw error;
      }
      return { seq };
    });
  };
