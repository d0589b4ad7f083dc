/**
 * Schedules the writer thread's work that no webhook's answer waits for
 * (moving the journal into `events`, indexing bodies): it runs once webhooks
 * stop arriving for `idleMs`, in slices of one short transaction each, so a
 * burst's commits never queue behind it. A step may lag by at most
 * `maxLagRows` rows or `maxLagMs`; past either it runs during the burst too,
 * still one slice at a time, until it has caught up.
 *
 * Why: the writer thread shares the CPU with the receiver's thread and the
 * senders, and during a burst the moving and indexing (7 and 37 µs a row)
 * took time the receiver needed to answer. Nothing is hidden by the lag: a
 * read moves the journal first on its own connection, and a search checks the
 * unindexed rows itself (event-store.ts, event-queries.ts).
 *
 * The steps form a pipeline: the rows one step finishes become rows for the
 * next (moved rows wait to be indexed). A step fed by commits also counts every
 * committed row (the WAL checkpoint, whose work grows with every write).
 */

export interface DeferredStep {
  /**
   * Does one slice (one transaction); returns how many rows it finished
   * (Infinity: all of them), 0 when none were waiting.
   */
  runSlice(): number;
  /** Counts every committed row as waiting, besides what the step before finishes. */
  fedByCommits?: boolean;
  /** Past this many waiting rows the step runs even while webhooks arrive. */
  maxLagRows: number;
  /** Past this age of the oldest waiting row the step runs even while webhooks arrive. */
  maxLagMs: number;
}

export interface DeferredWorkOptions {
  steps: DeferredStep[];
  /** How long no webhook must arrive before the steps run; default 100 ms. */
  idleMs?: number;
  /** Told when a slice fails; the step is tried again at the next opportunity. */
  onError?: (error: unknown) => void;
  now?: () => number;
}

export interface DeferredWork {
  /**
   * Notes that `rows` were committed for the first step and every step fed by
   * commits, and that the writer is busy now.
   */
  rowsCommitted(rows: number): void;
  /** Stops the timers; the caller finishes what is left itself. */
  close(): void;
}

interface StepState {
  step: DeferredStep;
  waitingRows: number;
  oldestWaitingAt: number | undefined;
  /** After a failed slice: not tried again before this time. */
  retryAt: number;
  /** Set when a cap was passed: the step then runs until nothing waits. */
  catchingUp: boolean;
}

/** How long a failed step rests before it is tried again. */
const retryDelayMs = 1000;

export function createDeferredWork(options: DeferredWorkOptions): DeferredWork {
  const idleMs = options.idleMs ?? 100;
  const now = options.now ?? Date.now;
  const states: StepState[] = options.steps.map((step) => ({
    step,
    waitingRows: 0,
    oldestWaitingAt: undefined,
    retryAt: -Infinity,
    catchingUp: false,
  }));
  let lastCommitAt = -Infinity;
  /** The step of the last slice. */
  let lastRun = -1;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let closed = false;

  function add(state: StepState, rows: number, at: number): void {
    state.waitingRows += rows;
    state.oldestWaitingAt ??= at;
    if (state.waitingRows >= state.step.maxLagRows) state.catchingUp = true;
  }

  /** The time from which a waiting step may run: when the writer went quiet, or when its lag passes a cap. */
  function dueAt(state: StepState): number {
    if (state.waitingRows === 0 || state.oldestWaitingAt === undefined) return Infinity;
    if (state.catchingUp) return state.retryAt;
    return Math.max(state.retryAt, Math.min(lastCommitAt + idleMs, state.oldestWaitingAt + state.step.maxLagMs));
  }

  function runOneSlice(state: StepState, next: StepState | undefined, at: number): void {
    let finished = 0;
    try {
      finished = state.step.runSlice();
    } catch (error) {
      options.onError?.(error);
      state.retryAt = at + retryDelayMs;
      return;
    }
    // None found: another connection (a read on the main thread) did the work already.
    state.waitingRows = finished === 0 ? 0 : Math.max(0, state.waitingRows - finished);
    if (state.waitingRows === 0) {
      state.oldestWaitingAt = undefined;
      state.catchingUp = false;
    }
    if (next) add(next, finished, at);
  }

  /**
   * The first due step in pipeline order, except that steps past a cap take
   * turns: while webhooks pour in, an earlier step may never catch up, and a
   * later one (the checkpoint) must not wait for it forever.
   */
  function nextStep(at: number): number {
    const pastCap = states.flatMap((state, index) => (state.catchingUp && dueAt(state) <= at ? [index] : []));
    if (pastCap.length > 0) return pastCap.find((index) => index > lastRun) ?? pastCap[0]!;
    return states.findIndex((state) => dueAt(state) <= at);
  }

  function tick(): void {
    timer = undefined;
    immediate = undefined;
    if (closed) return;
    const at = now();
    const index = nextStep(at);
    const state = states[index];
    if (state) {
      lastRun = index;
      runOneSlice(state, states[index + 1], at);
    }
    schedule();
  }

  function schedule(): void {
    if (closed || immediate) return;
    const earliest = Math.min(...states.map(dueAt));
    if (earliest === Infinity) return;
    const wait = earliest - now();
    if (wait <= 0) {
      // Between slices the thread reads its messages, so a commit waits for one slice at most.
      if (timer) clearTimeout(timer);
      timer = undefined;
      immediate = setImmediate(tick);
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, wait);
  }

  return {
    rowsCommitted(rows) {
      const at = now();
      lastCommitAt = at;
      states.forEach((state, index) => {
        if (index === 0 || state.step.fedByCommits) add(state, rows, at);
      });
      // A burst keeps moving the idle time on: the timer is set again only when it fires or a cap is near.
      if (!timer) schedule();
      else if (states.some((state) => dueAt(state) <= at)) schedule();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
      timer = undefined;
      immediate = undefined;
    },
  };
}
