import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeferredWork, type DeferredWork } from '../../../src-main/webhooks/deferred-work';

/** A step over a queue of rows: each slice finishes up to `sliceRows` of them, as journal-drain.ts and text-index.ts do. */
function queueStep(sliceRows: number, caps: { maxLagRows?: number; maxLagMs?: number } = {}) {
  const step = {
    waiting: 0,
    done: 0,
    slices: 0,
    failNext: false,
    runSlice(): number {
      step.slices++;
      if (step.failNext) {
        step.failNext = false;
        throw new Error('database is locked');
      }
      const finished = Math.min(sliceRows, step.waiting);
      step.waiting -= finished;
      step.done += finished;
      return finished;
    },
    maxLagRows: caps.maxLagRows ?? 1_000_000,
    maxLagMs: caps.maxLagMs ?? 1_000_000,
  };
  return step;
}

let work: DeferredWork | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  work?.close();
  vi.useRealTimers();
});

/** Commits `rows` every `everyMs` for `forMs`, as a burst of webhooks does. */
async function burst(commit: (rows: number) => void, rows: number, everyMs: number, forMs: number): Promise<void> {
  for (let elapsed = 0; elapsed < forMs; elapsed += everyMs) {
    commit(rows);
    await vi.advanceTimersByTimeAsync(everyMs);
  }
}

describe('deferred work of the writer thread', () => {
  it('waits while commits keep coming, then finishes every step in order once they stop', async () => {
    const move = queueStep(100);
    const index = queueStep(30);
    work = createDeferredWork({ idleMs: 100, steps: [move, index], now: Date.now });
    const commit = (rows: number) => {
      move.waiting += rows;
      work?.rowsCommitted(rows);
    };
    // Index rows appear as the first step moves them.
    const moveSlice = move.runSlice;
    move.runSlice = () => {
      const moved = moveSlice();
      index.waiting += moved;
      return moved;
    };

    await burst(commit, 10, 20, 2000);
    expect(move.slices).toBe(0);
    expect(index.slices).toBe(0);

    await vi.advanceTimersByTimeAsync(1000);
    expect(move.done).toBe(1000);
    expect(index.done).toBe(1000);
    // Each step took its rows a slice at a time, and the index stopped when nothing was left.
    expect(move.slices).toBe(10);
    expect(index.slices).toBe(34);
  });

  it('runs a step during a burst once too many rows wait, and only until it has caught up', async () => {
    const move = queueStep(50, { maxLagRows: 200 });
    work = createDeferredWork({ idleMs: 100, steps: [move], now: Date.now });
    const commit = (rows: number) => {
      move.waiting += rows;
      work?.rowsCommitted(rows);
    };

    await burst(commit, 10, 10, 150);
    expect(move.done).toBe(0);
    await burst(commit, 10, 10, 100);
    // The cap was passed at 200 rows: slices ran between the commits and caught up.
    expect(move.done).toBeGreaterThanOrEqual(200);
    expect(move.waiting).toBeLessThan(100);
    // Caught up, it waits again: below the cap, commits only add rows.
    const doneAtCatchUp = move.done;
    await burst(commit, 10, 10, 100);
    expect(move.done).toBe(doneAtCatchUp);
  });

  it('counts every commit for a step fed by commits: it runs last when quiet, and during a burst past its cap', async () => {
    const move = queueStep(50);
    const order: string[] = [];
    const checkpoint = {
      fedByCommits: true,
      runs: 0,
      runSlice(): number {
        checkpoint.runs++;
        order.push(`checkpoint after ${move.done} moved`);
        return Infinity;
      },
      maxLagRows: 300,
      maxLagMs: 1_000_000,
    };
    work = createDeferredWork({ idleMs: 100, steps: [move, checkpoint], now: Date.now });
    const commit = (rows: number) => {
      move.waiting += rows;
      work?.rowsCommitted(rows);
    };

    await burst(commit, 10, 10, 100);
    expect(checkpoint.runs).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    // Quiet: the earlier step finishes first, then one checkpoint covers everything.
    expect(order).toEqual(['checkpoint after 100 moved']);

    // Below its own cap it waits while commits keep coming; past it, it runs in the burst though nothing was moved.
    await burst(commit, 10, 10, 250);
    expect(checkpoint.runs).toBe(1);
    await burst(commit, 10, 10, 100);
    expect(checkpoint.runs).toBe(2);
    expect(move.done).toBe(100);
  });

  it('lets steps past their caps take turns, so an earlier one that never catches up starves no later one', async () => {
    const move = queueStep(1, { maxLagRows: 20 });
    let checkpoints = 0;
    const checkpoint = {
      fedByCommits: true,
      runSlice: () => {
        checkpoints++;
        return Infinity;
      },
      maxLagRows: 50,
      maxLagMs: 1_000_000,
    };
    work = createDeferredWork({ idleMs: 1_000_000, steps: [move, checkpoint], now: Date.now });
    move.waiting += 100;
    work.rowsCommitted(100);
    for (let slice = 0; slice < 10; slice++) await vi.advanceTimersToNextTimerAsync();
    expect(checkpoints).toBe(1);
    expect(move.done).toBe(9);
  });

  it('runs a step during a burst once its oldest row has waited too long', async () => {
    const move = queueStep(1000, { maxLagMs: 500 });
    work = createDeferredWork({ idleMs: 100, steps: [move], now: Date.now });
    const commit = (rows: number) => {
      move.waiting += rows;
      work?.rowsCommitted(rows);
    };

    await burst(commit, 1, 10, 490);
    expect(move.done).toBe(0);
    await burst(commit, 1, 10, 30);
    expect(move.done).toBeGreaterThanOrEqual(50);
  });

  it('tries a failed slice again a second later, not in a tight loop', async () => {
    const move = queueStep(100);
    const errors: unknown[] = [];
    work = createDeferredWork({ idleMs: 100, steps: [move], now: Date.now, onError: (error) => errors.push(error) });
    move.waiting = 50;
    move.failNext = true;
    work.rowsCommitted(50);

    await vi.advanceTimersByTimeAsync(500);
    expect(errors).toHaveLength(1);
    expect(move.slices).toBe(1);
    await vi.advanceTimersByTimeAsync(700);
    expect(move.done).toBe(50);
  });

  it('leaves a step that another connection caught up with', async () => {
    const move = queueStep(100);
    work = createDeferredWork({ idleMs: 100, steps: [move], now: Date.now });
    work.rowsCommitted(500);
    // A read on the main thread moved the rows already: the first slice finds none and the step stops.
    await vi.advanceTimersByTimeAsync(1000);
    expect(move.slices).toBe(1);
  });
});
