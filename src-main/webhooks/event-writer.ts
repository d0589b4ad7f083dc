/**
 * Inserts events through a writer thread (webhook-writer.ts) so neither the
 * inserts nor the fsync ever block the receiver's event loop.
 *
 * Why a thread: libsql is synchronous, and with synchronous = FULL the commit
 * was 53% of the receiver's CPU profile under load, all of it time in which
 * no request was parsed and no answer written. The rows of one event-loop
 * turn go to the thread as one batch, without waiting for the batch before:
 * the thread commits each on arrival and answers them after the WAL sync that
 * covers them, so every batch committed during one sync shares the next
 * (group commit: one fsync for all of them, however many there are).
 *
 * Durability is unchanged: `insert` resolves only when the thread reports
 * that the transaction holding the row is committed (and synced, when the
 * store promises power-loss durability).
 *
 * The thread stops after `idleStopMs` without inserts. A thread that has
 * ingested a burst keeps its heap and page cache at their peak (about 15 MB of
 * a receiver's RSS); stopping it gives them back, at the price of one thread
 * start (about 0.3 s, measured on a busy 2-core machine) for the first webhook
 * after a quiet spell.
 */
import type { Worker } from 'node:worker_threads';
import { startBuiltThread } from '../built-thread';
import { packRows } from './writer-rows';

/** What the writer thread is started with. */
export interface WriterSettings {
  path: string;
  /** Answer a batch only once the WAL holding it is fsynced (power-loss durability), not at its commit. */
  syncEachCommit: boolean;
  /** Without syncEachCommit: the most a commit waits for a background fsync of the WAL; default 1000 ms. */
  backgroundSyncMs?: number;
  /** When the thread moves and indexes committed rows; defaults in webhook-writer.ts. */
  backgroundWork?: BackgroundWorkSettings;
}

/** See deferred-work.ts. */
export interface BackgroundWorkSettings {
  /** How long no webhook must arrive before the work runs. */
  idleMs?: number;
  /** Most rows left in the journal while webhooks keep arriving. */
  maxJournalLagRows?: number;
  /** Most rows left unindexed while webhooks keep arriving. */
  maxIndexLagRows?: number;
  /** Most rows written to the WAL and not checkpointed while webhooks keep arriving. */
  maxCheckpointLagRows?: number;
}

/** `rows` is the batch packed by writer-rows.ts; its buffer is transferred, not copied. */
export type WriterRequest = { type: 'insert'; batch: number; rows: ArrayBuffer } | { type: 'close' };
/** Answers the insert request of the same `batch` number. */
export type WriterReply =
  | { type: 'inserted'; batch: number; ids: number[] }
  | { type: 'failed'; batch: number; error: unknown }
  | { type: 'synced'; error?: unknown };

export interface EventWriterOptions extends WriterSettings {
  /** The thread's built entry (webhook-writer.js). */
  script: string;
  /** How long a row may wait for others to share its commit; 0 (default) sends it on the next event-loop turn. */
  groupCommitMs?: number;
  /** Told after each background fsync of the WAL (without syncEachCommit), with its error if it failed. */
  onBackgroundSync?: (error?: unknown) => void;
  /**
   * How long the thread may sit idle before it stops, giving back its heap, its
   * database connection and its page cache; the next insert starts a new one.
   * Default 2 s.
   */
  idleStopMs?: number;
}

export interface EventWriter {
  /** Inserts one row (values in `insertEventSql` order); resolves with its id once committed. */
  insert(values: unknown[]): Promise<number>;
  /** True while a writer thread is running (it starts on demand and stops when idle). */
  threadRunning(): boolean;
  /** Commits what is queued, then stops the thread. */
  close(): Promise<void>;
}

interface QueuedRow {
  values: unknown[];
  resolve(id: number): void;
  reject(error: unknown): void;
}

export function createEventWriter(options: EventWriterOptions): EventWriter {
  const settings: WriterSettings = {
    path: options.path,
    syncEachCommit: options.syncEachCommit,
    backgroundSyncMs: options.backgroundSyncMs,
    backgroundWork: options.backgroundWork,
  };
  let thread: Worker | undefined;
  let queued: QueuedRow[] = [];
  /** Batches sent to the thread and not yet answered, by number. */
  const inFlight = new Map<number, QueuedRow[]>();
  let nextBatch = 0;
  let sendScheduled = false;
  let broken: Error | undefined;
  let closing: Promise<void> | undefined;
  /** A thread stopping because it was idle; a new one starts only once it has exited. */
  let stopping: Promise<void> | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  const idleStopMs = options.idleStopMs ?? 2000;
  /**
   * Each postMessage, and each answer back, costs the receiver's thread more
   * than packing a row (a fifth of its CPU profile under load went to them),
   * and each batch is a transaction on the writer's. The thread commits one
   * batch at a time anyway, so rows that arrive while it has enough to do wait
   * here and go together. With power-loss durability up to three fsyncs run at
   * once in the thread (webhook-writer.ts), each with batches waiting on it.
   */
  const maxBatchesInFlight = options.syncEachCommit ? 4 : 2;
  const idleWaiters: Array<() => void> = [];

  /** Started on the first insert: a store opened only to read (`workbench events`) never starts it. */
  function writerThread(): Worker {
    if (thread) return thread;
    const started = startBuiltThread(options.script, "webhook writer thread's", settings);
    started.on('message', onReply);
    // A thread told to stop had answered every batch: what it still does (moving the journal, indexing) a later read redoes.
    started.on('error', (error) => {
      if (started === thread) breakDown(error);
    });
    started.on('exit', (code) => {
      if (!closing && started === thread) breakDown(new Error(`the event writer thread stopped (exit code ${code})`));
    });
    thread = started;
    return started;
  }

  function onReply(message: WriterReply): void {
    if (message.type === 'synced') {
      options.onBackgroundSync?.(message.error);
      return;
    }
    const batch = inFlight.get(message.batch) ?? [];
    inFlight.delete(message.batch);
    if (message.type === 'inserted') batch.forEach((row, index) => row.resolve(message.ids[index] ?? 0));
    else for (const row of batch) row.reject(message.error);
    if (queued.length > 0) scheduleSend();
    if (inFlight.size === 0 && queued.length === 0) settleIdle();
  }

  function breakDown(error: unknown): void {
    broken ??= error instanceof Error ? error : new Error(String(error));
    const lost = [...[...inFlight.values()].flat(), ...queued];
    inFlight.clear();
    queued = [];
    for (const row of lost) row.reject(broken);
    settleIdle();
  }

  function settleIdle(): void {
    thread?.unref();
    for (const wake of idleWaiters.splice(0)) wake();
    if (!thread || closing || broken) return;
    // One timer, pushed back each time the thread falls idle; it does nothing if work came in meanwhile.
    if (idleTimer) idleTimer.refresh();
    else idleTimer = setTimeout(stopIdleThread, idleStopMs).unref();
  }

  /** After a burst the thread's heap and page cache would stay at their peak: an idle thread stops instead. */
  function stopIdleThread(): void {
    const idle = thread;
    if (!idle || closing || broken || inFlight.size > 0 || queued.length > 0) return;
    thread = undefined;
    stopping = new Promise<void>((resolve) => idle.once('exit', () => resolve())).finally(() => {
      stopping = undefined;
    });
    idle.postMessage({ type: 'close' } satisfies WriterRequest);
  }

  function send(): void {
    if (stopping) {
      // The stopping thread closes its connection first, so two never write at once.
      void stopping.then(send);
      return;
    }
    sendScheduled = false;
    // The rest waits for an answer, then goes as one batch (onReply).
    if (queued.length === 0 || broken || inFlight.size >= maxBatchesInFlight) return;
    const rows = queued;
    queued = [];
    let packed: ArrayBuffer;
    try {
      packed = packRows(rows.map((row) => row.values));
    } catch (error) {
      for (const row of rows) row.reject(error);
      return;
    }
    const batch = nextBatch++;
    inFlight.set(batch, rows);
    let worker: Worker;
    try {
      worker = writerThread();
    } catch (error) {
      breakDown(error);
      return;
    }
    // Held while a commit is awaited, so a process does not exit with an acknowledgement pending.
    worker.ref();
    worker.postMessage({ type: 'insert', batch, rows: packed } satisfies WriterRequest, [packed]);
  }

  function scheduleSend(): void {
    if (sendScheduled) return;
    sendScheduled = true;
    if (options.groupCommitMs) setTimeout(send, options.groupCommitMs);
    else setImmediate(send);
  }

  async function shutDown(): Promise<void> {
    if (inFlight.size > 0 || queued.length > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    clearTimeout(idleTimer);
    await stopping;
    if (!thread || broken) return;
    const exited = new Promise<void>((resolve) => thread?.once('exit', () => resolve()));
    thread.ref();
    thread.postMessage({ type: 'close' } satisfies WriterRequest);
    await exited;
  }

  return {
    insert(values) {
      if (broken) return Promise.reject(broken);
      if (closing) return Promise.reject(new Error('The webhook store is closed.'));
      return new Promise<number>((resolve, reject) => {
        queued.push({ values, resolve, reject });
        scheduleSend();
      });
    },
    threadRunning: () => thread !== undefined,
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}
