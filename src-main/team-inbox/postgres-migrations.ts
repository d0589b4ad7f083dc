/**
 * The layout of the team inbox in PostgreSQL, as numbered steps. A database
 * records the last step it ran in `workbench.schema_version`; opening a store
 * runs the missing steps in one transaction, under an advisory lock so two
 * receivers or apps starting together do not upgrade the same database twice.
 *
 * Everything lives in its own schema, `workbench`, so the tables sit beside a
 * team's other data without clashing, and one GRANT on the schema sets up a
 * read-only viewer (README, "Team inbox").
 */
import type pg from 'pg';

/** Arbitrary, fixed: the key of the advisory lock that serialises upgrades. */
const upgradeLockKey = 7_402_118_022;

/** The channel the store notifies after each commit that added events or forward answers (postgres-live-events.ts listens). */
export const eventsChannel = 'workbench_events';

/**
 * Step 1: the events table. Rows mirror the SQLite store's, with PostgreSQL
 * types. `txid` is the inserting transaction, so a viewer can read only
 * transactions that have finished (ids from the sequence are handed out
 * before commit and may become visible out of order). `body_search` is the
 * tsvector the text search uses, computed at insert from the body text.
 */
const layout1 = `
CREATE TABLE workbench.events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  received_at bigint NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  query text NOT NULL,
  headers text NOT NULL,
  remote_address text,
  body bytea NOT NULL,
  body_text text,
  body_search tsvector NOT NULL,
  bytes_received bigint NOT NULL,
  body_is_json boolean NOT NULL,
  body_too_deep boolean NOT NULL,
  parse_error text,
  truncated boolean NOT NULL,
  kind text NOT NULL,
  api_version text,
  channel text,
  message_type text,
  status text,
  error_code text,
  message_uuid text,
  client_ref text,
  from_addr text,
  to_addr text,
  verdict text NOT NULL,
  verdict_reason text NOT NULL,
  answer_status integer NOT NULL,
  forward text
);
CREATE INDEX events_by_commit_order ON workbench.events (txid, id);
CREATE INDEX events_by_time ON workbench.events (received_at, id);
CREATE INDEX events_by_kind ON workbench.events (kind, id);
CREATE INDEX events_by_channel ON workbench.events (channel, id);
CREATE INDEX events_by_status ON workbench.events (status, id);
CREATE INDEX events_by_verdict ON workbench.events (verdict, id);
CREATE INDEX events_by_error_code ON workbench.events (error_code, id) WHERE error_code IS NOT NULL;
CREATE INDEX events_by_message_uuid ON workbench.events (message_uuid, id) WHERE message_uuid IS NOT NULL;
CREATE INDEX events_by_client_ref ON workbench.events (client_ref, id) WHERE client_ref IS NOT NULL;
CREATE INDEX events_by_sender ON workbench.events (channel, from_addr, id) WHERE kind = 'inbound';
CREATE INDEX events_by_words ON workbench.events USING gin (body_search);
CREATE FUNCTION workbench.announce_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${eventsChannel}', '');
  RETURN NULL;
END $$;
CREATE TRIGGER events_announced AFTER INSERT ON workbench.events
  FOR EACH STATEMENT EXECUTE FUNCTION workbench.announce_events();
`;

/**
 * Step 2: who sent what, for routing (team-routing.ts). Each teammate's app
 * adds a row when a send is accepted; `teammate` is the PostgreSQL role that
 * inserted it, so a teammate cannot file a send under someone else's name.
 */
const layout2 = `
CREATE TABLE workbench.sends (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  teammate text NOT NULL DEFAULT current_user CHECK (teammate = current_user),
  sent_at bigint NOT NULL,
  message_uuid text,
  client_ref text,
  channel text,
  to_addr text
);
CREATE INDEX sends_by_message_uuid ON workbench.sends (message_uuid) WHERE message_uuid IS NOT NULL;
CREATE INDEX sends_by_client_ref ON workbench.sends (client_ref, sent_at) WHERE client_ref IS NOT NULL;
CREATE INDEX sends_by_recipient ON workbench.sends (to_addr, sent_at);
`;

/**
 * Step 3: forward answers reach viewers too. The receiver's router writes what
 * a teammate's app answered into `forward` after the event's own commit;
 * `forwarded_txid` is the transaction that wrote it, so a viewer follows those
 * updates with the same finished-transactions-only cursor as new rows, and the
 * update notifies on the same channel.
 */
const layout3 = `
ALTER TABLE workbench.events ADD COLUMN forwarded_txid xid8;
CREATE INDEX events_by_forward_commit_order ON workbench.events (forwarded_txid, id)
  WHERE forwarded_txid IS NOT NULL;
CREATE TRIGGER events_forward_announced AFTER UPDATE OF forward ON workbench.events
  FOR EACH STATEMENT EXECUTE FUNCTION workbench.announce_events();
`;

/**
 * Step 4: substring search. Searches read the body's text through one
 * immutable function, so a trigram index over it (substringIndexSql) serves
 * them; a valid-UTF-8 body holding U+0000, which PostgreSQL text cannot hold,
 * has no searchable text rather than failing every insert. The word vector of
 * step 1, which could not find part of a word, is no longer written.
 */
const layout4 = `
CREATE FUNCTION workbench.body_search_text(body bytea, body_text text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(body_text, CASE WHEN position('\\x00'::bytea IN body) = 0 THEN convert_from(body, 'UTF8') END) $$;
ALTER TABLE workbench.events ALTER COLUMN body_search DROP NOT NULL;
DROP INDEX workbench.events_by_words;
`;

/** Step n is `steps[n - 1]`; append new steps, never edit one that has shipped. */
const steps = [layout1, layout2, layout3, layout4];

export const postgresSchemaVersion = steps.length;

export class NewerSchemaError extends Error {}

/** What the user should know about the store just opened. */
export interface PostgresStoreLayout {
  /** The layout found, 0 for a new database; below `postgresSchemaVersion` when it was upgraded. */
  fromVersion: number;
  /** Why text search runs without its trigram index, when it does. */
  substringIndexMissing?: string;
}

/** Brings the database up to `postgresSchemaVersion`; throws NewerSchemaError when it is already past it. */
export async function migratePostgresStore(client: pg.ClientBase): Promise<PostgresStoreLayout> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [upgradeLockKey]);
    // Only when missing: CREATE SCHEMA needs CREATE on the database even with IF NOT EXISTS, which a
    // role given a schema made for it by an administrator lacks.
    const schema = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'workbench'");
    if (!schema.rowCount) await client.query('CREATE SCHEMA workbench');
    await client.query(
      'CREATE TABLE IF NOT EXISTS workbench.schema_version (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)',
    );
    const found = await client.query<{ version: number }>('SELECT version FROM workbench.schema_version');
    const version = found.rows[0]?.version ?? 0;
    if (version > postgresSchemaVersion) {
      throw new NewerSchemaError(
        `it was set up by a newer version (layout ${version}, this build knows ${postgresSchemaVersion})`,
      );
    }
    for (const step of steps.slice(version)) await client.query(step);
    await client.query(
      `INSERT INTO workbench.schema_version (id, version) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version`,
      [postgresSchemaVersion],
    );
    const substringIndexMissing = await ensureSubstringIndex(client);
    await client.query('COMMIT');
    return { fromVersion: version, ...(substringIndexMissing ? { substringIndexMissing } : {}) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The trigram index that makes substring search fast on a big inbox. It needs
 * the pg_trgm extension, which a role without CREATE on the database (or a
 * server without the contrib package) cannot install: then search still
 * gives the same answers by reading the rows, and the reason is returned.
 * Tried on every open, so an extension an administrator adds later is used.
 */
async function ensureSubstringIndex(client: pg.ClientBase): Promise<string | undefined> {
  const present = await client.query(
    "SELECT 1 FROM pg_indexes WHERE schemaname = 'workbench' AND indexname = 'events_by_substrings'",
  );
  if (present.rowCount) return undefined;
  await client.query('SAVEPOINT substring_index');
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const found = await client.query<{ schema: string }>(
      `SELECT n.nspname AS schema FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
       WHERE x.extname = 'pg_trgm'`,
    );
    const schema = client.escapeIdentifier(found.rows[0]?.schema ?? 'public');
    await client.query(
      `CREATE INDEX events_by_substrings ON workbench.events
       USING gin (workbench.body_search_text(body, body_text) ${schema}.gin_trgm_ops)`,
    );
    await client.query('RELEASE SAVEPOINT substring_index');
    return undefined;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT substring_index');
    return (error as Error).message;
  }
}
