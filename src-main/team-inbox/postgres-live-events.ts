/**
 * Follows a team inbox live: one connection LISTENs on the store's channel,
 * and each notification (sent by a trigger when a commit added events) makes
 * it read what is new. After a dropped connection it reconnects with backoff
 * and reads everything from its cursor, so nothing committed meanwhile is
 * missed; a viewer that saved its cursor catches up the same way next time.
 *
 * Why the cursor is a transaction position and not an id: ids come from a
 * sequence before commit, so id 7 may become visible after id 8, and "ids
 * after the last one seen" would skip it for good. Each row carries the id of
 * the transaction that inserted it (`txid`); a read takes only rows from
 * transactions older than its snapshot's xmin, all of which have finished,
 * so the set below the cursor never grows afterwards. Rows from transactions
 * still open are read on their own commit's notification; if an unrelated
 * open transaction holds the horizon back, a short re-read follows instead.
 *
 * Forward answers the receiver writes into events already committed are
 * followed the same way, by the transaction that wrote them
 * (`forwarded_txid`), from the same starting point as new events.
 */
import pg from 'pg';
import { eventColumnsSql, postgresRowToEvent } from './postgres-event-rows';
import { eventsChannel } from './postgres-migrations';
import { connectionUrl, databaseProblem } from './postgres-connection';
import type { WebhookEvent } from '../webhooks/event-types';

export type TeamFeedState =
  | { phase: 'connecting' }
  | { phase: 'live' }
  | { phase: 'reconnecting'; reason: string; retryInMs: number }
  | { phase: 'stopped' };

export interface TeamFeedOptions {
  /** The team inbox; a read-only role is enough (README, "Team inbox"). */
  url: string;
  /** Used instead of one in the URL; else PGPASSWORD or ~/.pgpass. */
  password?: string;
  /** Where to continue from (a `cursor` a previous feed reported); default: events committed from now on. */
  cursor?: string;
  /** New events in commit order, with the cursor to save to continue after them. */
  onEvents(events: WebhookEvent[], cursor: string): void;
  /** Events the receiver has since stored a forward answer for (`forward` set), in commit order. */
  onForwarded?(events: WebhookEvent[]): void;
  onState?(state: TeamFeedState): void;
  /** Most rows per read; default 1000. */
  pageSize?: number;
  /** Re-read delay while an open transaction holds the horizon back; default 250 ms. */
  pendingRecheckMs?: number;
  /** First reconnect delay, doubled up to `maxReconnectMs`; defaults 250 ms and 5 s. */
  reconnectMs?: number;
  maxReconnectMs?: number;
}

export interface TeamFeed {
  /** The position after the last event delivered. */
  cursor(): string | undefined;
  stop(): Promise<void>;
}

interface Position {
  txid: string;
  id: string;
}

const encodeCursor = (position: Position) => `${position.txid}:${position.id}`;

function decodeCursor(cursor: string | undefined): Position | undefined {
  const match = cursor === undefined ? null : /^(\d{1,20}):(\d{1,19})$/.exec(cursor);
  return match ? { txid: match[1]!, id: match[2]! } : undefined;
}

function positionAfter(rows: Record<string, unknown>[]): Position | undefined {
  const last = rows[rows.length - 1];
  return last ? { txid: String(last.position_txid), id: String(last.id) } : undefined;
}

export function followTeamInbox(options: TeamFeedOptions): TeamFeed {
  const pageSize = options.pageSize ?? 1000;
  let position = decodeCursor(options.cursor);
  // Forward answers are followed from where events start; only new events' place is worth saving.
  let forwardPosition = position && { txid: position.txid, id: '0' };
  let client: pg.Client | undefined;
  let stopped = false;
  let reading: Promise<void> | undefined;
  let readAgain = false;
  let recheck: NodeJS.Timeout | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let reconnectDelay = options.reconnectMs ?? 250;

  async function readNew(connection: pg.Client): Promise<void> {
    await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const horizonRow = await connection.query<{ horizon: string }>(
        'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon',
      );
      const horizon = horizonRow.rows[0]!.horizon;
      const from = position ?? { txid: horizon, id: '0' };
      const forwardFrom = forwardPosition ?? from;
      const finishedAfter = (column: 'txid' | 'forwarded_txid', after: Position) =>
        connection.query<Record<string, unknown>>(
          `SELECT e.${column}::text AS position_txid, ${eventColumnsSql} FROM workbench.events e
           WHERE (e.${column}, e.id) > ($1::xid8, $2::bigint) AND e.${column} < $3::xid8
           ORDER BY e.${column}, e.id LIMIT $4`,
          [after.txid, after.id, horizon, pageSize],
        );
      const { rows } = await finishedAfter('txid', from);
      const forwarded = await finishedAfter('forwarded_txid', forwardFrom);
      const pending = await connection.query<{ pending: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM workbench.events WHERE txid >= $1::xid8)
           OR EXISTS (SELECT 1 FROM workbench.events WHERE forwarded_txid >= $1::xid8) AS pending`,
        [horizon],
      );
      await connection.query('COMMIT');
      position = positionAfter(rows) ?? from;
      forwardPosition = positionAfter(forwarded.rows) ?? forwardFrom;
      if (rows.length > 0) options.onEvents(rows.map(postgresRowToEvent), encodeCursor(position));
      if (forwarded.rows.length > 0) options.onForwarded?.(forwarded.rows.map(postgresRowToEvent));
      if (rows.length === pageSize || forwarded.rows.length === pageSize) readAgain = true;
      else if (pending.rows[0]?.pending) scheduleRecheck();
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  function scheduleRecheck(): void {
    recheck ??= setTimeout(() => {
      recheck = undefined;
      requestRead();
    }, options.pendingRecheckMs ?? 250);
  }

  /** Coalesces notifications: one read at a time, and one more if any arrived meanwhile. */
  function requestRead(): void {
    const connection = client;
    if (stopped || !connection) return;
    if (reading) {
      readAgain = true;
      return;
    }
    reading = (async () => {
      do {
        readAgain = false;
        await readNew(connection);
      } while (readAgain && !stopped && client === connection);
    })()
      .catch((error: unknown) => dropConnection(connection, error))
      .finally(() => {
        reading = undefined;
      });
  }

  function dropConnection(connection: pg.Client, error: unknown): void {
    if (client !== connection) return;
    client = undefined;
    connection.removeAllListeners('notification');
    connection.on('error', () => undefined);
    void connection.end().catch(() => undefined);
    if (stopped) return;
    const retryInMs = reconnectDelay;
    reconnectDelay = Math.min(reconnectDelay * 2, options.maxReconnectMs ?? 5000);
    options.onState?.({
      phase: 'reconnecting',
      reason: databaseProblem(error, connectionUrl(options.url, options.password)),
      retryInMs,
    });
    reconnectTimer = setTimeout(connect, retryInMs);
  }

  function connect(): void {
    reconnectTimer = undefined;
    if (stopped) return;
    options.onState?.({ phase: 'connecting' });
    const connection = new pg.Client({
      connectionString: connectionUrl(options.url, options.password),
      application_name: 'messages-workbench-viewer',
      connectionTimeoutMillis: 5000,
    });
    client = connection;
    connection.on('error', (error) => dropConnection(connection, error));
    connection.on('end', () => dropConnection(connection, new Error('the connection to PostgreSQL closed')));
    connection.on('notification', () => requestRead());
    (async () => {
      await connection.connect();
      await connection.query(`LISTEN ${eventsChannel}`);
      // Without a cursor the feed starts here: every transaction still open, or yet to come, will be read.
      if (!position) {
        const { rows } = await connection.query<{ horizon: string }>(
          'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon',
        );
        position = { txid: rows[0]!.horizon, id: '0' };
      }
      forwardPosition ??= { txid: position.txid, id: '0' };
      if (client !== connection) return;
      reconnectDelay = options.reconnectMs ?? 250;
      options.onState?.({ phase: 'live' });
      // Catch up on whatever was committed while this viewer was away (or since its saved cursor).
      requestRead();
    })().catch((error: unknown) => dropConnection(connection, error));
  }

  connect();
  return {
    cursor: () => (position ? encodeCursor(position) : undefined),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (recheck) clearTimeout(recheck);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await reading;
      const connection = client;
      client = undefined;
      if (connection) {
        connection.removeAllListeners();
        connection.on('error', () => undefined);
        await connection.end().catch(() => undefined);
      }
      options.onState?.({ phase: 'stopped' });
    },
  };
}
