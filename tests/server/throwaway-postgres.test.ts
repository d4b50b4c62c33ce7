// The throwaway PostgreSQL (tests/server/throwaway-postgres.ts) is a real server of its own: it
// starts, answers SQL, makes more databases, and leaves nothing behind when stopped.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

const query = async <T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
};

/** Whether something takes TCP connections on 127.0.0.1:port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** The server's folder: its Unix socket is there (`unix_socket_directories`), next to the data. */
const folderOf = async (url: string) => (await query<{ setting: string }>(url, "select setting from pg_settings where name = 'unix_socket_directories'"))[0]!.setting;

describe('a throwaway PostgreSQL', () => {
  let server: ThrowawayPostgres;
  let started = 0;
  beforeAll(async () => {
    const from = performance.now();
    server = await startThrowawayPostgres();
    started = performance.now() - from;
  }, 60_000);
  afterAll(() => server?.stop());

  it('starts in a few seconds, on 127.0.0.1, as the tripwire user, with the tripwire database', async () => {
    expect(started).toBeLessThan(10_000);
    const url = new URL(server.url);
    expect(url.protocol).toBe('postgresql:');
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.username).toBe('tripwire');
    expect(url.pathname).toBe('/tripwire');
    const [row] = await query<{ version: string; database: string; user: string; encoding: string }>(
      server.url,
      'select version() as version, current_database() as database, current_user as user, pg_encoding_to_char(encoding) as encoding from pg_database where datname = current_database()',
    );
    expect(row!.version).toMatch(/^PostgreSQL \d+/);
    expect(row!.version).toBe(server.version);
    expect(row).toMatchObject({ database: 'tripwire', user: 'tripwire', encoding: 'UTF8' });
  });

  it('runs with durability off, for speed', async () => {
    const rows = await query<{ name: string; setting: string }>(server.url, "select name, setting from pg_settings where name in ('fsync', 'full_page_writes', 'synchronous_commit', 'listen_addresses') order by name");
    expect(Object.fromEntries(rows.map((row) => [row.name, row.setting]))).toEqual({ fsync: 'off', full_page_writes: 'off', synchronous_commit: 'off', listen_addresses: '127.0.0.1' });
  });

  it('keeps text and bytes as they are', async () => {
    const [row] = await query<{ text: string; bytes: Buffer }>(server.url, "select '서울 🚀 Tōkyō' as text, '\\x00ff10'::bytea as bytes");
    expect(row!.text).toBe('서울 🚀 Tōkyō');
    expect([...row!.bytes]).toEqual([0x00, 0xff, 0x10]);
  });

  it('makes a fresh, empty database on the same cluster, separate from the others', async () => {
    await query(server.url, 'create table in_tripwire (id int)');
    const url = await freshDatabase(server.url, 'worker_1');
    expect(url).toBe(server.url.replace(/\/tripwire$/, '/worker_1'));
    const [row] = await query<{ database: string; tables: string }>(url, "select current_database() as database, count(*) as tables from pg_tables where schemaname = 'public'");
    expect(row).toEqual({ database: 'worker_1', tables: '0' });
    await expect(freshDatabase(server.url, 'worker_1')).rejects.toThrow(/already exists/);
    await expect(freshDatabase(server.url, 'bad"; drop database tripwire; --')).rejects.toThrow(/not a plain database name/);
  });

  it('stops the server and removes its folder; stopping again is harmless', async () => {
    const other = await startThrowawayPostgres();
    const port = Number(new URL(other.url).port);
    const folder = await folderOf(other.url);
    expect(existsSync(`${folder}/data/PG_VERSION`)).toBe(true);
    expect(port).not.toBe(Number(new URL(server.url).port));
    const from = performance.now();
    await other.stop();
    const stopping = performance.now() - from;
    expect(existsSync(folder)).toBe(false);
    expect(await listening(port)).toBe(false);
    expect(stopping).toBeLessThan(5_000);
    await other.stop();
    // The first server is untouched.
    expect((await query<{ one: number }>(server.url, 'select 1 as one'))[0]!.one).toBe(1);
  }, 60_000);
});
