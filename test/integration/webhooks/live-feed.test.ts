import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createLiveFeed, type FeedBatch } from '../../../src-main/webhooks/live-feed';
import type { WebhookFeedItem } from '../../../src-main/webhooks/receiver';
import { v1Status } from '../../support/webhook-fixtures';
import { startHarness, type WebhookHarness } from '../../support/webhook-harness';

let harness: WebhookHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

/** Resolves with the batches once `done` says they are enough; rejects after a bounded wait. */
function collect<T>(done: (batches: FeedBatch<T>[]) => boolean, timeoutMs = 3000) {
  const batches: FeedBatch<T>[] = [];
  let wake = (): void => undefined;
  const finished = new Promise<FeedBatch<T>[]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`only ${batches.length} batches within ${timeoutMs} ms`)),
      timeoutMs,
    );
    wake = () => {
      if (!done(batches)) return;
      clearTimeout(timer);
      resolve(batches);
    };
  });
  return {
    finished,
    listener: (batch: FeedBatch<T>) => {
      batches.push(batch);
      wake();
    },
  };
}

const itemCount = (batches: FeedBatch<unknown>[]): number =>
  batches.reduce((sum, batch) => sum + batch.items.length, 0);

describe('live feed', () => {
  it('sends a full batch of 1000 at once and the rest after the interval', async () => {
    const feed = createLiveFeed<number>();
    const { finished, listener } = collect<number>((batches) => itemCount(batches) === 2500);
    feed.subscribe(listener);
    const publishedAt = performance.now();
    for (let index = 0; index < 2500; index++) feed.publish(index);
    const batches = await finished;
    expect(performance.now() - publishedAt).toBeGreaterThanOrEqual(45);
    expect(batches.map((batch) => batch.items.length)).toEqual([1000, 1000, 500]);
    expect(batches.flatMap((batch) => batch.items)).toEqual(Array.from({ length: 2500 }, (_, index) => index));
    feed.close();
  });

  it('gathers items that arrive within the interval into one batch', async () => {
    const feed = createLiveFeed<string>({ flushIntervalMs: 50 });
    const { finished, listener } = collect<string>((batches) => itemCount(batches) === 3);
    feed.subscribe(listener);
    feed.publish('a');
    await Promise.resolve();
    feed.publish('b');
    setImmediate(() => feed.publish('c'));
    expect(await finished).toEqual([{ items: ['a', 'b', 'c'], missed: 0 }]);
    feed.close();
  });

  it('lets a slow subscriber fall behind without holding up others, and tells it how many it missed', async () => {
    const feed = createLiveFeed<number>({ maxBatchSize: 5, maxBacklog: 10 });
    const fast = collect<number>((batches) => itemCount(batches) === 25);
    feed.subscribe(fast.listener);
    let release = (): void => undefined;
    const slowBatches: FeedBatch<number>[] = [];
    const slowCaughtUp = collect<number>((batches) => batches.at(-1)?.items.at(-1) === 24);
    feed.subscribe((batch) => {
      slowBatches.push(batch);
      slowCaughtUp.listener(batch);
      if (slowBatches.length === 1) return new Promise<void>((resolve) => (release = resolve));
    });

    for (let index = 0; index < 25; index++) feed.publish(index);
    expect(itemCount(await fast.finished)).toBe(25);
    expect(slowBatches).toHaveLength(1);
    release();
    await slowCaughtUp.finished;
    expect(slowBatches).toEqual([
      { items: [0, 1, 2, 3, 4], missed: 0 },
      { items: [15, 16, 17, 18, 19], missed: 10 },
      { items: [20, 21, 22, 23, 24], missed: 0 },
    ]);
    feed.close();
  });

  it('keeps ingesting and acknowledging webhooks while a subscriber is stuck', async () => {
    harness = await startHarness({ feed: { flushIntervalMs: 5, maxBatchSize: 10, maxBacklog: 20 } });
    let unblock = (): void => undefined;
    const lastRef = (batch: FeedBatch<WebhookFeedItem> | undefined): unknown =>
      (batch?.items.at(-1)?.event.bodyJson as { client_ref?: string } | undefined)?.client_ref;
    const stuck = collect<WebhookFeedItem>((batches) => lastRef(batches.at(-1)) === 'burst-59');
    let blocked = false;
    harness.receiver.subscribe((batch) => {
      stuck.listener(batch);
      if (blocked) return;
      blocked = true;
      return new Promise<void>((resolve) => (unblock = resolve));
    });
    const statuses: number[] = [];
    for (let index = 0; index < 60; index++) {
      const answer = await request(`${harness.url}/webhooks/status`, {
        method: 'POST',
        body: JSON.stringify(v1Status({ client_ref: `burst-${index}` })),
        headers: { 'content-type': 'application/json' },
      });
      await answer.body.dump();
      statuses.push(answer.statusCode);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(harness.store.count()).toBe(60);
    await harness.waitForEvents(60);
    unblock();
    const batches = await stuck.finished;
    const [first, second] = batches;
    // The stuck subscriber saw its first batch, lost what overflowed its backlog of 20, then got the newest 20.
    expect(second?.missed).toBe(60 - (first?.items.length ?? 0) - 20);
    expect(itemCount(batches.slice(1))).toBe(20);
    expect(batches.slice(2).every((batch) => batch.missed === 0)).toBe(true);
  });
});
