/**
 * The on-disk layout of the webhook event store, and the mapping between a row
 * and a `WebhookEvent`. `PRAGMA user_version` records which layout a file has,
 * so a later version can upgrade it one step at a time.
 */
import { isUtf8 } from 'node:buffer';
import { nestsDeeperThan } from './body-depth';
import type { ForwardResult, NewWebhookRecord, SignatureVerdict, WebhookEvent, WebhookKind } from './event-types';

/**
 * Layout 2 added `body_too_deep` and masks credential headers; layout 3 added
 * the journal; layout 4 indexes bodies by trigrams, for substring search
 * (event-migrations.ts).
 */
export const schemaVersion = 4;

/** The columns of a received request, the same in the journal and in `events`. */
const receivedColumnsSql = `
  received_at INTEGER NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  query TEXT NOT NULL,
  headers TEXT NOT NULL,
  remote_address TEXT,
  body BLOB NOT NULL,
  body_text TEXT,
  bytes_received INTEGER NOT NULL,
  body_is_json INTEGER NOT NULL,
  parse_error TEXT,
  truncated INTEGER NOT NULL,
  kind TEXT NOT NULL,
  api_version TEXT,
  channel TEXT,
  message_type TEXT,
  status TEXT,
  error_code TEXT,
  message_uuid TEXT,
  client_ref TEXT,
  from_addr TEXT,
  to_addr TEXT,
  verdict TEXT NOT NULL,
  verdict_reason TEXT NOT NULL,
  answer_status INTEGER NOT NULL,`;

/**
 * The journal: what a webhook's 2xx waits for. Rows are committed here first,
 * with the columns of \`events\` but no index to update, and moved into
 * \`events\` in bulk after the answer (journal-drain.ts), keeping their ids.
 * Its AUTOINCREMENT hands out every event id, so it starts past the highest
 * id \`events\` ever had (the seed runs once per file, when the table is new).
 */
const createJournalSql = `
CREATE TABLE IF NOT EXISTS events_journal (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
${receivedColumnsSql}
  body_too_deep INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'events_journal', coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)
  WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'events_journal');
`;

/**
 * One row per request. Each timeline filter has an index that ends in `id`, so
 * "filter, newest first, page after a cursor" walks one index backwards and
 * stops after a page. AUTOINCREMENT keeps ids rising even after retention
 * deletes the newest rows, so cursors and the text-index watermark stay valid.
 *
 * The FTS table is contentless (bodies are stored once, in `events`) and is
 * filled in bulk behind the writes, up to `text_index_progress.indexed_through`:
 * indexing 1000 rows per transaction costs 4 µs a row against 13 µs when each
 * small commit indexes its own rows. Its tokens are trigrams, so any run of 3
 * or more characters is found (a uuid prefix, part of a word, `#21`), case
 * folded; event-queries.ts handles shorter words.
 */
export const createSchemaSql = `
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
${receivedColumnsSql}
  forward TEXT,
  body_too_deep INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS events_by_time ON events (received_at, id);
CREATE INDEX IF NOT EXISTS events_by_kind ON events (kind, id);
CREATE INDEX IF NOT EXISTS events_by_channel ON events (channel, id);
CREATE INDEX IF NOT EXISTS events_by_status ON events (status, id);
CREATE INDEX IF NOT EXISTS events_by_verdict ON events (verdict, id);
CREATE INDEX IF NOT EXISTS events_by_error_code ON events (error_code, id) WHERE error_code IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_by_message_uuid ON events (message_uuid, id) WHERE message_uuid IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_by_client_ref ON events (client_ref, id) WHERE client_ref IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_by_sender ON events (channel, from_addr, id) WHERE kind = 'inbound';
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
  body_text, tokenize = 'trigram', content = '', contentless_delete = 1
);
CREATE TABLE IF NOT EXISTS text_index_progress (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through INTEGER NOT NULL
);
INSERT OR IGNORE INTO text_index_progress (id, indexed_through) VALUES (1, 0);
CREATE TRIGGER IF NOT EXISTS events_fts_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_fts WHERE rowid = old.id;
END;
${createJournalSql}`;

/** The columns a new event fills, in the order of `recordColumnValues`; the PostgreSQL store inserts the same. */
export const insertedColumns = [
  'received_at',
  'method',
  'path',
  'query',
  'headers',
  'remote_address',
  'body',
  'body_text',
  'bytes_received',
  'body_is_json',
  'parse_error',
  'truncated',
  'kind',
  'api_version',
  'channel',
  'message_type',
  'status',
  'error_code',
  'message_uuid',
  'client_ref',
  'from_addr',
  'to_addr',
  'verdict',
  'verdict_reason',
  'answer_status',
  'body_too_deep',
];

/** Positional parameters, in `recordToValues` order: binding an array is cheaper than an object of 26 names. */
export const insertJournalSql = `INSERT INTO events_journal (${insertedColumns.join(', ')}) VALUES (${insertedColumns.map(() => '?').join(', ')})`;

/** Moves journal rows up to an id into `events`, ids kept (journal-drain.ts deletes them from the journal after). */
export const moveJournalSql = `INSERT INTO events (id, ${insertedColumns.join(', ')})
  SELECT id, ${insertedColumns.join(', ')} FROM events_journal WHERE id <= ? ORDER BY id`;

/** The body as text: the bytes themselves when they are valid UTF-8, else the stored lossy decoding. */
export function bodyTextSql(table: string): string {
  return `coalesce(${table}.body_text, CAST(${table}.body AS TEXT))`;
}

/** Every column but the raw body, which only replay needs. */
export const eventColumnsSql = `e.id, e.received_at, e.method, e.path, e.query, e.headers, e.remote_address,
  length(e.body) AS body_size, ${bodyTextSql('e')} AS body_text, e.bytes_received, e.body_is_json, e.parse_error, e.truncated,
  e.kind, e.api_version, e.channel, e.message_type, e.status, e.error_code, e.message_uuid, e.client_ref,
  e.from_addr, e.to_addr, e.verdict, e.verdict_reason, e.answer_status, e.forward, e.body_too_deep`;

/** A new event's values in `insertedColumns` order, flags as booleans (each store writes them its own way). */
export function recordColumnValues(record: NewWebhookRecord): Array<string | number | boolean | Buffer | null> {
  const c = record.classification;
  return [
    record.receivedAt,
    record.method,
    record.path,
    record.query,
    JSON.stringify(record.headers),
    record.remoteAddress,
    record.rawBody,
    // Kept only when it differs from the bytes (invalid UTF-8 replaced): most bodies are stored once.
    isUtf8(record.rawBody) ? null : record.bodyText,
    record.bytesReceived,
    record.bodyIsJson,
    record.parseError,
    record.truncated,
    c.kind,
    c.apiVersion,
    c.channel,
    c.messageType,
    c.status,
    c.errorCode,
    c.messageUuid,
    c.clientRef,
    c.from,
    c.to,
    record.verdict,
    record.verdictReason,
    record.answerStatus,
    record.bodyTooDeep,
  ];
}

/** The values SQLite binds: its flags are 0 and 1. */
export function recordToValues(record: NewWebhookRecord): unknown[] {
  return recordColumnValues(record).map((value) => (typeof value === 'boolean' ? Number(value) : value));
}

export function recordToEvent(id: number, record: NewWebhookRecord): WebhookEvent {
  const c = record.classification;
  // JSON.parse never gives undefined: a JSON body without its parsed value is parsed here.
  const body =
    record.bodyIsJson && record.bodyJson === undefined
      ? readBodyJson(record.bodyText, record.bodyIsJson, record.bodyTooDeep)
      : { bodyJson: record.bodyIsJson ? record.bodyJson : undefined, bodyTooDeep: record.bodyTooDeep };
  return {
    id,
    receivedAt: new Date(record.receivedAt).toISOString(),
    method: record.method,
    path: record.path,
    query: record.query,
    headers: record.headers,
    remoteAddress: record.remoteAddress,
    bodySize: record.rawBody.length,
    bytesReceived: record.bytesReceived,
    bodyText: record.bodyText,
    ...body,
    parseError: record.parseError,
    truncated: record.truncated,
    kind: c.kind,
    apiVersion: c.apiVersion,
    channel: c.channel,
    messageType: c.messageType,
    status: c.status,
    errorCode: c.errorCode,
    messageUuid: c.messageUuid,
    clientRef: c.clientRef,
    from: c.from,
    to: c.to,
    verdict: record.verdict,
    verdictReason: record.verdictReason,
    answerStatus: record.answerStatus,
    forward: null,
  };
}

/** Maps a row selected with `eventColumnsSql`. */
export function rowToEvent(row: Record<string, unknown>): WebhookEvent {
  const bodyText = String(row.body_text);
  // Rows stored by builds before layout 2 may hold a JSON body of any depth with body_too_deep = 0.
  const body = readBodyJson(bodyText, row.body_is_json === 1, row.body_too_deep === 1);
  return {
    id: Number(row.id),
    receivedAt: new Date(Number(row.received_at)).toISOString(),
    method: String(row.method),
    path: String(row.path),
    query: String(row.query),
    headers: JSON.parse(String(row.headers)) as Record<string, string>,
    remoteAddress: textOrNull(row.remote_address),
    bodySize: Number(row.body_size),
    bytesReceived: Number(row.bytes_received),
    bodyText,
    ...body,
    parseError: textOrNull(row.parse_error),
    truncated: row.truncated === 1,
    kind: String(row.kind) as WebhookKind,
    apiVersion: textOrNull(row.api_version) as WebhookEvent['apiVersion'],
    channel: textOrNull(row.channel),
    messageType: textOrNull(row.message_type),
    status: textOrNull(row.status),
    errorCode: textOrNull(row.error_code),
    messageUuid: textOrNull(row.message_uuid),
    clientRef: textOrNull(row.client_ref),
    from: textOrNull(row.from_addr),
    to: textOrNull(row.to_addr),
    verdict: String(row.verdict) as SignatureVerdict,
    verdictReason: String(row.verdict_reason),
    answerStatus: Number(row.answer_status),
    forward: row.forward == null ? null : (JSON.parse(String(row.forward)) as ForwardResult),
  };
}

function textOrNull(value: unknown): string | null {
  return value == null ? null : String(value);
}

/** The parsed body, measured before it is parsed so a too-deep one never becomes an object. */
function readBodyJson(
  text: string,
  isJson: boolean,
  knownTooDeep: boolean,
): { bodyJson: unknown; bodyTooDeep: boolean } {
  if (knownTooDeep || (isJson && nestsDeeperThan(text))) return { bodyJson: undefined, bodyTooDeep: true };
  if (!isJson) return { bodyJson: undefined, bodyTooDeep: false };
  try {
    return { bodyJson: JSON.parse(text), bodyTooDeep: false };
  } catch {
    return { bodyJson: undefined, bodyTooDeep: false };
  }
}
