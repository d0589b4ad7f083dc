/**
 * Benchmarks the team inbox (issue 22).
 *
 * Ingest: webhooks per second through the receiver with its events in
 * PostgreSQL, against the same receiver on the embedded SQLite store, under
 * the same load in the same run (status webhooks from `connections` clients).
 * Both keep their durability promise: a 2xx only after the commit.
 *
 * Live latency: from a webhook's 2xx to its row reaching a second viewer
 * (LISTEN/NOTIFY, then the commit-ordered read), p50 and p99, at a steady
 * rate; next to it, a PostgreSQL round trip (`SELECT 1`) on the same server.
 *
 * The server is a throwaway cluster (test/support/postgres-cluster.ts).
 * Part of `npm run bench`; alone: `npx tsx bench/team-inbox.ts [--webhooks 3000]
 * [--connections 32] [--latency-webhooks 500]`. Progress goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { createPostgresEventStore } from '../src-main/team-inbox/postgres-event-store';
import { followTeamInbox } from '../src-main/team-inbox/postgres-live-events';
import { createWebhookStore } from '../src-main/webhooks/event-store';
import type { EventStore } from '../src-main/webhooks/event-store-interface';
import { createWebhookReceiver } from '../src-main/webhooks/receiver';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres-cluster';
import { builtWebhookWriter } from '../test/support/webhook-harness';
import { figure, option, throughput, type Figure } from './figure';

const progress = (line: string) => process.stderr.write(`team-inbox: ${line}\n`);

function statusBody(ref: string): string {
  return JSON.stringify({
    message_uuid: `aaaaaaaa-bbbb-4ccc-8ddd-${ref.padStart(12, '0')}`,
    to: '447700900000',
    from: '447700900001',
    timestamp: new Date().toISOString(),
    status: 'delivered',
    channel: 'sms',
    client_ref: ref,
  });
}

/** Webhooks per second the receiver acknowledges on `store`; every one must be answered 200. */
async function ingest(store: EventStore, count: number, connections: number): Promise<number> {
  const receiver = createWebhookReceiver({ store });
  const started = await receiver.start();
  if (!started.ok) throw new Error(started.error.message);
  const pool = new Pool(started.value.url, { connections });
  let next = 0;
  let refused = 0;
  const rate = await throughput(count, connections, async () => {
    const answer = await pool.request({
      method: 'POST',
      path: '/webhooks/status',
      body: statusBody(String(next++)),
      headers: { 'content-type': 'application/json' },
    });
    await answer.body.dump();
    if (answer.statusCode !== 200) refused++;
  });
  await pool.close();
  await receiver.close();
  if (refused > 0) throw new Error(`${refused} webhooks were not acknowledged`);
  return rate;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Milliseconds from each 2xx to the viewer's delivery of that event, at one webhook every `intervalMs`. */
async function liveLatencies(
  cluster: PostgresCluster,
  url: string,
  count: number,
  intervalMs: number,
): Promise<number[]> {
  const opened = await createPostgresEventStore({ url });
  if (!opened.ok) throw new Error(opened.error.message);
  const receiver = createWebhookReceiver({ store: opened.value });
  const started = await receiver.start();
  if (!started.ok) throw new Error(started.error.message);
  const answeredAt = new Map<string, number>();
  const deliveredAt = new Map<string, number>();
  let allDelivered: () => void = () => undefined;
  const delivered = new Promise<void>((resolve) => (allDelivered = resolve));
  let live: () => void = () => undefined;
  const isLive = new Promise<void>((resolve) => (live = resolve));
  const viewer = followTeamInbox({
    url: cluster.url(url.split('/').pop()),
    onEvents(events) {
      const now = performance.now();
      for (const event of events) if (event.clientRef) deliveredAt.set(event.clientRef, now);
      if (deliveredAt.size >= count) allDelivered();
    },
    onState: (state) => state.phase === 'live' && live(),
  });
  await isLive;
  const pool = new Pool(started.value.url, { connections: 4 });
  const sends: Promise<void>[] = [];
  for (let index = 0; index < count; index++) {
    const ref = `live-${index}`;
    sends.push(
      pool
        .request({
          method: 'POST',
          path: '/webhooks/status',
          body: statusBody(ref),
          headers: { 'content-type': 'application/json' },
        })
        .then(async (answer) => {
          answeredAt.set(ref, performance.now());
          await answer.body.dump();
        }),
    );
    // Pacing, not waiting for a result: a steady rate, as webhooks arrive in practice.
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  await Promise.all(sends);
  await delivered;
  await viewer.stop();
  await pool.close();
  await receiver.close();
  await opened.value.close();
  return [...answeredAt].map(([ref, at]) => (deliveredAt.get(ref) ?? Number.NaN) - at).sort((a, b) => a - b);
}

async function roundTrips(url: string, count: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const began = performance.now();
    await client.query('SELECT 1');
    times.push(performance.now() - began);
  }
  await client.end();
  return times.sort((a, b) => a - b);
}

export async function teamInbox(): Promise<Figure[]> {
  const count = option('webhooks', 3000);
  const connections = option('connections', 32);
  const latencyCount = option('latency-webhooks', 500);
  const cluster = await startPostgresCluster();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-team-inbox-'));
  try {
    progress(`ingest: ${count} webhooks from ${connections} connections, SQLite then PostgreSQL`);
    const sqlite = createWebhookStore({ dataDir, writerScript: builtWebhookWriter });
    if (!sqlite.ok) throw new Error(sqlite.error.message);
    const sqliteRate = await ingest(sqlite.value, count, connections);
    await sqlite.value.close();
    const postgres = await createPostgresEventStore({ url: await cluster.createDatabase() });
    if (!postgres.ok) throw new Error(postgres.error.message);
    const postgresRate = await ingest(postgres.value, count, connections);
    await postgres.value.close();

    progress(`live: ${latencyCount} webhooks at one per 10 ms, 2xx to a second viewer`);
    const latencies = await liveLatencies(cluster, await cluster.createDatabase(), latencyCount, 10);
    const trips = await roundTrips(cluster.url(), 500);
    return [
      figure({
        name: 'team inbox ingest (receiver on PostgreSQL)',
        unit: 'webhooks/s',
        value: postgresRate,
        baselineName: 'same receiver on SQLite',
        baseline: sqliteRate,
      }),
      figure({
        name: 'team inbox 2xx to second viewer, p50',
        unit: 'ms',
        value: percentile(latencies, 50),
        baselineName: 'PostgreSQL SELECT 1 p50',
        baseline: percentile(trips, 50),
        goal: 'under 1000 ms (issue 22)',
      }),
      figure({
        name: 'team inbox 2xx to second viewer, p99',
        unit: 'ms',
        value: percentile(latencies, 99),
        baselineName: 'PostgreSQL SELECT 1 p99',
        baseline: percentile(trips, 99),
        goal: 'under 1000 ms (issue 22)',
      }),
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await cluster.dispose();
  }
}

if (require.main === module) {
  teamInbox()
    .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
