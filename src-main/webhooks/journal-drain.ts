/**
 * Moves committed webhooks from the journal into `events`, where the
 * timeline's indexes and the text index cover them. The writer thread drains
 * in bulk once the receiver is quiet (deferred-work.ts); the store's own connection
 * drains whatever is left before it reads, so a read always sees every
 * acknowledged event, and the store drains on open what a crash left behind.
 *
 * Why two steps: a webhook's answer waited for its row and nine index entries
 * to be inserted and committed. The journal has no index, so the commit the
 * answer waits for is a few appended pages; the indexes are then updated for
 * hundreds of rows at once, each touched page written once per drain.
 */
import type Database from 'libsql';
import { moveJournalSql } from './event-schema';

export interface JournalDrain {
  /** True when rows wait in the journal. */
  pending(): boolean;
  /** Moves every journal row into `events`; returns how many moved. */
  drain(): number;
  /** Moves the oldest `limit` journal rows (default 2000) in one transaction; returns how many moved. */
  moveBatch(limit?: number): number;
}

/** Rows per moving transaction: big enough to share page writes, small enough not to hold the lock long. */
const rowsPerMove = 2000;

export function createJournalDrain(db: Database.Database): JournalDrain {
  const anyWaiting = db.prepare('SELECT EXISTS (SELECT 1 FROM events_journal) AS value');
  const lastIdOfBatch = db.prepare('SELECT max(id) AS value FROM (SELECT id FROM events_journal ORDER BY id LIMIT ?)');
  const move = db.prepare(moveJournalSql);
  const forget = db.prepare('DELETE FROM events_journal WHERE id <= ?');
  // IMMEDIATE: both connections drain, and a deferred transaction that read before the other committed could not write.
  const moveBatch = db.transaction((limit: number = rowsPerMove): number => {
    const through = (lastIdOfBatch.get(limit) as { value: number | null }).value;
    if (through === null) return 0;
    move.run(through);
    return forget.run(through).changes;
  }).immediate;

  return {
    pending: () => (anyWaiting.get() as { value: number }).value === 1,
    drain() {
      let moved = 0;
      for (let batch = moveBatch(); batch > 0; batch = moveBatch()) moved += batch;
      return moved;
    },
    moveBatch: (limit) => moveBatch(limit),
  };
}
