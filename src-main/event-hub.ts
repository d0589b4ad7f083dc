/**
 * Collects core events and hands them to subscribers as arrays: a batch goes out
 * when `maxBatchSize` events are waiting or `maxDelayMs` after the first one,
 * whichever comes first. Hosts forward one message per batch, never one per event.
 * The batching is the live feed's, the one batcher of the core.
 */
import type { ContractEvent, EventBatch, EventName, EventPayload } from '../src-shared/contract';
import { createLiveFeed } from './webhooks/live-feed';

export interface EventHubOptions {
  /** Most events in one batch; a full batch is flushed at once. */
  maxBatchSize?: number;
  /** Longest an event waits before its batch is flushed. */
  maxDelayMs?: number;
  /** Told when a listener throws; the other listeners still get the batch. */
  onListenerError?: (error: unknown) => void;
}

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: (batch: EventBatch) => void): () => void;
  /** Delivers what is pending and stops the timer. */
  close(): void;
}

export function createEventHub(options: EventHubOptions = {}): EventHub {
  const { maxBatchSize = 500, maxDelayMs = 16, onListenerError } = options;
  const feed = createLiveFeed<ContractEvent>({
    maxBatchSize,
    flushIntervalMs: maxDelayMs,
    ...(onListenerError ? { onListenerError } : {}),
  });
  return {
    emit: (name, payload) => feed.publish({ name, payload } as ContractEvent),
    // Listeners here return nothing, so the feed never holds a backlog for them and `missed` stays 0.
    subscribe: (listener) => feed.subscribe(({ items }) => listener(items)),
    close: () => feed.close(),
  };
}
