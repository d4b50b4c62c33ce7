// Who may see and edit a scenario (docs/api.md, "Members"): only its owner shares.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../app';
import { caller, HttpError, scenarioOwners, scenarioViewers } from '../policy';
import { checked } from '../checks';
import { findPerson } from '../../accounts/people';
import { audit } from '../../audit';
import { membersOf, removeMember, setEveryone, setMember } from '../../scenarios/scenario-store';

const memberParams = z.object({ id: z.string(), username: z.string().max(100) });
const role = z.enum(['viewer', 'editor']);

export const memberRoutes =
  ({ db }: ServerContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/api/scenarios/:id/members', { config: { policy: scenarioViewers } }, async (request) => {
      const { id } = checked(z.object({ id: z.string() }), request.params, 'the address');
      return membersOf(db, id);
    });

    const personNamed = async (username: string, owner: string) => {
      const person = await findPerson(db, username);
      if (!person) throw new HttpError(404, `No one is called “${username}”.`);
      if (person.username === owner) throw new HttpError(400, 'The owner already has every right to the scenario.');
      return person;
    };

    app.put('/api/scenarios/:id/members/:username', { config: { policy: scenarioOwners } }, async (request) => {
      const { id, username } = checked(memberParams, request.params, 'the address');
      const body = checked(z.strictObject({ role }), request.body);
      const owner = caller(request);
      const person = await personNamed(username, owner.username);
      await setMember(db, id, person.id, body.role);
      await audit(db, { actor: owner.username, action: 'member-set', target: id, detail: { username, role: body.role } });
      return { username, role: body.role };
    });

    app.delete('/api/scenarios/:id/members/:username', { config: { policy: scenarioOwners } }, async (request, reply) => {
      const { id, username } = checked(memberParams, request.params, 'the address');
      const owner = caller(request);
      const person = await personNamed(username, owner.username);
      if (!(await removeMember(db, id, person.id))) throw new HttpError(404, `“${username}” is not a member of this scenario.`);
      await audit(db, { actor: owner.username, action: 'member-removed', target: id, detail: { username } });
      return reply.code(204).send();
    });

    app.put('/api/scenarios/:id/everyone', { config: { policy: scenarioOwners } }, async (request) => {
      const { id } = checked(z.object({ id: z.string() }), request.params, 'the address');
      const body = checked(z.strictObject({ role: role.nullable() }), request.body);
      await setEveryone(db, id, body.role);
      await audit(db, { actor: caller(request).username, action: 'everyone-set', target: id, detail: { role: body.role } });
      return { everyone: body.role };
    });
  };
