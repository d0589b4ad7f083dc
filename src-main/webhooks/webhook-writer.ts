/**
 * The event store's writer thread (a worker_threads entry; see event-writer.ts
 * for why the writes live here). It owns the only connection that inserts
 * events: each message is one batch, inserted into the journal and committed
 * in one transaction, and answered with the new ids only once the commit is
 * durable, so the receiver's 2xx still follows the fsync that holds its event.
 * Once webhooks stop arriving (or a lag cap is passed) it moves the journal
 * into `events` and indexes the bodies, in slices (deferred-work.ts,
 * journal-drain.ts, text-index.ts).
 *
 * Why the fsync is ours: with synchronous = FULL, SQLite fsyncs the WAL inside
 * each COMMIT, and on this machine's disk that took 1-5 ms, during which the
 * thread could not commit anything else; webhooks were acknowledged at the
 * pace of one fsync per batch of half the open connections. Commits now
 * reach the OS without a sync (synchronous = NORMAL: atomic, consistent, and
 * safe from a process crash), and one fdatasync of the WAL file, run on
 * libuv's pool while the thread goes on committing, makes every commit that
 * came before it durable against a power cut. With power-loss durability a
 * batch is answered only after a sync that started after its commit, so the
 * promise is FULL's; otherwise it is answered at its commit, and a sync runs
 * at most `backgroundSyncMs` later, bounding what a power cut could take.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';
import { insertJournalSql } from './event-schema';
import { createDeferredWork } from './deferred-work';
import { createJournalDrain } from './journal-drain';
import { createTextIndexer } from './text-index';
import type { WriterReply, WriterRequest, WriterSettings } from './event-writer';
import { checkpointWal, leaveCheckpointsToWriter } from './wal-checkpoint';
import { unpackRows, type RowValue } from './writer-rows';

const port = parentPort;
if (!port) throw new Error('webhook-writer runs only as a worker thread');
const settings = workerData as WriterSettings;

const db = new Database(settings.path, { timeout: 5000 });
db.pragma('synchronous = NORMAL');
leaveCheckpointsToWriter(db);
const insert = db.prepare(insertJournalSql);
const insertAll = db.transaction((rows: RowValue[][]) =>
  rows.map((values) => Number(insert.run(...values).lastInsertRowid)),
);
const journal = createJournalDrain(db);
const textIndex = createTextIndexer(db);
/**
 * Slices of about 5 ms each (moving a row costs ~7 µs, indexing one ~37 µs), so
 * a commit waits behind one at most. The caps bound what a read on the main
 * thread may meet during a burst: moving up to 10,000 rows (~0.1 s), and a
 * search's LIKE over up to 50,000 unindexed ones (~25 ms; indexing them
 * there would take seconds). The checkpoint's cap bounds the WAL, which every
 * write grows: 20,000 journal rows are some 35 MB of it, and checkpointing them
 * held the thread about 140 ms, once per 20,000 webhooks of an unbroken
 * stream (SQLite's own checkpoint held it 15-22 ms every 1,500).
 */
const background = settings.backgroundWork ?? {};
const deferred = createDeferredWork({
  idleMs: background.idleMs,
  steps: [
    { runSlice: () => journal.moveBatch(700), maxLagRows: background.maxJournalLagRows ?? 10_000, maxLagMs: 10_000 },
    { runSlice: () => textIndex.indexBatch(150), maxLagRows: background.maxIndexLagRows ?? 50_000, maxLagMs: 30_000 },
    {
      runSlice: () => {
        checkpointWal(db);
        return Infinity;
      },
      fedByCommits: true,
      maxLagRows: background.maxCheckpointLagRows ?? 20_000,
      maxLagMs: 30_000,
    },
  ],
  // A failed slice is left where it is: the next slice, or the store's next read, does it.
  onError: () => undefined,
});

/** Batches committed and not yet answered, in commit order; `commit` numbers them. */
const awaitingSync: Array<{ batch: number; ids: number[]; commit: number }> = [];
let commits = 0;
/** The newest commit a started sync covers. */
let coveredThrough = 0;
let syncsRunning = 0;
/**
 * Syncs that may run at once. A sync covers only what was committed before it
 * started; a second one covers the batches committed during the first, so
 * they wait about one sync, not the rest of the running one and then another.
 */
const maxSyncsRunning = 3;
let walFile: number | undefined;
/** Without syncEachCommit: the pending background sync, and whether a commit came after the last one started. */
let backgroundSync: NodeJS.Timeout | undefined;
let unsyncedCommits = false;

function reply(message: WriterReply): void {
  port?.postMessage(message);
}

function insertBatch(batch: number, packed: ArrayBuffer): void {
  let ids: number[];
  let rows: RowValue[][];
  try {
    rows = unpackRows(packed);
    ids = insertAll(rows);
  } catch (error) {
    reply({ type: 'failed', batch, error });
    return;
  }
  deferred.rowsCommitted(rows.length);
  if (!settings.syncEachCommit) {
    reply({ type: 'inserted', batch, ids });
    unsyncedCommits = true;
    backgroundSync ??= setTimeout(syncInBackground, settings.backgroundSyncMs ?? 1000);
    return;
  }
  awaitingSync.push({ batch, ids, commit: ++commits });
  if (syncsRunning < maxSyncsRunning) syncWal();
}

/** Syncs the WAL for every batch committed so far, then answers the batches it covered. */
function syncWal(): void {
  const covers = commits;
  coveredThrough = covers;
  syncsRunning++;
  const settle = (error: unknown): void => {
    syncsRunning--;
    // A failed sync may have lost the pages: the batch is not durable, so its webhooks get a 503 and are sent again.
    while (awaitingSync.length > 0 && (awaitingSync[0]?.commit ?? Infinity) <= covers) {
      const { batch, ids } = awaitingSync.shift() ?? { batch: -1, ids: [] };
      reply(error ? { type: 'failed', batch, error } : { type: 'inserted', batch, ids });
    }
    if (commits > coveredThrough && syncsRunning < maxSyncsRunning) syncWal();
  };
  let file: number;
  try {
    file = openWal();
  } catch (error) {
    settle(error);
    return;
  }
  fs.fdatasync(file, settle);
}

/** The WAL exists once a commit has written to it, and stays while this connection is open. */
function openWal(): number {
  walFile ??= fs.openSync(`${settings.path}-wal`, 'r+');
  return walFile;
}

/** Makes the commits answered so far durable against a power cut, off this thread's critical path. */
function syncInBackground(): void {
  unsyncedCommits = false;
  let file: number;
  try {
    file = openWal();
  } catch (error) {
    afterBackgroundSync(error);
    return;
  }
  fs.fdatasync(file, afterBackgroundSync);
}

function afterBackgroundSync(error: unknown): void {
  backgroundSync = undefined;
  // The pages stay in the OS either way; a failed sync is retried with the next commit's.
  reply({ type: 'synced', ...(error ? { error } : {}) });
  if (unsyncedCommits) backgroundSync = setTimeout(syncInBackground, settings.backgroundSyncMs ?? 1000);
}

function close(): void {
  deferred.close();
  journal.drain();
  textIndex.catchUp();
  checkpointWal(db);
  if (backgroundSync) clearTimeout(backgroundSync);
  if (walFile !== undefined) {
    // What was answered without a sync is synced before the thread goes.
    if (unsyncedCommits || backgroundSync) fs.fdatasyncSync(walFile);
    fs.closeSync(walFile);
  }
  db.close();
  port?.close();
}

port.on('message', (request: WriterRequest) => {
  switch (request.type) {
    case 'insert':
      insertBatch(request.batch, request.rows);
      return;
    case 'close':
      close();
      return;
    default: {
      const unreachable: never = request;
      throw new Error(`unknown writer request ${JSON.stringify(unreachable)}`);
    }
  }
});
