/**
 * Keeps the FTS5 index of bodies a step behind the event writes: rows are
 * indexed in bulk after they are committed, never inside the commit a
 * webhook's answer waits for. A text search first catches up, so it always
 * sees every committed event. After a crash the index catches up on open,
 * since the watermark moves in the same transaction as the rows it covers.
 */
import type Database from 'libsql';
import { bodyTextSql } from './event-schema';

export interface TextIndexer {
  /** Notes that rows were added; indexing follows within `intervalMs`. */
  rowsAdded(): void;
  /** Indexes everything committed so far. */
  catchUp(): void;
  close(): void;
}

export interface TextIndexerOptions {
  /** How long new rows may wait to be indexed; default 200 ms. */
  intervalMs?: number;
  /** Rows per indexing transaction; default 5000. */
  batchSize?: number;
  /** Told when background indexing fails; a later search retries it. */
  onError?: (error: unknown) => void;
}

export function createTextIndexer(db: Database.Database, options: TextIndexerOptions = {}): TextIndexer {
  const batchSize = options.batchSize ?? 5000;
  // Rows are read by column name: libsql's Statement.pluck() does not apply to get().
  const readWatermark = db.prepare('SELECT indexed_through AS value FROM text_index_progress WHERE id = 1');
  const lastIdOfBatch = db.prepare(
    'SELECT max(id) AS value FROM (SELECT id FROM events WHERE id > ? ORDER BY id LIMIT ?)',
  );
  const indexRange = db.prepare(
    `INSERT INTO events_fts (rowid, body_text) SELECT id, ${bodyTextSql('events')} FROM events WHERE id > ? AND id <= ?`,
  );
  const moveWatermark = db.prepare('UPDATE text_index_progress SET indexed_through = ? WHERE id = 1');
  // IMMEDIATE: the store's writer thread indexes too, and a deferred transaction that read the
  // watermark before the other connection committed could not upgrade to a write (SQLITE_BUSY).
  const indexOneBatch = db.transaction((): boolean => {
    const from = (readWatermark.get() as { value: number }).value;
    const through = (lastIdOfBatch.get(from, batchSize) as { value: number | null }).value;
    if (through === null) return false;
    indexRange.run(from, through);
    moveWatermark.run(through);
    return true;
  }).immediate;

  let timer: NodeJS.Timeout | undefined;

  function catchUp(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (indexOneBatch()) {
      // each pass indexes up to batchSize rows in one transaction
    }
  }

  return {
    rowsAdded() {
      timer ??= setTimeout(() => {
        try {
          catchUp();
        } catch (error) {
          options.onError?.(error);
        }
      }, options.intervalMs ?? 200);
    },
    catchUp,
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
