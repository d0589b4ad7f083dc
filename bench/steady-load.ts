/**
 * A steady request rate: a batch every 10 ms, each request timed from its send
 * to its answer. autocannon's own rate limit sends each second's quota at once
 * at the start of the second, which measures bursts, not a steady rate.
 */
import { Pool } from 'undici';

export interface SteadyRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface SteadyResult {
  sent: number;
  acknowledged: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests answered per second, from the first send to the last answer. */
  answeredPerSecond: number;
}

export async function steadyLoad(
  origin: string,
  perSecond: number,
  seconds: number,
  request: (index: number) => SteadyRequest,
): Promise<SteadyResult> {
  const pool = new Pool(origin, { connections: 16 });
  const perTick = perSecond / 100;
  const latencies: number[] = [];
  let acknowledged = 0;
  let failed = 0;
  const sends: Promise<void>[] = [];
  const startedAt = performance.now();
  for (let tick = 0; tick < seconds * 100; tick++) {
    const wait = startedAt + tick * 10 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // Whole requests per tick, carrying the fraction over, so any rate comes out right over a second.
    const due = Math.floor((tick + 1) * perTick) - Math.floor(tick * perTick);
    for (let index = 0; index < due; index++) {
      const { path, headers, body } = request(sends.length);
      const sentAt = performance.now();
      sends.push(
        pool.request({ method: 'POST', path, headers, body }).then(
          async (response) => {
            await response.body.dump();
            latencies.push(performance.now() - sentAt);
            if (response.statusCode >= 200 && response.statusCode < 300) acknowledged++;
            else failed++;
          },
          () => void failed++,
        ),
      );
    }
  }
  await Promise.all(sends);
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  await pool.close();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  return {
    sent: sends.length,
    acknowledged,
    failed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    answeredPerSecond: (acknowledged + failed) / elapsedSeconds,
  };
}
