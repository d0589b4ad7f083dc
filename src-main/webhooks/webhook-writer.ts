/**
 * The event store's writer thread (a worker_threads entry; see event-writer.ts
 * for why the writes live here). It owns the only connection that inserts
 * events: each message is one batch, inserted and committed in one
 * transaction, and answered with the new ids only after the commit returned,
 * so the receiver's 2xx still follows the fsync that holds its event.
 * It also keeps the text index caught up, off the receiver's thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';
import { insertEventSql } from './event-schema';
import { createTextIndexer } from './text-index';
import type { WriterReply, WriterRequest, WriterSettings } from './event-writer';

const port = parentPort;
if (!port) throw new Error('webhook-writer runs only as a worker thread');
const settings = workerData as WriterSettings;

const db = new Database(settings.path, { timeout: 5000 });
db.pragma(`synchronous = ${settings.synchronous}`);
const insert = db.prepare(insertEventSql);
const insertAll = db.transaction((rows: unknown[][]) =>
  rows.map((values) => Number(insert.run(...values.map(asBlob)).lastInsertRowid)),
);
// An indexing failure is left for the next search to retry (text-index.ts).
const textIndex = createTextIndexer(db, { onError: () => undefined });

/** Bodies arrive as plain Uint8Arrays (structured clone drops Buffer); libsql binds only Buffers as blobs and aborts on the rest. */
function asBlob(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
}

function reply(message: WriterReply): void {
  port?.postMessage(message);
}

function insertBatch(rows: unknown[][]): void {
  let ids: number[];
  try {
    ids = insertAll(rows);
  } catch (error) {
    reply({ type: 'failed', error });
    return;
  }
  reply({ type: 'inserted', ids });
  textIndex.rowsAdded();
}

function close(): void {
  textIndex.close();
  textIndex.catchUp();
  db.close();
  port?.close();
}

port.on('message', (request: WriterRequest) => {
  switch (request.type) {
    case 'insert':
      insertBatch(request.rows);
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
