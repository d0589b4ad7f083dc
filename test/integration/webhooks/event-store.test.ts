import fs from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyWebhookBody } from '../../../src-main/webhooks/classify';
import { createWebhookStore, eventDatabaseFileName, type WebhookStore } from '../../../src-main/webhooks/event-store';
import type { NewWebhookRecord } from '../../../src-main/webhooks/event-types';
import { v1Inbound, v1Status } from '../../support/webhook-fixtures';
import { makeTempDir, openStore } from '../../support/webhook-harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempStore(options: { now?: () => number } = {}): { store: WebhookStore; dir: string } {
  const dir = makeTempDir('store');
  const store = openStore({ dataDir: dir, ...options });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  return { store, dir };
}

function record(body: Record<string, unknown>, receivedAt = Date.now()): NewWebhookRecord {
  const text = JSON.stringify(body);
  return {
    receivedAt,
    method: 'POST',
    path: '/webhooks/status',
    query: '',
    headers: { 'content-type': 'application/json' },
    remoteAddress: '127.0.0.1',
    rawBody: Buffer.from(text),
    bytesReceived: text.length,
    bodyText: text,
    bodyIsJson: true,
    bodyTooDeep: false,
    parseError: null,
    truncated: false,
    classification: classifyWebhookBody(body),
    verdict: 'unsigned',
    verdictReason: 'No Authorization header: the webhook is not signed.',
    answerStatus: 200,
  };
}

describe('webhook event store', () => {
  it('commits appends made together in one group and reads them back exactly', async () => {
    const { store } = tempStore();
    const raw = Buffer.from([0x7b, 0xff, 0x00, 0x7d]);
    const appended = await Promise.all([
      store.append(record(v1Status({ status: 'submitted' }))),
      store.append({ ...record(v1Status()), rawBody: raw, bodyIsJson: false, parseError: 'body is not valid UTF-8' }),
    ]);
    expect(appended.map((event) => event.id)).toEqual([1, 2]);
    expect(store.get(1)).toMatchObject({
      kind: 'status',
      status: 'submitted',
      channel: 'sms',
      clientRef: 'order-42',
      forward: null,
    });
    expect(store.get(1)?.bodyJson).toEqual(v1Status({ status: 'submitted' }));
    expect(store.getRawBody(2)?.equals(raw)).toBe(true);
    expect(store.get(2)).toMatchObject({ bodyJson: undefined, parseError: 'body is not valid UTF-8', bodySize: 4 });
    expect(store.get(3)).toBeUndefined();
  });

  it('filters, pages newest first with a cursor, and searches bodies', async () => {
    const { store } = tempStore();
    for (let index = 0; index < 7; index++)
      await store.append(
        record(
          v1Status({ status: index % 2 ? 'delivered' : 'rejected', error: index % 2 ? undefined : { title: '1300' } }),
        ),
      );
    await store.append(record(v1Inbound({ text: 'Stop sending me offers' })));

    const first = store.list({ kind: 'status', limit: 3 });
    expect(first.events.map((event) => event.id)).toEqual([7, 6, 5]);
    const second = store.list({ kind: 'status', limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second.events.map((event) => event.id)).toEqual([4, 3, 2]);
    const last = store.list({ kind: 'status', limit: 3, cursor: second.nextCursor ?? undefined });
    expect(last).toMatchObject({ nextCursor: null });
    expect(last.events.map((event) => event.id)).toEqual([1]);

    expect(store.list({ errorCode: '1300' }).events.map((event) => event.id)).toEqual([7, 5, 3, 1]);
    expect(store.list({ channel: 'whatsapp', kind: 'inbound' }).events.map((event) => event.messageType)).toEqual([
      'text',
    ]);
    expect(store.list({ text: 'sending offers' }).events.map((event) => event.id)).toEqual([8]);
    expect(store.list({ text: 'stop "quoted' }).events).toEqual([]);
    expect(store.list({ text: 'rejected', limit: 2 }).events.map((event) => event.id)).toEqual([7, 5]);
  });

  it('filters by time and forgets events by age and by count', async () => {
    let clock = 1_000_000;
    const { store } = tempStore({ now: () => clock });
    for (let index = 0; index < 10; index++) await store.append(record(v1Status(), 1_000_000 + index * 1000));
    expect(store.list({ sinceMs: 1_005_000, untilMs: 1_007_000 }).events.map((event) => event.id)).toEqual([7, 6]);

    expect(store.list({ text: 'delivered' }).events).toHaveLength(10);
    clock = 1_000_000 + 10_000;
    expect(store.prune({ maxAgeMs: 7_500 })).toBe(3);
    expect(store.prune({ maxCount: 4 })).toBe(3);
    expect(store.list().events.map((event) => event.id)).toEqual([10, 9, 8, 7]);
    expect(store.list({ text: 'delivered' }).events.map((event) => event.id)).toEqual([10, 9, 8, 7]);
    await store.append(record(v1Status({ status: 'read' })));
    expect(store.list({ text: 'read' }).events.map((event) => event.id)).toEqual([11]);
  });

  it('applies its retention policy when it opens', async () => {
    const dir = makeTempDir('store retention');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const first = openStore({ dataDir: dir });
    for (let index = 0; index < 6; index++) await first.append(record(v1Status(), Date.now() - (6 - index) * 60_000));
    await first.close();
    const byAge = openStore({ dataDir: dir, retention: { maxAgeMs: 3.5 * 60_000 } });
    expect(byAge.list().events.map((event) => event.id)).toEqual([6, 5, 4]);
    await byAge.close();
    const kept = openStore({ dataDir: dir, retention: { maxCount: 2 } });
    cleanups.push(() => kept.close());
    expect(kept.list().events.map((event) => event.id)).toEqual([6, 5]);
    expect(kept.list({ limit: Number.NaN }).events).toHaveLength(2);
  });

  it('keeps what a forward answered next to the event', async () => {
    const { store } = tempStore();
    const event = await store.append(record(v1Status()));
    const forward = {
      url: 'http://127.0.0.1:9/webhooks/status',
      status: 500,
      body: 'oops',
      durationMs: 3,
      error: null,
      at: new Date(0).toISOString(),
    };
    store.setForward(event.id, forward);
    expect(store.get(event.id)?.forward).toEqual(forward);
  });

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

  it('refuses an append, naming the missing file, when the writer thread entry it was given is not built', async () => {
    const dir = makeTempDir('store unbuilt');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const missing = path.join(dir, 'out', 'webhook-writer.js');
    const store = openStore({ dataDir: dir, writerScript: missing });
    cleanups.push(() => store.close());
    await expect(store.append(record(v1Status()))).rejects.toThrow(`entry ${missing} is missing; build the app`);
    expect(store.count()).toBe(0);
  });

  it('reopens its own file with the events in it, and reports a file that is not a database', async () => {
    const dir = makeTempDir('store reopen');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const first = openStore({ dataDir: dir });
    await first.append(record(v1Status()));
    await first.close();
    const again = openStore({ dataDir: dir });
    expect(again.count()).toBe(1);
    await again.close();

    const notADatabase = path.join(dir, 'notes.db');
    fs.writeFileSync(notADatabase, 'these are my notes, not SQLite '.repeat(200));
    const opened = createWebhookStore({ path: notADatabase });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.code).toBe('WEBHOOK_STORE_UNAVAILABLE');
    expect(fs.readFileSync(notADatabase, 'utf8')).toContain('these are my notes');
    expect(fs.existsSync(path.join(dir, eventDatabaseFileName))).toBe(true);
  });
});
