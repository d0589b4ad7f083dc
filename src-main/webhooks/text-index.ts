/**
 * Keeps the FTS5 index of bodies a step behind the event writes: rows are
 * indexed in bulk after they are committed, never inside the commit a
 * webhook's answer waits for. The writer thread indexes when the receiver is
 * quiet (deferred-work.ts). A text search checks the rows past the watermark
 * itself (event-queries.ts), or catches up first when only the index can
 * fold its words' case, so it always sees every committed event. After a crash the index catches up on open,
 * since the watermark moves in the same transaction as the rows it covers.
 */
import type Database from 'libsql';
import { bodyTextSql } from './event-schema';

export interface TextIndexer {
  /** Indexes the next `limit` rows (default 5000) in one transaction; returns how many were indexed. */
  indexBatch(limit?: number): number;
  /** Indexes everything committed so far. */
  catchUp(): void;
  /** The highest event id the index covers: rows past it are not indexed yet. */
  indexedThrough(): number;
}

/** Rows per indexing transaction when catching up. */
const rowsPerBatch = 5000;

export function createTextIndexer(db: Database.Database): TextIndexer {
  // Rows are read by column name: libsql's Statement.pluck() does not apply to get().
  const readWatermark = db.prepare('SELECT indexed_through AS value FROM text_index_progress WHERE id = 1');
  const batchEnd = db.prepare(
    'SELECT max(id) AS last, count(*) AS rows FROM (SELECT id FROM events WHERE id > ? ORDER BY id LIMIT ?)',
  );
  const indexRange = db.prepare(
    `INSERT INTO events_fts (rowid, body_text) SELECT id, ${bodyTextSql('events')} FROM events WHERE id > ? AND id <= ?`,
  );
  const moveWatermark = db.prepare('UPDATE text_index_progress SET indexed_through = ? WHERE id = 1');
  // IMMEDIATE: the store's writer thread indexes too, and a deferred transaction that read the
  // watermark before the other connection committed could not upgrade to a write (SQLITE_BUSY).
  const indexBatch = db.transaction((limit: number = rowsPerBatch): number => {
    const from = (readWatermark.get() as { value: number }).value;
    const { last, rows } = batchEnd.get(from, limit) as { last: number | null; rows: number };
    if (last === null) return 0;
    indexRange.run(from, last);
    moveWatermark.run(last);
    return Number(rows);
  }).immediate;

  return {
    indexBatch: (limit) => indexBatch(limit),
    indexedThrough: () => (readWatermark.get() as { value: number }).value,
    catchUp() {
      while (indexBatch() > 0) {
        // each pass indexes up to rowsPerBatch rows in one transaction
      }
    },
  };
}
