/**
 * Inserts events through a writer thread (webhook-writer.ts) so the commit's
 * fsync never blocks the receiver's event loop.
 *
 * Why a thread: libsql is synchronous, and with synchronous = FULL the commit
 * was 53% of the receiver's CPU profile under load, all of it time in which
 * no request was parsed and no answer written. Now this thread keeps reading
 * requests while a batch is fsynced, and whatever arrived meanwhile becomes
 * the next batch: one batch is in flight at a time, so batches grow by
 * themselves with the load (group commit) and each costs one fsync. (Sending
 * every event-loop turn's rows at once and letting the writer merge what
 * waited measured no better, 0.08-0.15x of bare against 0.12-0.17x in
 * alternating runs: more messages, more thread wake-ups on a busy machine.)
 *
 * Durability is unchanged: `insert` resolves only when the thread reports the
 * commit of the transaction that holds the row.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** What the writer thread is started with. */
export interface WriterSettings {
  path: string;
  synchronous: 'FULL' | 'NORMAL';
}

export type WriterRequest = { type: 'insert'; rows: unknown[][] } | { type: 'close' };
/** Each answers the one batch in flight. */
export type WriterReply = { type: 'inserted'; ids: number[] } | { type: 'failed'; error: unknown };

export interface EventWriterOptions extends WriterSettings {
  /** How long a row may wait for others to share its commit; 0 (default) sends it on the next event-loop turn. */
  groupCommitMs?: number;
}

export interface EventWriter {
  /** Inserts one row (values in `insertEventSql` order); resolves with its id once committed. */
  insert(values: unknown[]): Promise<number>;
  /** Commits what is queued, then stops the thread. */
  close(): Promise<void>;
}

interface QueuedRow {
  values: unknown[];
  resolve(id: number): void;
  reject(error: unknown): void;
}

/** The built thread sits beside this bundle in out/main; from source (vitest, tsx) the .ts is loaded through tsx. */
function startWriterThread(settings: WriterSettings): Worker {
  const built = path.join(__dirname, 'webhook-writer.js');
  if (fs.existsSync(built)) return new Worker(built, { workerData: settings });
  // Node 20 workers ignore `--import tsx` in execArgv (the .ts then fails with ERR_UNKNOWN_FILE_EXTENSION), so register
  // tsx's CommonJS hook first, resolved from here so the working directory does not matter.
  const source = path.join(__dirname, 'webhook-writer.ts');
  const tsxHook = createRequire(source).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(source)});`, {
    eval: true,
    workerData: settings,
  });
}

export function createEventWriter(options: EventWriterOptions): EventWriter {
  const settings: WriterSettings = { path: options.path, synchronous: options.synchronous };
  let thread: Worker | undefined;
  let queued: QueuedRow[] = [];
  /** The batch the writer is committing. */
  let inFlight: QueuedRow[] = [];
  let sendScheduled = false;
  let broken: Error | undefined;
  let closing: Promise<void> | undefined;
  const idleWaiters: Array<() => void> = [];

  /** Started on the first insert: a store opened only to read (`workbench events`) never starts it. */
  function writerThread(): Worker {
    if (thread) return thread;
    const started = startWriterThread(settings);
    started.on('message', onReply);
    started.on('error', (error) => breakDown(error));
    started.on('exit', (code) => {
      if (!closing) breakDown(new Error(`the event writer thread stopped (exit code ${code})`));
    });
    thread = started;
    return started;
  }

  function onReply(message: WriterReply): void {
    const batch = inFlight;
    inFlight = [];
    if (message.type === 'inserted') batch.forEach((row, index) => row.resolve(message.ids[index] ?? 0));
    else for (const row of batch) row.reject(message.error);
    // Rows that arrived during that commit go out at once, as the next group.
    if (queued.length > 0) send();
    else settleIdle();
  }

  function breakDown(error: unknown): void {
    broken ??= error instanceof Error ? error : new Error(String(error));
    const lost = [...inFlight, ...queued];
    inFlight = [];
    queued = [];
    for (const row of lost) row.reject(broken);
    settleIdle();
  }

  function settleIdle(): void {
    thread?.unref();
    for (const wake of idleWaiters.splice(0)) wake();
  }

  function send(): void {
    sendScheduled = false;
    if (inFlight.length > 0 || queued.length === 0) return;
    inFlight = queued;
    queued = [];
    const rows = inFlight.map((row) => row.values);
    const worker = writerThread();
    // Held while a commit is awaited, so a process does not exit with an acknowledgement pending.
    worker.ref();
    worker.postMessage({ type: 'insert', rows } satisfies WriterRequest);
  }

  function scheduleSend(): void {
    if (sendScheduled || inFlight.length > 0) return;
    sendScheduled = true;
    if (options.groupCommitMs) setTimeout(send, options.groupCommitMs);
    else setImmediate(send);
  }

  async function shutDown(): Promise<void> {
    if (inFlight.length > 0 || queued.length > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
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
      // A Buffer may be a view of Node's shared 8 KiB pool, which postMessage would copy whole: send an exact copy.
      const row = values.map((value) => (Buffer.isBuffer(value) ? new Uint8Array(value) : value));
      return new Promise<number>((resolve, reject) => {
        queued.push({ values: row, resolve, reject });
        scheduleSend();
      });
    },
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}
