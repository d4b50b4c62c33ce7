// One throwaway PostgreSQL cluster for the whole server run (Debian's PostgreSQL 15, installed by
// scripts/ensure-postgres.mjs); each test file makes its own database on it (test-server.ts).
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './throwaway-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startThrowawayPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
