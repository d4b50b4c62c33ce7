// The database the server and the `users` command use: a PostgreSQL server when DATABASE_URL is
// set, else PGlite under the data directory. Migrated on open.
import { openPglite, openPostgres, type Database } from './db/database';
import { migrate } from './db/migrations';
import { dataPaths } from './data-dir';

export async function openDatabase({ databaseUrl, dataDir }: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(dataPaths(dataDir).database);
  await migrate(db);
  return db;
}
