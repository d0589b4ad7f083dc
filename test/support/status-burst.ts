import type { Pool } from 'undici';
import { v1Status } from './webhook-fixtures';

export type BurstAnswer = number | 'no answer';

/**
 * Posts v1 status webhooks with numbered client_refs (`burst-0`, `burst-1`, …)
 * over `connections` parallel loops on `pool`, until `stop()` is called or
 * `total` have been sent; each answer's status (or its absence) goes to `onAnswer`.
 */
export function statusBurst(
  pool: Pool,
  onAnswer: (ref: string, status: BurstAnswer) => void,
  { connections = 16, total = Infinity }: { connections?: number; total?: number } = {},
): { stop(): Promise<void>; done: Promise<void> } {
  let stopped = false;
  let next = 0;
  async function sendUntilStopped(): Promise<void> {
    while (!stopped && next < total) {
      const ref = `burst-${next++}`;
      try {
        const answer = await pool.request({
          method: 'POST',
          path: '/webhooks/status',
          body: JSON.stringify(v1Status({ client_ref: ref })),
          headers: { 'content-type': 'application/json' },
        });
        await answer.body.dump();
        onAnswer(ref, answer.statusCode);
      } catch {
        // A request in flight when the receiver went away has no answer; the caller decides what that means.
        onAnswer(ref, 'no answer');
      }
    }
  }
  const done = Promise.all(Array.from({ length: connections }, sendUntilStopped)).then(() => undefined);
  return {
    stop: () => {
      stopped = true;
      return done;
    },
    done,
  };
}
