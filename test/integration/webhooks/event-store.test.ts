import fs from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookStore, eventDatabaseFileName } from '../../../src-main/webhooks/event-store';
import type { EventStore } from '../../../src-main/webhooks/event-store-interface';
import { storeImplementations, type StoreOpenOptions } from '../../support/event-store-implementations';
import { storedRecord, v1Inbound, v1Status } from '../../support/webhook-fixtures';
import { makeTempDir, openStore } from '../../support/webhook-harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const record = storedRecord;

describe.each(storeImplementations.map((make) => make()))('webhook event store in $name', (implementation) => {
  beforeAll(() => implementation.setUp());
  afterAll(() => implementation.tearDown());

  async function tempStore(options: StoreOpenOptions = {}): Promise<{ store: EventStore }> {
    const store = await implementation.open(await implementation.freshLocation('store'), options);
    cleanups.push(() => store.close());
    return { store };
  }

  it('commits appends made together in one group and reads them back exactly', async () => {
    const { store } = await tempStore();
    const raw = Buffer.from([0x7b, 0xff, 0x00, 0x7d]);
    const appended = await Promise.all([
      store.append(record(v1Status({ status: 'submitted' }))),
      store.append({ ...record(v1Status()), rawBody: raw, bodyIsJson: false, parseError: 'body is not valid UTF-8' }),
    ]);
    expect(appended.map((event) => event.id)).toEqual([1, 2]);
    expect(await store.get(1)).toMatchObject({
      kind: 'status',
      status: 'submitted',
      channel: 'sms',
      clientRef: 'order-42',
      forward: null,
    });
    expect((await store.get(1))?.bodyJson).toEqual(v1Status({ status: 'submitted' }));
    expect((await store.getRawBody(2))?.equals(raw)).toBe(true);
    expect(await store.get(2)).toMatchObject({
      bodyJson: undefined,
      parseError: 'body is not valid UTF-8',
      bodySize: 4,
    });
    expect(await store.get(3)).toBeUndefined();
  });

  it('filters, pages newest first with a cursor, and searches bodies', async () => {
    const { store } = await tempStore();
    for (let index = 0; index < 7; index++)
      await store.append(
        record(
          v1Status({ status: index % 2 ? 'delivered' : 'rejected', error: index % 2 ? undefined : { title: '1300' } }),
        ),
      );
    await store.append(record(v1Inbound({ text: 'Stop sending me offers' })));

    const first = await store.list({ kind: 'status', limit: 3 });
    expect(first.events.map((event) => event.id)).toEqual([7, 6, 5]);
    const second = await store.list({ kind: 'status', limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second.events.map((event) => event.id)).toEqual([4, 3, 2]);
    const last = await store.list({ kind: 'status', limit: 3, cursor: second.nextCursor ?? undefined });
    expect(last).toMatchObject({ nextCursor: null });
    expect(last.events.map((event) => event.id)).toEqual([1]);

    expect((await store.list({ errorCode: '1300' })).events.map((event) => event.id)).toEqual([7, 5, 3, 1]);
    expect(
      (await store.list({ channel: 'whatsapp', kind: 'inbound' })).events.map((event) => event.messageType),
    ).toEqual(['text']);
    expect((await store.list({ text: 'sending offers' })).events.map((event) => event.id)).toEqual([8]);
    expect((await store.list({ text: 'stop "quoted' })).events).toEqual([]);
    expect((await store.list({ text: 'rejected', limit: 2 })).events.map((event) => event.id)).toEqual([7, 5]);
  });

  it('finds any part of the body, ignoring case, with words of any length', async () => {
    const { store } = await tempStore();
    await store.append(record(v1Inbound({ text: 'Inbound reply #21' })));
    await store.append(record(v1Inbound({ text: 'Inbound reply #210' })));
    await store.append(
      record(
        v1Status({
          message_uuid: 'bulk2179-0000-4000-8000-000000000000',
          status: 'rejected',
          error: { title: '1320', detail: 'Invalid sender address' },
        }),
      ),
    );
    await store.append(record(v1Inbound({ text: 'Ünïcode 50% off' })));
    const ids = async (text: string) => (await store.list({ text })).events.map((event) => event.id);

    expect(await ids('Inbound reply #21')).toEqual([2, 1]);
    expect(await ids('reply #210')).toEqual([2]);
    expect(await ids('bulk217')).toEqual([3]);
    expect(await ids('nvalid sende')).toEqual([3]);
    expect(await ids('INVALID SENDER')).toEqual([3]);
    // Words of 1 or 2 characters have no trigram: alone, or beside a longer word, they still match anywhere.
    expect(await ids('#2')).toEqual([2, 1]);
    expect(await ids('k2')).toEqual([3]);
    expect(await ids('reply 10')).toEqual([2]);
    // LIKE's own wildcards are taken literally.
    expect(await ids('%')).toEqual([4]);
    expect(await ids('0%')).toEqual([4]);
    expect(await ids('Ünïcode')).toEqual([4]);
    expect(await ids('eply nowhere')).toEqual([]);
    // A long word is found whole, never as its pieces scattered over a body.
    expect(await ids('bulk2179-0000-4000-8000')).toEqual([3]);
    await store.append(record(v1Inbound({ text: 'bul k21 79- 000 0-4 000 -80 00' })));
    expect(await ids('bulk2179-0000-4000-8000')).toEqual([3]);
    expect(await ids('BULK2179-0000-4000')).toEqual([3]);
    expect(await ids('zz')).toEqual([]);
  });

  it('stores and searches around a valid UTF-8 body holding U+0000', async () => {
    const { store } = await tempStore();
    const raw = Buffer.from('{"text":"before\u0000after"}');
    const added = await store.append({
      ...record(v1Status()),
      rawBody: raw,
      bodyText: raw.toString(),
      bodyIsJson: false,
    });
    await store.append(record(v1Inbound({ text: 'after all' })));
    expect((await store.get(added.id))?.bodySize).toBe(raw.length);
    expect((await store.list({ text: 'after all' })).events.map((event) => event.id)).toEqual([2]);
  });

  it('filters by time and forgets events by age and by count', async () => {
    let clock = 1_000_000;
    const { store } = await tempStore({ now: () => clock });
    for (let index = 0; index < 10; index++) await store.append(record(v1Status(), 1_000_000 + index * 1000));
    expect((await store.list({ sinceMs: 1_005_000, untilMs: 1_007_000 })).events.map((event) => event.id)).toEqual([
      7, 6,
    ]);

    expect((await store.list({ text: 'delivered' })).events).toHaveLength(10);
    clock = 1_000_000 + 10_000;
    expect(await store.prune({ maxAgeMs: 7_500 })).toBe(3);
    expect(await store.prune({ maxCount: 4 })).toBe(3);
    expect((await store.list()).events.map((event) => event.id)).toEqual([10, 9, 8, 7]);
    expect((await store.list({ text: 'delivered' })).events.map((event) => event.id)).toEqual([10, 9, 8, 7]);
    await store.append(record(v1Status({ status: 'read' })));
    expect((await store.list({ text: 'read' })).events.map((event) => event.id)).toEqual([11]);
  });

  it('applies its retention policy when it opens', async () => {
    const location = await implementation.freshLocation('store retention');
    const first = await implementation.open(location);
    for (let index = 0; index < 6; index++) await first.append(record(v1Status(), Date.now() - (6 - index) * 60_000));
    await first.close();
    const byAge = await implementation.open(location, { retention: { maxAgeMs: 3.5 * 60_000 } });
    expect((await byAge.list()).events.map((event) => event.id)).toEqual([6, 5, 4]);
    await byAge.close();
    const kept = await implementation.open(location, { retention: { maxCount: 2 } });
    cleanups.push(() => kept.close());
    expect((await kept.list()).events.map((event) => event.id)).toEqual([6, 5]);
    expect((await kept.list({ limit: Number.NaN })).events).toHaveLength(2);
  });

  it('keeps what a forward answered next to the event', async () => {
    const { store } = await tempStore();
    const event = await store.append(record(v1Status()));
    const forward = {
      url: 'http://127.0.0.1:9/webhooks/status',
      status: 500,
      body: 'oops',
      durationMs: 3,
      error: null,
      at: new Date(0).toISOString(),
    };
    await store.setForward(event.id, forward);
    expect((await store.get(event.id))?.forward).toEqual(forward);
  });

  it('reopens with the events in it', async () => {
    const location = await implementation.freshLocation('store reopen');
    const first = await implementation.open(location);
    await first.append(record(v1Status()));
    await first.close();
    const again = await implementation.open(location);
    expect(await again.count()).toBe(1);
    await again.close();
  });
});

describe('webhook event store in SQLite', () => {
  it('upgrades a layout-2 file to the journal, handing out ids past every id the file ever used', async () => {
    const dir = makeTempDir('store layout 2');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const first = openStore({ dataDir: dir });
    for (let index = 0; index < 5; index++) await first.append(record(v1Status({ client_ref: `old-${index}` })));
    expect(first.prune({ maxCount: 3 })).toBe(2);
    await first.close();
    // What a layout-2 build left: no journal, and no sequence of its own.
    const old = new Database(path.join(dir, eventDatabaseFileName));
    old.exec("DROP TABLE events_journal; DELETE FROM sqlite_sequence WHERE name = 'events_journal'");
    old.prepare('DELETE FROM events WHERE id > 3').run();
    old.pragma('user_version = 2');
    old.close();

    const upgraded = openStore({ dataDir: dir });
    cleanups.push(() => upgraded.close());
    const added = await upgraded.append(record(v1Status({ client_ref: 'new' })));
    expect(added.id).toBe(6);
    expect(upgraded.list().events.map((event) => [event.id, event.clientRef])).toEqual([
      [6, 'new'],
      [3, 'old-2'],
    ]);
    expect(upgraded.list({ text: 'new' }).events.map((event) => event.id)).toEqual([6]);
  });

  it('upgrades a layout-3 file, whose index knew whole words only, to substring search, saying so and keeping every event', async () => {
    const dir = makeTempDir('store layout 3');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const first = openStore({ dataDir: dir });
    for (const text of ['Inbound reply #21', 'Inbound reply #22', 'Invalid sender'])
      await first.append(record(v1Inbound({ text })));
    await first.close();
    // What a layout-3 build left: the same rows, indexed by whole words.
    const old = new Database(path.join(dir, eventDatabaseFileName));
    old.exec(`DROP TRIGGER events_fts_delete; DROP TABLE events_fts;
      CREATE VIRTUAL TABLE events_fts USING fts5(body_text, content = '', contentless_delete = 1);
      INSERT INTO events_fts (rowid, body_text) SELECT id, CAST(body AS TEXT) FROM events;
      CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN DELETE FROM events_fts WHERE rowid = old.id; END;`);
    old.pragma('user_version = 3');
    old.close();

    const notices: string[] = [];
    const upgraded = openStore({ dataDir: dir, onNotice: (notice) => notices.push(notice) });
    cleanups.push(() => upgraded.close());
    expect(notices).toEqual([expect.stringMatching(/Upgrading the webhook event store .*: indexing 3 stored events/)]);
    expect(upgraded.list().events.map((event) => event.bodyJson)).toEqual(
      ['Invalid sender', 'Inbound reply #22', 'Inbound reply #21'].map((text) => v1Inbound({ text })),
    );
    expect(upgraded.list({ text: 'nvalid sende' }).events.map((event) => event.id)).toEqual([3]);
    await upgraded.append(record(v1Inbound({ text: 'Inbound reply #23' })));
    expect(upgraded.list({ text: 'reply #2' }).events.map((event) => event.id)).toEqual([4, 2, 1]);
    upgraded.prune({ maxCount: 1 });
    expect(upgraded.list({ text: 'reply' }).events.map((event) => event.id)).toEqual([4]);
  });

  it('refuses an append, naming the missing file, when the writer thread entry it was given is not built', async () => {
    const dir = makeTempDir('store unbuilt');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const missing = path.join(dir, 'out', 'webhook-writer.js');
    const store = openStore({ dataDir: dir, writerScript: missing });
    cleanups.push(() => store.close());
    await expect(store.append(record(v1Status()))).rejects.toThrow(`entry ${missing} is missing; build the app`);
    expect(store.count()).toBe(0);
  });

  it('reports a file that is not a database, and leaves it alone', async () => {
    const dir = makeTempDir('store reopen');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    await openStore({ dataDir: dir }).close();

    const notADatabase = path.join(dir, 'notes.db');
    fs.writeFileSync(notADatabase, 'these are my notes, not SQLite '.repeat(200));
    const opened = createWebhookStore({ path: notADatabase });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.code).toBe('WEBHOOK_STORE_UNAVAILABLE');
    expect(fs.readFileSync(notADatabase, 'utf8')).toContain('these are my notes');
    expect(fs.existsSync(path.join(dir, eventDatabaseFileName))).toBe(true);
  });
});
