import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { createEventWriter } from '../../../src-main/webhooks/event-writer';
import { recordToValues } from '../../../src-main/webhooks/event-schema';
import { storedRecord, v1Status } from '../../support/webhook-fixtures';
import { builtWebhookWriter, makeTempDir, openStore } from '../../support/webhook-harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const row = (status: string) => recordToValues(storedRecord(v1Status({ status })));

/** A store file with its layout in place, for a writer answering at commit (process-crash durability). */
async function storeFile(): Promise<{ dataDir: string; filePath: string }> {
  const dataDir = makeTempDir('background sync');
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const layout = openStore({ dataDir });
  await layout.close();
  return { dataDir, filePath: layout.path };
}

it('answers inserts at their commit and fsyncs the WAL in the background afterwards', async () => {
  const { filePath } = await storeFile();
  const order: string[] = [];
  let synced!: () => void;
  const firstSync = new Promise<void>((resolve) => (synced = resolve));
  const writer = createEventWriter({
    script: builtWebhookWriter,
    path: filePath,
    syncEachCommit: false,
    backgroundSyncMs: 50,
    onBackgroundSync: (error) => {
      order.push(error ? `sync failed: ${String(error)}` : 'synced');
      synced();
    },
  });
  cleanups.push(() => writer.close());

  await Promise.all([writer.insert(row('submitted')), writer.insert(row('delivered'))]);
  order.push('answered');
  await firstSync;
  expect(order).toEqual(['answered', 'synced']);
});

it('keeps syncing while commits keep coming: a commit made during a sync gets a sync of its own', async () => {
  const { dataDir, filePath } = await storeFile();
  let syncs = 0;
  let wake: (() => void) | undefined;
  const writer = createEventWriter({
    script: builtWebhookWriter,
    path: filePath,
    syncEachCommit: false,
    backgroundSyncMs: 20,
    onBackgroundSync: (error) => {
      expect(error).toBeUndefined();
      syncs++;
      wake?.();
    },
  });
  cleanups.push(() => writer.close());
  const nextSync = () => new Promise<void>((resolve) => (wake = resolve));

  const first = nextSync();
  await writer.insert(row('submitted'));
  await first;
  const second = nextSync();
  await writer.insert(row('delivered'));
  await second;
  expect(syncs).toBe(2);
  await writer.close();

  const reopened = openStore({ dataDir });
  cleanups.push(() => reopened.close());
  expect(reopened.list().events.map((event) => event.status)).toEqual(['delivered', 'submitted']);
});
