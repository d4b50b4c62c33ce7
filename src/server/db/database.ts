// One way for the server to talk SQL, over either engine: PGlite (PostgreSQL compiled to
// WebAssembly, in this process, data under ./data) by default, or a real PostgreSQL server when
// DATABASE_URL is set. Both take the same parameterised SQL ($1, $2…) and the same migrations;
// every value reaches the database as a parameter, never spliced into the text.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  /** Runs one statement with its parameters; the rows it returns. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgresql';
  /**
   * Hears PostgreSQL's NOTIFY on `channel` (from this process or any other on the database);
   * resolves with the way to stop. A notification is sent only when its transaction commits.
   */
  listen(channel: string, onNotice: (payload: string) => void): Promise<() => Promise<void>>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite, with its data in `dataDir` (or in memory when none: tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const query = async <Row,>(sql: string, params: readonly unknown[] = []) => (await db.query<Row>(sql, params as unknown[])).rows;
  return {
    kind: 'pglite',
    query,
    // PGlite runs one statement at a time: a transaction holds the database until it ends.
    transaction: (work) => db.transaction((tx) => work({ query: async <Row,>(sql: string, params: readonly unknown[] = []) => (await tx.query<Row>(sql, params as unknown[])).rows })),
    listen: (channel, onNotice) => db.listen(channel, onNotice),
    close: () => db.close(),
  };
}

/** A PostgreSQL server, through a pool of connections. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail now, with the server's own words, rather than at the first request.
  await pool.query('select 1');
  const query = async <Row,>(sql: string, params: readonly unknown[] = []) => (await pool.query(sql, params as unknown[])).rows as Row[];
  return {
    kind: 'postgresql',
    query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: async <Row,>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as Row[] });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotice) {
      // A connection of its own, held open: pooled connections come and go.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (notice) => {
        if (notice.channel === channel) onNotice(notice.payload ?? '');
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return () => client.end();
    },
    close: () => pool.end(),
  };
}
