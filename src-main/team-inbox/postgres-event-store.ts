/**
 * The webhook event store in a team's PostgreSQL: the same rows, filters,
 * paging, threads and retention as the embedded SQLite store, behind the same
 * interface (webhooks/event-store-interface.ts), so one receiver can serve a
 * whole team and every teammate's app can watch it.
 *
 * Durability: `append` is one autocommitted INSERT with synchronous_commit on
 * (postgres-connection.ts), so it resolves only after the server has flushed
 * the commit; the receiver answers 2xx after that. While the server is down or
 * unreachable `append` rejects within the connect timeout and the receiver
 * answers 503, which makes Vonage retry. Concurrent appends use separate
 * connections, and PostgreSQL flushes commits that arrive together at once.
 *
 * Credential headers are masked before they reach the database, as in SQLite.
 */
import type pg from 'pg';
import { fail, ok, type Result } from '../../src-shared/result';
import type { EventStore, RetentionPolicy } from '../webhooks/event-store-interface';
import { redactCredentialHeaders } from '../webhooks/header-redaction';
import { recordToEvent } from '../webhooks/event-schema';
import {
  createPostgresPool,
  databaseProblem,
  describeDatabase,
  parseDatabaseUrl,
  type PostgresPoolOptions,
} from './postgres-connection';
import {
  getPostgresEvent,
  getPostgresRawBody,
  listPostgresEvents,
  postgresEventsForMessage,
  postgresInboundFrom,
} from './postgres-event-queries';
import { insertEventSql, recordToParameters } from './postgres-event-rows';
import { migratePostgresStore, NewerSchemaError, postgresSchemaVersion } from './postgres-migrations';

export interface PostgresEventStoreOptions extends Omit<PostgresPoolOptions, 'onError'> {
  /** Applied when the store opens and then every `retentionCheckMs`; no retention when absent. */
  retention?: RetentionPolicy;
  /** How often retention runs; default one minute. */
  retentionCheckMs?: number;
  /** Told about failures with no caller to return to (a broken idle connection, a failed retention pass). */
  onError?: (message: string, error: unknown) => void;
  /** Told, in a sentence for the user, that the layout was upgraded or text search has no index. */
  onNotice?: (message: string) => void;
  /** Clock for retention by age; tests pass their own. */
  now?: () => number;
}

export interface PostgresEventStore extends EventStore {
  /** The database, password hidden. */
  readonly location: string;
  /** The pool, for the live feed and routing records that share its connections. */
  readonly pool: pg.Pool;
}

/** Connects and upgrades the layout; an unreachable server, refused login or newer layout is a returned error. */
export async function createPostgresEventStore(
  options: PostgresEventStoreOptions,
): Promise<Result<PostgresEventStore>> {
  const parsed = parseDatabaseUrl(options.url);
  if (!parsed.ok) return parsed;
  const location = describeDatabase(options.url);
  const onError = options.onError ?? (() => undefined);
  const pool = createPostgresPool({ ...options, onError });
  try {
    const client = await pool.connect();
    try {
      const layout = await migratePostgresStore(client);
      if (layout.fromVersion > 0 && layout.fromVersion < postgresSchemaVersion) {
        options.onNotice?.(
          `Upgraded the team inbox at ${location} to layout ${postgresSchemaVersion}; no event changed.`,
        );
      }
      if (layout.substringIndexMissing !== undefined) {
        options.onNotice?.(
          `Text search in the team inbox at ${location} reads every row, which is slow on a big inbox: the pg_trgm index could not be made (${layout.substringIndexMissing}). An administrator can run CREATE EXTENSION pg_trgm in that database; the next start makes the index.`,
        );
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof NewerSchemaError) {
      return fail(
        'TEAM_STORE_SCHEMA_NEWER',
        `The team inbox at ${location} cannot be used: ${error.message}.`,
        'Update this workbench to the version the rest of the team runs.',
      );
    }
    return fail(
      'TEAM_STORE_UNREACHABLE',
      `The team inbox at ${location} could not be opened: ${databaseProblem(error, options.url)}`,
      'Check that PostgreSQL is running and reachable, and the user name, password and database in the URL.',
    );
  }
  const store = openedStore(pool, location, options, onError);
  if (options.retention) {
    try {
      await store.prune(options.retention);
    } catch (error) {
      onError('Retention could not run.', error);
    }
  }
  return ok(store);
}

function openedStore(
  pool: pg.Pool,
  location: string,
  options: PostgresEventStoreOptions,
  onError: (message: string, error: unknown) => void,
): PostgresEventStore {
  const now = options.now ?? Date.now;
  let closed = false;

  async function prune(policy: RetentionPolicy): Promise<number> {
    let deleted = 0;
    if (policy.maxAgeMs !== undefined) {
      const result = await pool.query('DELETE FROM workbench.events WHERE received_at < $1', [
        Math.ceil(now() - policy.maxAgeMs),
      ]);
      deleted += result.rowCount ?? 0;
    }
    if (policy.maxCount !== undefined) {
      const keep = Math.max(0, Math.trunc(policy.maxCount));
      const result = await pool.query(
        `DELETE FROM workbench.events
         WHERE id <= (SELECT id FROM workbench.events ORDER BY id DESC LIMIT 1 OFFSET $1)`,
        [keep],
      );
      deleted += result.rowCount ?? 0;
    }
    return deleted;
  }

  const retention = options.retention;
  let retentionTimer: NodeJS.Timeout | undefined;
  if (retention) {
    retentionTimer = setInterval(() => {
      prune(retention).catch((error: unknown) => onError('Retention could not run.', error));
    }, options.retentionCheckMs ?? 60_000);
    retentionTimer.unref();
  }

  return {
    location,
    pool,
    async append(record) {
      if (closed) throw new Error('The webhook store is closed.');
      const safe = { ...record, headers: redactCredentialHeaders(record.headers) };
      const { rows } = await pool.query<{ id: string }>(insertEventSql, recordToParameters(safe));
      return recordToEvent(Number(rows[0]?.id), safe);
    },
    async setForward(id, result) {
      await pool.query(
        'UPDATE workbench.events SET forward = $1, forwarded_txid = pg_current_xact_id() WHERE id = $2',
        [JSON.stringify(result), id],
      );
    },
    get: (id) => getPostgresEvent(pool, id),
    getRawBody: (id) => getPostgresRawBody(pool, id),
    list: (query = {}) => listPostgresEvents(pool, query),
    eventsForMessage: (messageUuid) => postgresEventsForMessage(pool, messageUuid),
    inboundFrom: (channel, from, sinceMs) => postgresInboundFrom(pool, channel, from, sinceMs),
    prune,
    async count() {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM workbench.events');
      return Number(rows[0]?.n ?? 0);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retentionTimer) clearInterval(retentionTimer);
      // pool.end waits for queries in flight, so appends already sent still commit and answer.
      await pool.end();
    },
  };
}
