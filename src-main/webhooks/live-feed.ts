/**
 * Pushes items to subscribers in batches: a batch leaves when `maxBatchSize`
 * items are waiting or `flushIntervalMs` after the first one arrived.
 *
 * Publishing never waits for a subscriber. A subscriber whose listener returns
 * a promise gets its next batch only after that promise settles; meanwhile its
 * items wait in its own backlog, bounded by `maxBacklog`. When the backlog is
 * full the oldest items are dropped and the next batch says how many (`missed`),
 * so a slow consumer (a blocked stdout, a busy renderer) can fetch the gap from
 * the store instead of slowing ingest.
 */

export interface LiveFeedOptions {
  /** Most items in one batch; a full batch leaves at once. Default 1000. */
  maxBatchSize?: number;
  /** Longest an item waits for its batch. Default 50 ms. */
  flushIntervalMs?: number;
  /** Most items kept for one subscriber that has not finished its last batch. Default 10 000. */
  maxBacklog?: number;
  /** Told when a listener throws or rejects; the feed carries on. */
  onListenerError?: (error: unknown) => void;
}

export interface FeedBatch<T> {
  items: T[];
  /** Items this subscriber lost since its previous batch because it was too slow. */
  missed: number;
}

export type FeedListener<T> = (batch: FeedBatch<T>) => void | Promise<void>;

export interface LiveFeed<T> {
  publish(item: T): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: FeedListener<T>): () => void;
  /** Sends what is pending and stops. */
  close(): void;
}

interface Subscriber<T> {
  listener: FeedListener<T>;
  backlog: T[];
  missed: number;
  busy: boolean;
}

export function createLiveFeed<T>(options: LiveFeedOptions = {}): LiveFeed<T> {
  const maxBatchSize = options.maxBatchSize ?? 1000;
  const flushIntervalMs = options.flushIntervalMs ?? 50;
  const maxBacklog = Math.max(options.maxBacklog ?? 10_000, maxBatchSize);
  const subscribers = new Set<Subscriber<T>>();
  let pending: T[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    for (const subscriber of subscribers) enqueue(subscriber, items);
  }

  function enqueue(subscriber: Subscriber<T>, items: T[]): void {
    for (const item of items) subscriber.backlog.push(item);
    const overflow = subscriber.backlog.length - maxBacklog;
    if (overflow > 0) {
      subscriber.backlog.splice(0, overflow);
      subscriber.missed += overflow;
    }
    deliver(subscriber);
  }

  function deliver(subscriber: Subscriber<T>): void {
    while (!subscriber.busy && subscriber.backlog.length > 0 && subscribers.has(subscriber)) {
      const batch = { items: subscriber.backlog.splice(0, maxBatchSize), missed: subscriber.missed };
      subscriber.missed = 0;
      let outcome: void | Promise<void>;
      try {
        outcome = subscriber.listener(batch);
      } catch (error) {
        options.onListenerError?.(error);
        continue;
      }
      if (outcome instanceof Promise) {
        subscriber.busy = true;
        outcome
          .catch((error: unknown) => options.onListenerError?.(error))
          .finally(() => {
            subscriber.busy = false;
            deliver(subscriber);
          });
      }
    }
  }

  return {
    publish(item) {
      pending.push(item);
      if (pending.length >= maxBatchSize) flush();
      else timer ??= setTimeout(flush, flushIntervalMs);
    },
    subscribe(listener) {
      const subscriber: Subscriber<T> = { listener, backlog: [], missed: 0, busy: false };
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    close() {
      flush();
      subscribers.clear();
    },
  };
}
