/**
 * The mapping between a recorded webhook and a row of `workbench.events`.
 * Rows are read back through the SQLite store's `rowToEvent`, so both stores
 * hand out identical events; the select list here renames PostgreSQL's types
 * into the shape that function reads.
 *
 * PostgreSQL text cannot hold U+0000, which a hostile body, header or JSON
 * string can carry: every text value is stored with it replaced by U+FFFD
 * (the body's bytes themselves are kept exactly, as bytea), so such a webhook
 * is recorded instead of failing the insert and being answered 503 forever.
 */
import { insertedColumns, recordColumnValues, rowToEvent } from '../webhooks/event-schema';
import type { NewWebhookRecord, WebhookEvent } from '../webhooks/event-types';

/** Longest body text indexed for search: keeps a 1 MiB body's tsvector under PostgreSQL's 1 MB limit. */
const maxIndexedChars = 100_000;

/** Parameters in `recordToParameters` order; the last one is the text the search vector is built from. */
export const insertEventSql = `INSERT INTO workbench.events (${insertedColumns.join(', ')}, body_search)
  VALUES (${insertedColumns.map((_, index) => `$${index + 1}`).join(', ')},
    to_tsvector('simple', $${insertedColumns.length + 1}))
  RETURNING id`;

/** Every column but the raw body's bytes as such (the text is derived from them). */
export const eventColumnsSql = `e.id, e.received_at, e.method, e.path, e.query, e.headers, e.remote_address,
  octet_length(e.body) AS body_size, e.body, e.body_text, e.bytes_received, e.body_is_json::int AS body_is_json,
  e.parse_error, e.truncated::int AS truncated, e.kind, e.api_version, e.channel, e.message_type, e.status,
  e.error_code, e.message_uuid, e.client_ref, e.from_addr, e.to_addr, e.verdict, e.verdict_reason,
  e.answer_status, e.forward, e.body_too_deep::int AS body_too_deep`;

/** Makes a string storable as PostgreSQL text. */
export function storableText(value: string): string;
export function storableText(value: string | null): string | null;
export function storableText(value: string | null): string | null {
  return value === null || !value.includes('\u0000') ? value : value.replaceAll('\u0000', '\uFFFD');
}

/** The SQLite store's column values, each text made storable, then the text to index. */
export function recordToParameters(record: NewWebhookRecord): unknown[] {
  return [
    ...recordColumnValues(record).map((value) => (typeof value === 'string' ? storableText(value) : value)),
    storableText(record.bodyText.slice(0, maxIndexedChars)),
  ];
}

const lossyUtf8 = new TextDecoder('utf-8');

/** Maps a row selected with `eventColumnsSql`. */
export function postgresRowToEvent(row: Record<string, unknown>): WebhookEvent {
  const bodyText = row.body_text ?? lossyUtf8.decode(row.body as Buffer);
  return rowToEvent({ ...row, body_text: bodyText });
}
