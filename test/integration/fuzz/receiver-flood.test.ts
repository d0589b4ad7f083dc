/**
 * Two floods of 10,000 webhooks at `workbench listen`: every one is answered
 * and stored, and afterwards the heap in use (after a full collection,
 * read through the inspector) is back where it was before the floods. A leak
 * of the events, their bodies (4 KiB each, about 40 MiB a flood) or their
 * sockets would stay. Resident memory is noted too: V8 keeps the heap it grew
 * for the load, so RSS says little about leaks. Figures go to stderr.
 */
import fs from 'node:fs';
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { connectHeapProbe } from '../../support/heap-probe';
import { makeTempDir } from '../../support/serve-process';

const floodSize = 10_000;
const connections = 32;

const running: CliProcess[] = [];
afterEach(async () => {
  await stopAll(running);
});

/** Resident set size of a process in MiB, from the kernel's own account. */
function residentMiB(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1]) / 1024;
}

function statusWebhook(index: number): string {
  return JSON.stringify({
    message_uuid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    to: '447700900000',
    from: 'Acme',
    timestamp: '2026-11-30T12:00:00Z',
    status: 'delivered',
    channel: 'sms',
    usage: { currency: 'EUR', price: '0.0333' },
    // Padding makes a held copy of each body visible in RSS (10,000 × 4 KiB ≈ 40 MiB).
    client_ref: 'x'.repeat(4000),
  });
}

describe.skipIf(process.platform !== 'linux')('flood: webhook receiver memory', () => {
  it('answers and stores two floods of 10,000 webhooks, and the heap it holds comes back down afterwards', async () => {
    const dataDir = await makeTempDir('flood listen ');
    const cli = startCli(['--data-dir', dataDir, 'listen', '--port', '0'], { VONAGE_SIGNATURE_SECRET: '' }, [
      '--inspect=127.0.0.1:0',
    ]);
    running.push(cli);
    const [, inspectorUrl] = await cli.stderrLine(/Debugger listening on (ws:\/\/\S+)/);
    const heap = await connectHeapProbe(inspectorUrl!);
    const [, statusUrl] = await cli.stderrLine(/status URL +(\S+)/);
    const url = new URL(statusUrl!);
    const pool = new Pool(url.origin, { connections, pipelining: 1 });
    const pid = cli.child.pid!;

    const post = async (index: number) => {
      const answer = await pool.request({
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: statusWebhook(index),
      });
      await answer.body.dump();
      return answer.statusCode;
    };
    // Warm up so the baseline includes the store, the JIT and the server's steady state.
    for (let index = 0; index < 200; index++) expect(await post(index)).toBe(200);
    await cli.stdoutLines(200, 30_000);
    const baseline = residentMiB(pid);
    const heapBefore = await heap.usedAfterCollection();

    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, residentMiB(pid))), 50);
    let next = 200;
    const flood = async () => {
      const end = next + floodSize;
      const statuses: number[] = [];
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (next < end) statuses.push(await post(next++));
        }),
      );
      await cli.stdoutLines(end, 60_000);
      expect(statuses.filter((status) => status === 200)).toHaveLength(floodSize);
      return residentMiB(pid);
    };
    const afterFirst = await flood();
    const afterSecond = await flood();
    clearInterval(sampler);
    await pool.close();
    const heapAfter = await heap.usedAfterCollection();
    heap.close();
    process.stderr.write(
      `flood of 2 × ${floodSize} webhooks: heap in use after a collection ${heapBefore.toFixed(1)} MiB before, ${heapAfter.toFixed(1)} MiB after; RSS ${baseline.toFixed(1)} MiB before, ${afterFirst.toFixed(1)} / ${afterSecond.toFixed(1)} MiB after each flood, peak ${peak.toFixed(1)} MiB\n`,
    );
    // 20,000 bodies of 4 KiB held anywhere would be about 80 MiB; a few MiB of caches and compiled code may stay.
    expect(heapAfter).toBeLessThan(heapBefore + 8);

    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  }, 180_000);
});
