// The WebSocket echo (GET /api/echo, docs/api.md "Diagnostics"), over a real socket with the `ws`
// client the bench uses: it echoes for whoever is signed in, and refuses a handshake signed out or
// from another site's page, with nothing upgraded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { ENGINES, addPeople, openTestDatabase, signIn, startApp, type SignedInClient } from './test-server';
import type { Database } from '../../src/server/db/database';

/**
 * Opens the echo: the socket once open, or the status and body of the refusal once the server has
 * also closed the connection (one it left open would hold its close for ever).
 */
function openEcho(url: string, headers: Record<string, string>): Promise<{ socket: WebSocket } | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.socket.once('close', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.once('error', reject);
  });
}

describe.each(ENGINES)('the WebSocket echo on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  let ann: SignedInClient;
  let url: string;
  let origin: string;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await addPeople(db, { ann: 'member' });
    app = await startApp(db);
    origin = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    url = `${origin.replace('http', 'ws')}/api/echo`;
    ann = await signIn(app, 'ann');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('echoes each message for someone signed in, from the app’s own page', async () => {
    const opened = await openEcho(url, { cookie: ann.cookie, origin });
    if (!('socket' in opened)) throw new Error(`refused: ${opened.status} ${opened.body}`);
    const { socket } = opened;
    const replies: string[] = [];
    const all = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        replies.push(data.toString());
        if (replies.length === 3) resolve();
      }),
    );
    for (const text of ['one', 'two', JSON.stringify({ sent: 3 })]) socket.send(text);
    await all;
    expect(replies).toEqual(['one', 'two', '{"sent":3}']);
    socket.close();
  });

  it('refuses a handshake signed out, or from another site', async () => {
    expect(await openEcho(url, {})).toEqual({ status: 401, body: expect.stringContaining('"error"') });
    expect(await openEcho(url, { cookie: ann.cookie, origin: 'https://elsewhere.example' })).toEqual({ status: 403, body: expect.stringContaining('another site') });
  });

  it('ends a handshake asked of any other address', async () => {
    // A route that is no WebSocket: upgraded and closed at once, never left open.
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/api/scenarios`, { headers: { cookie: ann.cookie } });
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('close', resolve));
    // No route at all: refused, and the connection ended by the server.
    expect(await openEcho(`${origin.replace('http', 'ws')}/api/nothing-here`, { cookie: ann.cookie })).toEqual({ status: 404, body: expect.stringContaining('"error"') });
  });

  it('closes a socket that sends more than a probe needs', async () => {
    const opened = await openEcho(url, { cookie: ann.cookie });
    if (!('socket' in opened)) throw new Error(`refused: ${opened.status}`);
    const closed = new Promise<number>((resolve) => opened.socket.once('close', (code) => resolve(code)));
    opened.socket.send('x'.repeat(17 * 1024));
    expect(await closed).toBe(1009); // "message too big"
  });
});
