/**
 * Collects core events and hands them to subscribers as arrays: a batch goes out
 * when `maxBatchSize` events are waiting or `maxDelayMs` after the first one,
 * whichever comes first. Hosts forward one message per batch, never one per event.
 */
import type { ContractEvent, EventBatch, EventName, EventPayload } from '../src-shared/contract';

export interface EventHubOptions {
  /** Most events in one batch; a full batch is flushed at once. */
  maxBatchSize?: number;
  /** Longest an event waits before its batch is flushed. */
  maxDelayMs?: number;
}

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: (batch: EventBatch) => void): () => void;
  /** Delivers what is pending and stops the timer. */
  close(): void;
}

export function createEventHub({ maxBatchSize = 500, maxDelayMs = 16 }: EventHubOptions = {}): EventHub {
  const listeners = new Set<(batch: EventBatch) => void>();
  let pending: ContractEvent[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    for (const listener of listeners) listener(batch);
  }

  return {
    emit(name, payload) {
      pending.push({ name, payload } as ContractEvent);
      if (pending.length >= maxBatchSize) flush();
      else timer ??= setTimeout(flush, maxDelayMs);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      flush();
      listeners.clear();
    },
  };
}
