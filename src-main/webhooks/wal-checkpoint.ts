/**
 * Copies the WAL's pages into the database file, as a step of the writer
 * thread's deferred work (deferred-work.ts), not inside a webhook's commit.
 *
 * Why: SQLite checkpoints on its own in the commit that takes the WAL past
 * 1,000 pages (4 MB, some 1,500 stored webhooks), and with synchronous =
 * NORMAL that checkpoint fsyncs the WAL and the database file. On a virtual
 * disk it held the commit 15-22 ms; every webhook of the batch, and every
 * batch queued behind it, waited that long for its answer. Both connections
 * turn the automatic checkpoint off (a drain before a read on the main thread
 * would otherwise pay it there), and the writer checkpoints when the receiver
 * is quiet, or once enough has been written that the WAL should not grow more.
 */
import type Database from 'libsql';

/** Turns off the checkpoint SQLite would run inside a commit; this connection never checkpoints by itself. */
export function leaveCheckpointsToWriter(db: Database.Database): void {
  db.pragma('wal_autocheckpoint = 0');
}

/** One checkpoint that waits for no reader: pages a reader still needs stay in the WAL for the next one. */
export function checkpointWal(db: Database.Database): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}
