/**
 * Fills a data folder's event store directly (not over HTTP) with `count`
 * events, for the benchmarks that need a big store: the timeline page and the
 * export. Appends go in groups, committed without fsync (the fill is set-up,
 * not the figure). Returns events per second.
 */
import { createWebhookStore } from '../src-main/webhooks/event-store';
import type { NewWebhookRecord } from '../src-main/webhooks/event-types';
import { builtWebhookWriter } from '../test/support/webhook-harness';

export async function fillStore(
  dataDir: string,
  count: number,
  recordAt: (index: number, receivedAt: number) => NewWebhookRecord,
  label: string,
): Promise<number> {
  const opened = createWebhookStore({ dataDir, durability: 'process-crash', writerScript: builtWebhookWriter });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const startedAt = performance.now();
  const firstAt = Date.now() - count;
  for (let start = 0; start < count; start += 20_000) {
    const end = Math.min(count, start + 20_000);
    await Promise.all(
      Array.from({ length: end - start }, (_, offset) =>
        store.append(recordAt(start + offset, firstAt + start + offset)),
      ),
    );
    if (start % 200_000 === 0) process.stderr.write(`${label}: stored ${end.toLocaleString('en-US')} events\n`);
  }
  // Closing brings the full-text index up to date, so serve does not index on open.
  await store.close();
  return count / ((performance.now() - startedAt) / 1000);
}
