import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventBatch } from '../../../src-shared/contract';
import { createEventHub } from '../../../src-main/event-hub';

afterEach(() => {
  vi.useRealTimers();
});

/** One change in a watched collection folder, numbered so order shows. */
const change = (seq: number) => ({ root: '/collections', paths: [`request-${seq}.json`] });

describe('the event hub', () => {
  it('flushes a full batch at once, without waiting for the timer', () => {
    vi.useFakeTimers();
    const hub = createEventHub({ maxBatchSize: 3, maxDelayMs: 1000 });
    const batches: EventBatch[] = [];
    hub.subscribe((batch) => batches.push(batch));
    for (let seq = 1; seq <= 7; seq++) hub.emit('collections.changed', change(seq));
    expect(batches.map((batch) => batch.length)).toEqual([3, 3]);
    vi.advanceTimersByTime(999);
    expect(batches).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
    hub.close();
  });

  it('bounds the wait of a lone event by maxDelayMs', () => {
    vi.useFakeTimers();
    const hub = createEventHub({ maxBatchSize: 100, maxDelayMs: 20 });
    const batches: EventBatch[] = [];
    hub.subscribe((batch) => batches.push(batch));
    hub.emit('collections.changed', change(1));
    vi.advanceTimersByTime(19);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[{ name: 'collections.changed', payload: change(1) }]]);
    hub.close();
  });

  it('delivers what is pending on close and nothing after unsubscribe', () => {
    const hub = createEventHub({ maxBatchSize: 100, maxDelayMs: 1000 });
    const first: EventBatch[] = [];
    const second: EventBatch[] = [];
    hub.subscribe((batch) => first.push(batch));
    const unsubscribe = hub.subscribe((batch) => second.push(batch));
    unsubscribe();
    hub.emit('collections.changed', change(1));
    hub.close();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });

  it('reports a listener that throws and still hands the batch to the others', () => {
    const errors: unknown[] = [];
    const hub = createEventHub({ maxBatchSize: 1, onListenerError: (error) => errors.push(error) });
    const delivered: EventBatch[] = [];
    hub.subscribe(() => {
      throw new Error('listener bug');
    });
    hub.subscribe((batch) => delivered.push(batch));
    hub.emit('collections.changed', change(1));
    expect(delivered).toEqual([[{ name: 'collections.changed', payload: change(1) }]]);
    expect(errors).toEqual([new Error('listener bug')]);
    hub.close();
  });
});
