/**
 * Read-side SQL of the PostgreSQL event store: the same filters, cursor
 * paging and per-message views as the SQLite store (webhooks/event-queries.ts),
 * and the same search: each typed word must occur in the body, as any part
 * of it, ignoring case (ILIKE, served by the trigram index when pg_trgm could
 * be installed; see postgres-migrations.ts). User text only reaches SQL as
 * bound parameters.
 */
import type pg from 'pg';
import { defaultPageSize, equalityFilters, likePattern, maxPageSize, searchWords } from '../webhooks/event-queries';
import type { EventListQuery, EventPage, WebhookEvent } from '../../src-shared/webhook-events';
import { eventColumnsSql, postgresRowToEvent, storableText } from './postgres-event-rows';

type Queryable = Pick<pg.Pool, 'query'>;

export async function listPostgresEvents(db: Queryable, query: EventListQuery): Promise<EventPage> {
  const requested = Number.isFinite(query.limit) ? Math.trunc(query.limit as number) : defaultPageSize;
  const limit = Math.min(Math.max(requested, 1), maxPageSize);
  const where: string[] = [];
  const values: unknown[] = [];
  const bind = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  for (const [field, column] of equalityFilters) {
    const value = query[field];
    if (value !== undefined) where.push(`${column} = ${bind(storableText(value))}`);
  }
  if (query.sinceMs !== undefined) where.push(`e.received_at >= ${bind(Math.ceil(query.sinceMs))}`);
  if (query.untilMs !== undefined) where.push(`e.received_at < ${bind(Math.ceil(query.untilMs))}`);
  if (query.cursor !== undefined && /^\d{1,18}$/.test(query.cursor)) where.push(`e.id < ${bind(query.cursor)}`);
  for (const word of query.text === undefined ? [] : searchWords(storableText(query.text))) {
    where.push(`workbench.body_search_text(e.body, e.body_text) ILIKE ${bind(likePattern(word))}`);
  }
  const sql = `SELECT ${eventColumnsSql} FROM workbench.events e
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC LIMIT ${bind(limit + 1)}`;
  const { rows } = await db.query<Record<string, unknown>>(sql, values);
  const events = rows.slice(0, limit).map(postgresRowToEvent);
  const last = events[events.length - 1];
  return { events, nextCursor: rows.length > limit && last ? String(last.id) : null };
}

export async function getPostgresEvent(db: Queryable, id: number): Promise<WebhookEvent | undefined> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${eventColumnsSql} FROM workbench.events e WHERE e.id = $1`,
    [id],
  );
  return rows[0] ? postgresRowToEvent(rows[0]) : undefined;
}

/** The exact bytes received, for replay. */
export async function getPostgresRawBody(db: Queryable, id: number): Promise<Buffer | undefined> {
  const { rows } = await db.query<{ body: Buffer }>('SELECT body FROM workbench.events WHERE id = $1', [id]);
  return rows[0]?.body;
}

/** Every event that names this message, oldest first. */
export async function postgresEventsForMessage(db: Queryable, messageUuid: string): Promise<WebhookEvent[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${eventColumnsSql} FROM workbench.events e WHERE e.message_uuid = $1 ORDER BY e.received_at, e.id`,
    [storableText(messageUuid)],
  );
  return rows.map(postgresRowToEvent);
}

/** Inbound webhooks from one sender on one channel, oldest first. */
export async function postgresInboundFrom(
  db: Queryable,
  channel: string,
  from: string,
  sinceMs: number,
): Promise<WebhookEvent[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${eventColumnsSql} FROM workbench.events e
     WHERE e.kind = 'inbound' AND e.channel = $1 AND e.from_addr = $2 AND e.received_at >= $3
     ORDER BY e.received_at, e.id LIMIT $4`,
    [storableText(channel), storableText(from), Math.ceil(sinceMs), maxPageSize],
  );
  return rows.map(postgresRowToEvent);
}
