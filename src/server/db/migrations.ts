// The database's schema, as numbered steps applied once each, in order, in one transaction each.
// Only what PostgreSQL 15 runs (Debian's; PGlite is newer): the same SQL for both engines.
// Never edit a step that has shipped: add the next one.
import type { Database } from './database';

const MIGRATIONS: readonly string[] = [
  // 1: people, their sessions, sign-in failures, scenarios with their parts, members and journal, the audit log.
  `
  create table people (
    id bigint generated always as identity primary key,
    username text not null unique,
    password_hash text not null,
    role text not null check (role in ('admin', 'member')),
    created_at timestamptz not null default now()
  );
  create table sessions (
    -- The SHA-256 of the cookie's secret: a copy of this table does not sign anyone in.
    id_hash text primary key,
    person_id bigint not null references people (id) on delete cascade,
    csrf_token text not null,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now()
  );
  create index sessions_by_person on sessions (person_id);
  create table sign_in_failures (
    key text not null,
    at timestamptz not null default now()
  );
  create index sign_in_failures_by_key on sign_in_failures (key, at);
  create table scenarios (
    id text primary key,
    owner_id bigint not null references people (id),
    title text not null,
    -- The document without its events (they are in scenario_parts, packed).
    head jsonb not null,
    event_count integer not null,
    -- The journal entries the stored document already includes; and the last entry given a place.
    doc_seq bigint not null default 0,
    last_seq bigint not null default 0,
    everyone text check (everyone in ('viewer', 'editor')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    updated_by text not null
  );
  create table scenario_parts (
    scenario_id text not null references scenarios (id) on delete cascade,
    part integer not null,
    packed bytea not null,
    primary key (scenario_id, part)
  );
  create table scenario_members (
    scenario_id text not null references scenarios (id) on delete cascade,
    person_id bigint not null references people (id) on delete cascade,
    role text not null check (role in ('viewer', 'editor')),
    primary key (scenario_id, person_id)
  );
  create index scenario_members_by_person on scenario_members (person_id);
  create table edits (
    scenario_id text not null references scenarios (id) on delete cascade,
    seq bigint not null,
    client_id uuid not null,
    author text not null,
    step text not null check (step in ('do', 'undo', 'redo')),
    edits jsonb not null,
    made_at timestamptz not null,
    received_at timestamptz not null default now(),
    primary key (scenario_id, seq),
    unique (scenario_id, client_id)
  );
  create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    actor text,
    action text not null,
    target text,
    detail jsonb,
    address text
  );
  `,
  // 2: each part lists its events' ids, so one event is found without unpacking every part.
  `
  alter table scenario_parts add column ids text[]
  `,
  // 3: history. Each edit says the journal place its author had seen (base_seq) and whether someone
  // else had changed one of its records since (stale). Every whole version a scenario had is kept
  // (a PUT, a checkpoint), so any past state can be rebuilt: a version plus the journal after it.
  // The document now current says when and by whom it was saved (doc_saved_at/by), and whether it
  // is the server's checkpoint (a fold of the journal, no one's change), which it keeps as a version.
  `
  alter table edits add column base_seq bigint;
  alter table edits add column stale boolean not null default false;
  alter table scenarios add column doc_saved_at timestamptz;
  alter table scenarios add column doc_saved_by text;
  alter table scenarios add column doc_checkpoint boolean not null default false;
  create index edits_by_author on edits (scenario_id, author, seq);
  create table scenario_versions (
    scenario_id text not null references scenarios (id) on delete cascade,
    version integer not null,
    seq bigint not null,
    head jsonb not null,
    event_count integer not null,
    saved_at timestamptz not null default now(),
    saved_by text not null,
    checkpoint boolean not null default false,
    primary key (scenario_id, version)
  );
  create table scenario_version_parts (
    scenario_id text not null,
    version integer not null,
    part integer not null,
    packed bytea not null,
    ids text[],
    primary key (scenario_id, version, part),
    foreign key (scenario_id, version) references scenario_versions (scenario_id, version) on delete cascade
  )
  `,
  // 4: feeds. An admin lists the addresses the server may poll; an editor has an event set follow one.
  `
  create table feeds (
    id bigint generated always as identity primary key,
    name text not null unique,
    url text not null unique,
    every_minutes integer not null check (every_minutes between 1 and 1440),
    added_by text not null,
    added_at timestamptz not null default now()
  );
  create table feed_follows (
    scenario_id text not null references scenarios (id) on delete cascade,
    event_set_id text not null,
    feed_id bigint not null references feeds (id) on delete cascade,
    added_by text not null,
    last_polled_at timestamptz,
    last_ok_at timestamptz,
    last_error text,
    primary key (scenario_id, event_set_id)
  )
  `,
  // 5: presence. Who has a scenario open on any server process, and what they have selected; a row
  // not seen for a while is someone who left without a word.
  `
  create table presence (
    connection_id uuid primary key,
    scenario_id text not null references scenarios (id) on delete cascade,
    person_id bigint not null references people (id) on delete cascade,
    selected text,
    seen_at timestamptz not null default now()
  );
  create index presence_by_scenario on presence (scenario_id)
  `,
];

/** Brings the database's schema up to date; safe to call at every start. */
export async function migrate(db: Database): Promise<void> {
  await db.query('create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())');
  const done = new Set((await db.query<{ version: number }>('select version from schema_migrations')).map((row) => Number(row.version)));
  for (const [index, sql] of MIGRATIONS.entries()) {
    const version = index + 1;
    if (done.has(version)) continue;
    await db.transaction(async (tx) => {
      // Two server processes starting at once on one PostgreSQL: the second waits, then finds it done.
      await tx.query('lock table schema_migrations in exclusive mode');
      if ((await tx.query('select 1 from schema_migrations where version = $1', [version])).length > 0) return;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    });
  }
}

/** The statements of a migration (a parameterised query takes one at a time). Comments go first; no string here holds a semicolon. */
const splitStatements = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
