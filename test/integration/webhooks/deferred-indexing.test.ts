import fs from 'node:fs';
import Database from 'libsql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebhookStore, WebhookStoreOptions } from '../../../src-main/webhooks/event-store';
import { storedRecord, v1Inbound, v1Status } from '../../support/webhook-fixtures';
import { makeTempDir, openStore } from '../../support/webhook-harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Never quiet for long enough within a test: the writer thread moves and indexes only past a cap. */
const neverIdle = 60_000;

function tempStore(backgroundWork: WebhookStoreOptions['backgroundWork']): WebhookStore {
  const dataDir = makeTempDir('deferred');
  const store = openStore({ dataDir, backgroundWork });
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  return store;
}

/** What the writer thread has done so far, read from the file through a connection of the test's own. */
function progress(store: WebhookStore): { inJournal: number; indexedThrough: number } {
  const db = new Database(store.path, { readonly: true });
  try {
    const inJournal = (db.prepare('SELECT count(*) AS n FROM events_journal').get() as { n: number }).n;
    const indexedThrough = (
      db.prepare('SELECT indexed_through AS n FROM text_index_progress WHERE id = 1').get() as { n: number }
    ).n;
    return { inJournal: Number(inJournal), indexedThrough: Number(indexedThrough) };
  } finally {
    db.close();
  }
}

async function appendInGroups(store: WebhookStore, count: number, bodyOf: (index: number) => Record<string, unknown>) {
  for (let start = 0; start < count; start += 5) {
    const size = Math.min(5, count - start);
    await Promise.all(Array.from({ length: size }, (_, offset) => store.append(storedRecord(bodyOf(start + offset)))));
  }
}

describe('moving and indexing behind a burst of webhooks', () => {
  it('leaves the journal and the text index alone while webhooks arrive, and every read and search still sees the newest', async () => {
    const store = tempStore({ idleMs: neverIdle });
    await appendInGroups(store, 40, (index) => v1Inbound({ text: `Order note k${index}z` }));
    await store.append(
      storedRecord(v1Status({ status: 'rejected', error: { title: '1320', detail: 'Invalid sender address' } })),
    );
    expect(progress(store)).toEqual({ inJournal: 41, indexedThrough: 0 });

    // A search checks the unindexed rows itself, with the index's rules: any part of the body, any case.
    const ids = (text: string) => store.list({ text }).events.map((event) => event.id);
    expect(ids('INVALID SENDER')).toEqual([41]);
    expect(ids('Order note k39z')).toEqual([40]);
    expect(ids('note k3')).toEqual([40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 4]);
    expect(ids('nvalid 13')).toEqual([41]);
    expect(ids('order note')).toHaveLength(40);
    expect(store.list({ text: 'order note', limit: 2 }).events.map((event) => event.id)).toEqual([40, 39]);
    expect(store.list({ kind: 'inbound' }).events).toHaveLength(40);
    // Reads moved the journal on their own connection; none of them indexed, which costs the receiver's thread most.
    expect(progress(store)).toEqual({ inJournal: 0, indexedThrough: 0 });

    // Only the index folds the case of other letters than ASCII: such a search indexes first.
    await store.append(storedRecord(v1Inbound({ text: 'Ünïcode ÉTÉ' })));
    expect(ids('été')).toEqual([42]);
    expect(progress(store).indexedThrough).toBe(42);
  });

  it('finds the same rows whether they are indexed or not, on a page that spans both', async () => {
    const store = tempStore({ idleMs: neverIdle });
    await appendInGroups(store, 10, (index) => v1Inbound({ text: `reply #${index}` }));
    store.list({ text: 'Ünï' });
    expect(progress(store).indexedThrough).toBe(10);
    await appendInGroups(store, 10, (index) => v1Inbound({ text: `reply #${10 + index}` }));

    const first = store.list({ text: 'reply', limit: 15 });
    expect(first.events.map((event) => event.id)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    const rest = store.list({ text: 'reply', limit: 15, cursor: first.nextCursor ?? undefined });
    expect(rest.events.map((event) => event.id)).toEqual([5, 4, 3, 2, 1]);
    expect(store.list({ text: 'REPLY #1' }).events.map((event) => event.id)).toEqual([
      20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 2,
    ]);
    expect(progress(store).indexedThrough).toBe(10);
  });

  it('moves and indexes everything once no webhook has come for a while', async () => {
    const store = tempStore({ idleMs: 50 });
    await appendInGroups(store, 30, (index) => v1Inbound({ text: `quiet ${index}` }));
    await vi.waitFor(() => expect(progress(store)).toEqual({ inJournal: 0, indexedThrough: 30 }), {
      timeout: 10_000,
      interval: 20,
    });
  });

  it('moves and indexes during a burst once too many rows wait', async () => {
    const store = tempStore({ idleMs: neverIdle, maxJournalLagRows: 20, maxIndexLagRows: 20 });
    await appendInGroups(store, 25, (index) => v1Inbound({ text: `busy ${index}` }));
    await vi.waitFor(
      () => {
        const { inJournal, indexedThrough } = progress(store);
        expect(inJournal).toBeLessThanOrEqual(5);
        expect(indexedThrough).toBeGreaterThanOrEqual(20);
      },
      { timeout: 10_000, interval: 20 },
    );
  });
});

/** Rows held by the database file alone, as a copy without its WAL shows: what checkpoints have written there. */
function rowsInDatabaseFile(store: WebhookStore): number {
  const copy = `${store.path}.copy`;
  fs.copyFileSync(store.path, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('events', 'events_journal')").all();
    if (tables.length < 2) return 0;
    return Number(
      (
        db.prepare('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM events_journal) AS n').get() as {
          n: number;
        }
      ).n,
    );
  } finally {
    db.close();
    fs.rmSync(copy, { force: true });
  }
}

/** Big enough bodies that a few hundred webhooks pass the 1,000 WAL pages at which SQLite would checkpoint in a commit. */
const longText = (index: number) => `${index} ${'long inbound text '.repeat(450)}`;

describe('checkpointing the WAL behind a burst of webhooks', () => {
  it("never checkpoints inside a commit, the writer's or a read's on the main thread", async () => {
    const store = tempStore({ idleMs: neverIdle });
    await appendInGroups(store, 300, (index) => v1Inbound({ text: longText(index) }));
    // A read drains the journal with a commit of its own on the main thread's connection.
    expect(store.list({ kind: 'inbound', limit: 1 }).events[0]?.id).toBe(300);
    await appendInGroups(store, 300, (index) => v1Inbound({ text: longText(300 + index) }));

    expect(fs.statSync(`${store.path}-wal`).size).toBeGreaterThan(1000 * 4096);
    expect(rowsInDatabaseFile(store)).toBe(0);
  });

  it('checkpoints once no webhook has come for a while, after moving and indexing', async () => {
    const store = tempStore({ idleMs: 50 });
    await appendInGroups(store, 40, (index) => v1Inbound({ text: longText(index) }));
    await vi.waitFor(() => expect(rowsInDatabaseFile(store)).toBe(40), { timeout: 10_000, interval: 20 });
    expect(progress(store)).toEqual({ inJournal: 0, indexedThrough: 40 });
  });

  it('checkpoints during a burst once enough rows were written since the last one', async () => {
    const store = tempStore({ idleMs: neverIdle, maxCheckpointLagRows: 20 });
    await appendInGroups(store, 25, (index) => v1Inbound({ text: `busy ${index}` }));
    await vi.waitFor(() => expect(rowsInDatabaseFile(store)).toBeGreaterThanOrEqual(20), {
      timeout: 10_000,
      interval: 20,
    });
    expect(progress(store).inJournal).toBe(25);
  });
});
