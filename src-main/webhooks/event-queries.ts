/**
 * Read-side SQL of the webhook event store: the timeline's filtered, paged
 * list, text search, and the per-message views used for correlation.
 * Everything here is a prepared statement with bound values; user text only
 * reaches SQL as a parameter, and reaches FTS5 as quoted phrases.
 *
 * Search: each typed word must occur somewhere in the body, as any part of
 * it, ignoring case. Words of 3 or more characters are looked up in the
 * trigram index; shorter ones (which have no trigram) are checked with LIKE
 * on the rows the index found, or, when every word is short, on the rows
 * themselves, newest first, which stops as soon as a page is full.
 */
import type Database from 'libsql';
import { bodyTextSql, eventColumnsSql, rowToEvent } from './event-schema';
import type { EventListQuery, EventPage, WebhookEvent } from '../../src-shared/webhook-events';

export type { EventListQuery, EventPage } from '../../src-shared/webhook-events';

export const defaultPageSize = 50;
export const maxPageSize = 1000;

/** Each exact-match filter of the timeline and the column it reads, for either store's SQL. */
export const equalityFilters = [
  ['kind', 'e.kind'],
  ['channel', 'e.channel'],
  ['status', 'e.status'],
  ['verdict', 'e.verdict'],
  ['errorCode', 'e.error_code'],
  ['messageUuid', 'e.message_uuid'],
  ['clientRef', 'e.client_ref'],
] as const;

/**
 * One page of events, newest first. `indexedThrough` is the text index's
 * watermark when the index may lag (text-index.ts): a search checks the rows
 * past it with LIKE, then asks the index for the older ones. Without it the
 * index is taken to cover every row.
 */
export function listEvents(db: Database.Database, query: EventListQuery, indexedThrough?: number): EventPage {
  const requested = Number.isFinite(query.limit) ? Math.trunc(query.limit as number) : defaultPageSize;
  const limit = Math.min(Math.max(requested, 1), maxPageSize);
  const where: string[] = [];
  const values: unknown[] = [];
  for (const [field, column] of equalityFilters) {
    const value = query[field];
    if (value !== undefined) {
      where.push(`${column} = ?`);
      values.push(value);
    }
  }
  if (query.sinceMs !== undefined) {
    where.push('e.received_at >= ?');
    values.push(query.sinceMs);
  }
  if (query.untilMs !== undefined) {
    where.push('e.received_at < ?');
    values.push(query.untilMs);
  }
  const before = parseCursor(query.cursor);
  if (before !== undefined) {
    where.push('e.id < ?');
    values.push(before);
  }
  const words = query.text === undefined ? [] : searchWords(query.text);
  // Checked row by row: words the index cannot find, and long ones it only narrows down (see toFtsQuery).
  for (const word of words.filter((each) => !isIndexable(each) || isLookedUpByTiles(each))) {
    where.push(`${bodyTextSql('e')} LIKE ? ESCAPE '\\'`);
    values.push(likePattern(word));
  }
  const match = toFtsQuery(words.filter(isIndexable));
  const run = (from: string, conditions: string[], order: string, bound: unknown[], rowLimit: number) =>
    db
      .prepare(
        `SELECT ${eventColumnsSql} FROM ${from}
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`,
      )
      .all(...bound, rowLimit) as Record<string, unknown>[];
  let rows: Record<string, unknown>[];
  if (match === '') {
    rows = run('events e', where, 'e.id DESC', values, limit + 1);
  } else {
    // Rows past the watermark are the newest: each indexed word is checked on them with LIKE, first.
    const indexedWords = words.filter((each) => isIndexable(each) && !isLookedUpByTiles(each));
    const unindexed =
      indexedThrough === undefined
        ? []
        : run(
            'events e',
            ['e.id > ?', ...where, ...indexedWords.map(() => `${bodyTextSql('e')} LIKE ? ESCAPE '\\'`)],
            'e.id DESC',
            [indexedThrough, ...values, ...indexedWords.map(likePattern)],
            limit + 1,
          );
    const covered = indexedThrough === undefined ? [] : ['f.rowid <= ?'];
    // Driving the scan from the FTS index, newest rowid first, lets SQLite stop after one page.
    const indexed =
      unindexed.length > limit
        ? []
        : run(
            'events_fts f JOIN events e ON e.id = f.rowid',
            ['events_fts MATCH ?', ...covered, ...where],
            'f.rowid DESC',
            [match, ...(indexedThrough === undefined ? [] : [indexedThrough]), ...values],
            limit + 1 - unindexed.length,
          );
    rows = [...unindexed, ...indexed];
  }
  const events = rows.slice(0, limit).map(rowToEvent);
  const last = events[events.length - 1];
  return { events, nextCursor: rows.length > limit && last ? String(last.id) : null };
}

/**
 * True when LIKE finds the same rows as the trigram index for this search:
 * LIKE folds the case of ASCII letters only, the index of every letter.
 */
export function searchableWithoutIndex(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/** Every event that names this message, oldest first (the order things happened). */
export function eventsForMessage(db: Database.Database, messageUuid: string): WebhookEvent[] {
  const rows = db
    .prepare(`SELECT ${eventColumnsSql} FROM events e WHERE e.message_uuid = ? ORDER BY e.received_at, e.id`)
    .all(messageUuid) as Record<string, unknown>[];
  return rows.map(rowToEvent);
}

/** Inbound webhooks from one sender on one channel, oldest first. */
export function inboundFrom(db: Database.Database, channel: string, from: string, sinceMs: number): WebhookEvent[] {
  const rows = db
    .prepare(
      `SELECT ${eventColumnsSql} FROM events e
       WHERE e.kind = 'inbound' AND e.channel = ? AND e.from_addr = ? AND e.received_at >= ?
       ORDER BY e.received_at, e.id LIMIT ?`,
    )
    .all(channel, from, sinceMs, maxPageSize) as Record<string, unknown>[];
  return rows.map(rowToEvent);
}

function parseCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || !/^\d+$/.test(cursor)) return undefined;
  return Number(cursor);
}

/** The words of a search: what the user typed, split at white space. */
export function searchWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** The trigram index finds words of at least 3 characters (code points, not UTF-16 units). */
function isIndexable(word: string): boolean {
  return [...word].length >= 3;
}

/** A LIKE pattern matching the word anywhere, its own `%`, `_` and `\\` taken literally. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (special) => `\\${special}`)}%`;
}

/**
 * A long ASCII word (a uuid, a URL) is looked up by the trigrams that tile
 * it rather than as a phrase of all its overlapping ones: a third of the
 * index lists to read (a 35-character uuid prefix over 200,000 events: 35 ms
 * instead of 90), and LIKE then checks the rows found. Only ASCII, because
 * LIKE folds ASCII case alone while the index folds every letter.
 */
function isLookedUpByTiles(word: string): boolean {
  return word.length > 9 && /^[\x20-\x7e]+$/.test(word);
}

function tilingTrigrams(word: string): string[] {
  const tiles: string[] = [];
  for (let start = 0; start + 3 <= word.length; start += 3) tiles.push(word.slice(start, start + 3));
  if (word.length % 3 !== 0) tiles.push(word.slice(-3));
  return tiles;
}

/**
 * An FTS5 query that cannot be a syntax error: each word becomes a quoted
 * phrase (of trigrams, so it matches wherever the word occurs), or for a long
 * word its tiling trigrams, all ANDed.
 */
function toFtsQuery(words: string[]): string {
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return words
    .flatMap((word) => (isLookedUpByTiles(word) ? tilingTrigrams(word) : [word]))
    .map(quoted)
    .join(' ');
}
