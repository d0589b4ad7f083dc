/**
 * The webhook event store: one SQLite (libsql) file in WAL mode.
 *
 * Durability: `append` resolves only after the transaction holding the event
 * has committed, so a receiver that awaits it before answering 2xx never
 * acknowledges an event a crash could lose. Appends are inserted by a writer
 * thread (event-writer.ts), and those that arrive while a commit is under way
 * share the next one (group commit). `durability` chooses which crash that
 * covers, and so whether an answer waits for the WAL's fsync (see the option). The commit
 * holds the event in an unindexed journal; the writer moves it into the
 * indexed table and indexes its body once webhooks stop coming (deferred-work.ts).
 * Every read here first moves what is left, and a search checks the bodies
 * not indexed yet itself, so reads see each event as soon as it is
 * acknowledged. This thread's own connection serves reads and the rare other writes.
 */
import path from 'node:path';
import Database from 'libsql';
import { makePrivateFolderSync, preparePrivateDatabaseFileSync } from '../files/private-files';
import { fail, ok, type Result } from '../../src-shared/result';
import {
  eventsForMessage,
  inboundFrom,
  listEvents,
  searchableWithoutIndex,
  type EventListQuery,
  type EventPage,
} from './event-queries';
import { eventColumnsSql, recordToEvent, recordToValues, rowToEvent } from './event-schema';
import { migrateEventStore, trigramIndexLayout } from './event-migrations';
import { redactCredentialHeaders } from './header-redaction';
import { createTextIndexer } from './text-index';
import { createEventWriter, type BackgroundWorkSettings } from './event-writer';
import { createJournalDrain } from './journal-drain';
import { leaveCheckpointsToWriter } from './wal-checkpoint';
import type { ForwardResult, NewWebhookRecord, WebhookEvent } from './event-types';
import type { EventStore, RetentionPolicy } from './event-store-interface';

export type { RetentionPolicy } from './event-store-interface';

export const eventDatabaseFileName = 'webhook-events.db';

export interface WebhookStoreOptions {
  /** Folder for the database file (`webhook-events.db`); created if missing. Give this or `path`. */
  dataDir?: string;
  /** Exact database file path; wins over `dataDir`. */
  path?: string;
  /** Applied when the store opens and then every `retentionCheckMs`; no retention when absent. */
  retention?: RetentionPolicy;
  /** How often retention runs; default one minute. */
  retentionCheckMs?: number;
  /**
   * How long an append may wait for others to share its commit. Default 0:
   * appends made in the same event-loop turn, or during the previous commit,
   * commit together, adding no delay.
   */
  groupCommitMs?: number;
  /**
   * 'process-crash' (default): a webhook is answered once its commit has
   * reached the OS (synchronous = NORMAL): the app being killed or crashing
   * loses no acknowledged event. The WAL is also fsynced in the background
   * within a second of each commit, so a power cut or kernel panic loses at
   * most about the last second.
   * 'power-loss': a webhook is answered only once the fsync holding it is
   * done, so nothing acknowledged is lost even on a power cut. Under load the
   * fsync sets the pace (a few ms per group of webhooks).
   */
  durability?: 'power-loss' | 'process-crash';
  /** Clock for retention by age; tests pass their own. */
  now?: () => number;
  /**
   * The writer thread's built entry; defaults to webhook-writer.js beside this
   * bundle (out/main). Code run from source (tests, benchmarks) points at the build.
   */
  writerScript?: string;
  /** Told, in a sentence for the user, when opening takes long: an older file being upgraded. */
  onNotice?: (message: string) => void;
  /** When the writer thread moves and indexes what it committed (deferred-work.ts); the defaults suit the app. */
  backgroundWork?: BackgroundWorkSettings;
}

/** The SQLite store answers reads at once, so its reads are typed as plain values. */
export interface WebhookStore extends EventStore {
  /** The database file in use. */
  readonly path: string;
  /** Stores the record; resolves with the stored event once it is committed to disk. */
  append(record: NewWebhookRecord): Promise<WebhookEvent>;
  /** Keeps what the forwarded-to app answered next to the event. */
  setForward(id: number, result: ForwardResult): void;
  get(id: number): WebhookEvent | undefined;
  /** The exact bytes received, for replay "as received". */
  getRawBody(id: number): Buffer | undefined;
  /** Newest first, filtered, one page at a time. */
  list(query?: EventListQuery): EventPage;
  /** Every event naming this message_uuid, oldest first. */
  eventsForMessage(messageUuid: string): WebhookEvent[];
  /** Inbound webhooks from one sender on one channel since a time, oldest first. */
  inboundFrom(channel: string, from: string, sinceMs: number): WebhookEvent[];
  /** Deletes old events now; returns how many went. */
  prune(policy: RetentionPolicy): number;
  count(): number;
  /** Commits what is pending, stops retention, closes the file. */
  close(): Promise<void>;
}

/** Opens (or creates) the store; a file that is not a usable database is a returned error, not a throw. */
export function createWebhookStore(options: WebhookStoreOptions): Result<WebhookStore> {
  const filePath =
    options.path ?? (options.dataDir === undefined ? undefined : path.join(options.dataDir, eventDatabaseFileName));
  if (filePath === undefined) {
    return fail(
      'WEBHOOK_STORE_NO_PATH',
      'No place to keep webhook events was given.',
      'Pass --data-dir or set WORKBENCH_DATA_DIR.',
    );
  }
  let db: Database.Database;
  let fromLayout: number;
  try {
    // The folder is made private whoever opens the store (the core does too; tests and benches open it alone).
    if (options.path === undefined && options.dataDir !== undefined) makePrivateFolderSync(options.dataDir);
    preparePrivateDatabaseFileSync(filePath);
    db = new Database(filePath, { timeout: 5000 });
    // A hot WAL left by a crashed writer is replayed by SQLite here, on first access.
    db.pragma('journal_mode = WAL');
    db.pragma(options.durability === 'power-loss' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    leaveCheckpointsToWriter(db);
    fromLayout = migrateEventStore(db);
  } catch (error) {
    return fail(
      'WEBHOOK_STORE_UNAVAILABLE',
      `The webhook event store at ${filePath} could not be opened: ${(error as Error).message}`,
      'Check that the data folder is writable and the file is not damaged; move the file aside to start a new store.',
    );
  }
  return ok(openedStore(db, filePath, options, fromLayout));
}

function openedStore(
  db: Database.Database,
  filePath: string,
  options: WebhookStoreOptions,
  fromLayout: number,
): WebhookStore {
  const now = options.now ?? Date.now;
  const selectById = db.prepare(`SELECT ${eventColumnsSql} FROM events e WHERE e.id = ?`);
  const selectBody = db.prepare('SELECT body FROM events WHERE id = ?');
  const updateForward = db.prepare('UPDATE events SET forward = ? WHERE id = ?');
  const countEvents = db.prepare('SELECT count(*) AS n FROM events');
  // The writer thread drains the journal and indexes new rows behind its commits; this connection
  // catches up on open (after a crash) and before it reads, so a read sees every acknowledged event.
  const journal = createJournalDrain(db);
  const textIndex = createTextIndexer(db);
  journal.drain();
  if (fromLayout > 0 && fromLayout < trigramIndexLayout) {
    const events = Number((countEvents.get() as { n: number }).n);
    options.onNotice?.(
      `Upgrading the webhook event store at ${filePath}: indexing ${events.toLocaleString('en-US')} stored events for substring search. No event is changed.`,
    );
  }
  textIndex.catchUp();
  const caughtUp = (): void => {
    if (journal.pending()) journal.drain();
  };
  const writer = createEventWriter({
    script: options.writerScript ?? path.join(__dirname, 'webhook-writer.js'),
    path: filePath,
    syncEachCommit: options.durability === 'power-loss',
    groupCommitMs: options.groupCommitMs,
    backgroundWork: options.backgroundWork,
  });
  let closed = false;

  function prune(policy: RetentionPolicy): number {
    caughtUp();
    let deleted = 0;
    if (policy.maxAgeMs !== undefined) {
      deleted += db.prepare('DELETE FROM events WHERE received_at < ?').run(now() - policy.maxAgeMs).changes;
    }
    if (policy.maxCount !== undefined) {
      const keep = Math.max(0, Math.trunc(policy.maxCount));
      deleted += db
        .prepare('DELETE FROM events WHERE id <= (SELECT id FROM events ORDER BY id DESC LIMIT 1 OFFSET ?)')
        .run(keep).changes;
    }
    return deleted;
  }

  const retention = options.retention;
  let retentionTimer: NodeJS.Timeout | undefined;
  if (retention) {
    prune(retention);
    retentionTimer = setInterval(() => prune(retention), options.retentionCheckMs ?? 60_000);
    retentionTimer.unref();
  }

  return {
    path: filePath,
    async append(record) {
      if (closed) throw new Error('The webhook store is closed.');
      // Masked here, the one door into the file, so no caller can store a credential header in clear.
      const safe = { ...record, headers: redactCredentialHeaders(record.headers) };
      return recordToEvent(await writer.insert(recordToValues(safe)), safe);
    },
    setForward(id, result) {
      caughtUp();
      updateForward.run(JSON.stringify(result), id);
    },
    get(id) {
      caughtUp();
      const row = selectById.get(id) as Record<string, unknown> | undefined;
      return row ? rowToEvent(row) : undefined;
    },
    getRawBody(id) {
      caughtUp();
      const row = selectBody.get(id) as { body: ArrayBuffer | Uint8Array } | undefined;
      return row ? Buffer.from(row.body instanceof Uint8Array ? row.body : new Uint8Array(row.body)) : undefined;
    },
    list(query = {}) {
      caughtUp();
      if (query.text === undefined) return listEvents(db, query);
      // Checking the unindexed rows with LIKE costs far less than indexing them here, on the receiver's thread.
      if (searchableWithoutIndex(query.text)) return listEvents(db, query, textIndex.indexedThrough());
      textIndex.catchUp();
      return listEvents(db, query);
    },
    eventsForMessage(messageUuid) {
      caughtUp();
      return eventsForMessage(db, messageUuid);
    },
    inboundFrom(channel, from, sinceMs) {
      caughtUp();
      return inboundFrom(db, channel, from, sinceMs);
    },
    prune,
    count() {
      caughtUp();
      return Number((countEvents.get() as { n: number }).n);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retentionTimer) clearInterval(retentionTimer);
      await writer.close();
      journal.drain();
      textIndex.catchUp();
      db.close();
    },
  };
}
