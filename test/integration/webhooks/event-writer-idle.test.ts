import fs from 'node:fs';
import { afterEach, expect, it, vi } from 'vitest';
import { createEventWriter } from '../../../src-main/webhooks/event-writer';
import { recordToValues } from '../../../src-main/webhooks/event-schema';
import { storedRecord, v1Status } from '../../support/webhook-fixtures';
import { builtWebhookWriter, makeTempDir, openStore } from '../../support/webhook-harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store file with its layout in place, and the writer under test on it. */
async function idleWriter(idleStopMs: number) {
  const dataDir = makeTempDir('idle writer');
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const layout = openStore({ dataDir });
  const filePath = layout.path;
  await layout.close();
  const writer = createEventWriter({ script: builtWebhookWriter, path: filePath, syncEachCommit: true, idleStopMs });
  cleanups.push(() => writer.close());
  return { writer, dataDir };
}

const row = (status: string) => recordToValues(storedRecord(v1Status({ status })));

it('stops its thread once idle, and the next inserts start another without losing or reordering any', async () => {
  const { writer, dataDir } = await idleWriter(20);
  expect(writer.threadRunning()).toBe(false);
  const first = await writer.insert(row('submitted'));
  expect(writer.threadRunning()).toBe(true);

  await vi.waitFor(() => expect(writer.threadRunning()).toBe(false), { interval: 1, timeout: 5000 });
  // Sent as soon as the stop is asked for: they wait for the old thread to close its connection, then get a new one.
  const later = await Promise.all([writer.insert(row('delivered')), writer.insert(row('read'))]);
  expect(later).toEqual([first + 1, first + 2]);
  expect(writer.threadRunning()).toBe(true);
  await writer.close();

  const reopened = openStore({ dataDir });
  cleanups.push(() => reopened.close());
  expect(reopened.list().events.map((event) => event.status)).toEqual(['read', 'delivered', 'submitted']);
});
