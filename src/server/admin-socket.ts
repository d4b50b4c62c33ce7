// How `npm run users` reaches the people of a running server whose embedded database it cannot
// open itself: HTTP over a Unix socket in the data directory, readable and writable by the
// server's owner only (mode 0600). It is never a TCP port: whoever can open the socket can
// already read the data directory, so the socket adds no one.
import { chmodSync, rmSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from './db/database';
import { addPerson, listPeople, PeopleError, removePerson, resetPassword, setRole, ROLES } from './accounts/people';

export const peopleCommandSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('add'), username: z.string(), password: z.string(), role: z.enum(ROLES as ['admin', 'member']) }),
  z.strictObject({ command: z.literal('list') }),
  z.strictObject({ command: z.literal('remove'), username: z.string() }),
  z.strictObject({ command: z.literal('reset-password'), username: z.string(), password: z.string() }),
  z.strictObject({ command: z.literal('set-role'), username: z.string(), role: z.enum(ROLES as ['admin', 'member']) }),
]);
export type PeopleCommand = z.infer<typeof peopleCommandSchema>;

/** Runs one `users` command against the database: what it prints. Throws PeopleError for a refusal. */
export async function runPeopleCommand(db: Database, command: PeopleCommand): Promise<string> {
  switch (command.command) {
    case 'add': {
      const person = await addPerson(db, command, null);
      return `Added ${person.username} (${person.role}).`;
    }
    case 'list': {
      const people = await listPeople(db);
      return people.length === 0 ? 'No one yet: add someone with `npm run users -- add <name> --role admin`.' : people.map((person) => `${person.username}\t${person.role}\tsince ${person.createdAt.slice(0, 10)}`).join('\n');
    }
    case 'remove':
      await removePerson(db, command.username, null);
      return `Removed ${command.username}; their sessions have ended and their scenarios passed to the longest-standing admin.`;
    case 'reset-password':
      await resetPassword(db, command.username, command.password, null);
      return `New password set for ${command.username}; their sessions have ended.`;
    case 'set-role':
      await setRole(db, command.username, command.role, null);
      return `${command.username} is now ${command.role === 'admin' ? 'an admin' : 'a member'}; their sessions have ended.`;
  }
}

export async function listenOnAdminSocket(db: Database, socketPath: string): Promise<FastifyInstance> {
  const admin = Fastify({ bodyLimit: 64 * 1024, logger: false });
  admin.post('/people', async (request, reply) => {
    const parsed = peopleCommandSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'not a people command' });
    try {
      return { output: await runPeopleCommand(db, parsed.data) };
    } catch (error) {
      if (error instanceof PeopleError) return reply.code(error.status).send({ error: error.message });
      throw error;
    }
  });
  rmSync(socketPath, { force: true }); // a socket left by a crash (we hold the data directory's lock)
  await admin.listen({ path: socketPath });
  chmodSync(socketPath, 0o600);
  return admin;
}
