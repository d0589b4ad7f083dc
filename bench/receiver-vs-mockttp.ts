/**
 * The durable webhook receiver against the tool a user would otherwise point
 * their webhooks at: mockttp, the engine under HTTP Toolkit, recording every
 * request in memory. Both get the same signed status webhooks, each server in
 * its own child process; the receiver verifies each one, stores it durably and
 * feeds a live subscriber before it answers.
 *
 * - throughput: the same autocannon load in alternating rounds, after a
 *   round of warm-up each; webhooks acknowledged per second (mean of rounds,
 *   worst p99), and how many answered 2xx were not stored (receiver) or not
 *   recorded (mockttp);
 * - ack latency: p99 under a steady 1,000 webhooks/s (a batch every 10 ms),
 *   against mockttp's;
 * - memory: the receiver's RSS after a 10,000-webhook burst has settled,
 *   against its RSS before the burst (after a warm-up), and after a second.
 *
 * The store's writer thread runs from the build: `npm run build` first.
 * Part of `npm run bench`; alone: `npx tsx bench/receiver-vs-mockttp.ts
 * [--seconds 5] [--rounds 2] [--connections 32] [--warm-up SECONDS] [--steady-seconds 5]
 * [--burst 10000] [--settle-seconds 5]`. Progress goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getLocal } from 'mockttp';
import { autocannon, type LoadOptions, type LoadRequest } from './autocannon';
import { answerParent, serveArguments, startChildServer, type ChildServer } from './child-server';
import { figure, option, type Figure } from './figure';
import { steadyLoad, type SteadyResult } from './steady-load';
import { signedRequests } from './signed-status-webhooks';
import { startReceiverChild } from './webhook-ingest';

type Peer = 'receiver' | 'mockttp';

interface Held {
  /** Webhooks the server kept: rows in the receiver's store, requests in mockttp's record. */
  held: number;
  rssBytes: number;
}

/** Child role: mockttp answering 200 to every status webhook and recording it, as HTTP Toolkit does. */
async function serveMockttp(): Promise<void> {
  const server = getLocal({ cors: false, suggestChanges: false, recordTraffic: true });
  await server.start();
  const endpoint = await server.forPost('/webhooks/status').thenReply(200);
  const held = async (): Promise<Held> => ({
    held: (await endpoint.getSeenRequests()).length,
    rssBytes: process.memoryUsage().rss,
  });
  answerParent(`http://127.0.0.1:${server.port}`, {
    rss: held,
    report: async () => {
      const report = await held();
      await server.stop();
      return report;
    },
  });
}

interface Started {
  child: ChildServer;
  held: () => Promise<Held>;
  /** Resolves once the server has finished what it does after a burst (the receiver's moving and indexing). */
  settled: () => Promise<void>;
  stop: () => Promise<void>;
}

async function start(peer: Peer): Promise<Started> {
  if (peer === 'mockttp') {
    const child = await startChildServer(__filename, ['mockttp']);
    return {
      child,
      held: () => child.ask<Held>('rss'),
      settled: () => Promise.resolve(),
      stop: async () => void (await child.report()),
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'receiver-bench-'));
  const child = await startReceiverChild('receiver', dataDir);
  const held = async (): Promise<Held> => {
    const answer = await child.ask<{ stored: number; rssBytes: number }>('rss');
    return { held: answer.stored, rssBytes: answer.rssBytes };
  };
  return {
    child,
    held,
    settled: async () => {
      const { settledMs } = await child.ask<{ settledMs: number }>('settled');
      process.stderr.write(
        `receiver vs mockttp: the receiver moved and indexed its burst in ${Math.round(settledMs)} ms after it\n`,
      );
    },
    stop: async () => {
      await child.report();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Run {
  perSecond: number;
  p99Ms: number;
  acknowledged: number;
  failed: number;
}

async function load(
  server: Started,
  requests: LoadRequest[],
  options: Omit<LoadOptions, 'url' | 'requests'>,
): Promise<Run> {
  const result = await autocannon({ url: server.child.url, requests, ...options });
  return {
    perSecond: result['2xx'] / result.duration,
    p99Ms: result.latency.p99,
    acknowledged: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** Alternating rounds against one running server of each; the servers then say how many webhooks they hold. */
async function throughput(
  requests: LoadRequest[],
  seconds: number,
  rounds: number,
  connections: number,
  warmUpSeconds: number,
) {
  const servers = { receiver: await start('receiver'), mockttp: await start('mockttp') };
  const runs: Record<Peer, Run[]> = { receiver: [], mockttp: [] };
  try {
    // A full round of warm-up each: the receiver's first round after a 1 s one read 12-15% below its second.
    for (const peer of ['receiver', 'mockttp'] as const) {
      await load(servers[peer], requests, { connections, duration: warmUpSeconds });
      await servers[peer].settled();
    }
    const warmedUp = { receiver: (await servers.receiver.held()).held, mockttp: (await servers.mockttp.held()).held };
    for (let index = 0; index < rounds; index++) {
      const order: Peer[] = index % 2 === 0 ? ['receiver', 'mockttp'] : ['mockttp', 'receiver'];
      for (const peer of order) {
        runs[peer].push(await load(servers[peer], requests, { connections, duration: seconds }));
        // The receiver moves and indexes a burst once it is over: not while the next peer is measured.
        await servers[peer].settled();
      }
    }
    const result = async (peer: Peer) => {
      const acknowledged = runs[peer].reduce((sum, run) => sum + run.acknowledged, 0);
      // Requests still in flight when a round stops are held but not counted as acknowledged.
      const lost = Math.max(0, acknowledged - ((await servers[peer].held()).held - warmedUp[peer]));
      return {
        perSecond: runs[peer].reduce((sum, run) => sum + run.perSecond, 0) / runs[peer].length,
        p99Ms: Math.max(...runs[peer].map((run) => run.p99Ms)),
        failed: runs[peer].reduce((sum, run) => sum + run.failed, 0),
        lost,
      };
    };
    const measured = { receiver: await result('receiver'), mockttp: await result('mockttp') };
    process.stderr.write(`receiver vs mockttp: ${JSON.stringify(runs)}\n`);
    return measured;
  } finally {
    await servers.receiver.stop();
    await servers.mockttp.stop();
  }
}

/** p99 of the acknowledgement under a steady rate, each peer on a fresh server, after a second's warm-up. */
async function steadyLatency(
  peer: Peer,
  requests: LoadRequest[],
  seconds: number,
  perSecond: number,
): Promise<SteadyResult> {
  const server = await start(peer);
  const request = (index: number) => {
    const { path: requestPath = '/', headers, body } = requests[index % requests.length]!;
    return { path: requestPath, headers, body };
  };
  try {
    await steadyLoad(server.child.url, perSecond, 1, request);
    return await steadyLoad(server.child.url, perSecond, seconds, request);
  } finally {
    await server.stop();
  }
}

/**
 * The receiver's RSS around a burst. "Where it started" is a receiver that has
 * served a 1,000-webhook warm-up and settled: a cold process has not yet
 * touched its young generation or compiled its code, which the first thousand
 * webhooks do once and for good (RSS rises some 25 MB and stays flat through
 * later bursts). The cold RSS is reported too. Each reading is taken
 * `settleSeconds` after the receiver has moved and indexed what it took; a
 * second burst shows whether RSS ratchets up.
 */
async function burstMemory(requests: LoadRequest[], burst: number, settleSeconds: number) {
  const server = await start('receiver');
  const settledReading = async () => {
    await server.settled();
    await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
    return server.held();
  };
  try {
    const cold = await server.held();
    await load(server, requests, { connections: 32, amount: 1000 });
    const before = await settledReading();
    const run = await load(server, requests, { connections: 32, amount: burst });
    const peak = await server.held();
    const after = await settledReading();
    await load(server, requests, { connections: 32, amount: burst });
    const afterSecond = await settledReading();
    return {
      coldBytes: cold.rssBytes,
      beforeBytes: before.rssBytes,
      peakBytes: peak.rssBytes,
      afterBytes: after.rssBytes,
      afterSecondBytes: afterSecond.rssBytes,
      acknowledged: run.acknowledged,
      stored: after.held - before.held,
    };
  } finally {
    await server.stop();
  }
}

export async function receiverVsMockttp(): Promise<Figure[]> {
  const seconds = option('seconds', 5);
  const rounds = option('rounds', 2);
  const connections = option('connections', 32);
  const warmUpSeconds = option('warm-up', seconds);
  const steadySeconds = option('steady-seconds', 5);
  const burst = option('burst', 10_000);
  const settleSeconds = option('settle-seconds', 5);
  const steadyRate = 1000;
  const requests = await signedRequests(1000);
  process.stderr.write(`receiver vs mockttp: ${rounds} rounds of ${seconds} s each, ${connections} connections\n`);
  const { receiver, mockttp } = await throughput(requests, seconds, rounds, connections, warmUpSeconds);
  process.stderr.write(`receiver vs mockttp: ${JSON.stringify({ receiver, mockttp })}\n`);
  const steady = {
    receiver: await steadyLatency('receiver', requests, steadySeconds, steadyRate),
    mockttp: await steadyLatency('mockttp', requests, steadySeconds, steadyRate),
  };
  process.stderr.write(`receiver vs mockttp, steady ${steadyRate}/s: ${JSON.stringify(steady)}\n`);
  const memory = await burstMemory(requests, burst, settleSeconds);
  process.stderr.write(`receiver memory around a ${burst} burst: ${JSON.stringify(memory)}\n`);
  const megabytes = (bytes: number) => bytes / 1e6;
  return [
    {
      ...figure({
        name: `signed status webhooks acknowledged (receiver: verified, durable, fed; ${receiver.lost} lost, mockttp ${mockttp.lost} lost)`,
        unit: 'req/s',
        value: receiver.perSecond,
        baselineName: 'mockttp recording in memory',
        baseline: mockttp.perSecond,
        goal: '≥ 1.0×, 0 lost',
      }),
      valueP99Ms: receiver.p99Ms,
      baselineP99Ms: mockttp.p99Ms,
    },
    figure({
      name: `webhook ack latency p99 at a steady ${steadyRate.toLocaleString('en-US')}/s`,
      unit: 'ms',
      value: steady.receiver.p99Ms,
      baselineName: 'mockttp p99, same rate',
      baseline: steady.mockttp.p99Ms,
      goal: '≤ 20 ms',
    }),
    figure({
      name:
        `receiver RSS ${settleSeconds} s after a ${burst.toLocaleString('en-US')}-webhook burst settled ` +
        `(${memory.stored} stored of ${memory.acknowledged} acknowledged; ` +
        `${Math.round(megabytes(memory.afterSecondBytes))} MB after a second burst)`,
      unit: 'MB',
      value: megabytes(memory.afterBytes),
      baselineName: `RSS before the burst, after a 1,000-webhook warm-up; cold start ${Math.round(megabytes(memory.coldBytes))} MB`,
      baseline: megabytes(memory.beforeBytes),
      goal: '≤ 1.2×',
    }),
  ];
}

if (require.main === module) {
  const run = serveArguments()
    ? serveMockttp()
    : receiverVsMockttp().then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`));
  run.catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
