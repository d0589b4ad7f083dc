/**
 * Benchmarks the webhook receiver (issue 6).
 *
 * Ingest: webhooks per second through the receiver (signature check, durable
 * store, one live subscriber) against a bare node:http server that reads the
 * body and answers 200, with the same autocannon load in the same run. Each
 * server runs in a child process so the generator does not share its thread.
 * Then checks that every acknowledged webhook was stored and fed.
 * Two more runs place the gap: the receiver with its store held in memory
 * (its ceiling if writing to disk cost nothing), and the bare server plus the
 * signature check alone.
 *
 * Store: with N stored events, p50/p95 of the first page of a filtered list
 * and of a text search.
 *
 * The store's writer thread runs from the build: `npm run build` first.
 * Part of `npm run bench`; alone: `npx tsx bench/webhook-ingest.ts [--seconds 5]
 * [--connections 32] [--store-events 1000000] [--profile-dir DIR]`. Progress goes to stderr.
 */
import fs from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'libsql';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createWebhookStore, type WebhookStore } from '../src-main/webhooks/event-store';
import { recordToEvent } from '../src-main/webhooks/event-schema';
import type { NewWebhookRecord } from '../src-main/webhooks/event-types';
import { createWebhookReceiver } from '../src-main/webhooks/receiver';
import { createSignatureChecker } from '../src-main/webhooks/signature';
import { autocannon, type LoadRequest } from './autocannon';
import { answerParent, serveArguments, startChildServer, type ChildServer } from './child-server';
import { builtWebhookWriter } from '../test/support/webhook-harness';
import { storedWebhookRecord } from './stored-webhook-record';
import { figure, option, type Figure } from './figure';
import { signatureSecret, signedRequests, statusBody } from './signed-status-webhooks';

/** Child role: serve until told "report" on stdin, then print counts and exit. */
async function serve(mode: string, dataDir: string): Promise<void> {
  if (mode === 'bare' || mode === 'signature-only') {
    // 'signature-only' adds the receiver's signature check to the bare server, and nothing else.
    const signatures = createSignatureChecker({ maxAgeSeconds: 300, maxClockSkewSeconds: 60 });
    let unverified = 0;
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (mode === 'signature-only') {
          const check = signatures.check({
            authorization: request.headers.authorization,
            rawBody: Buffer.concat(chunks),
            secret: signatureSecret,
            nowMs: Date.now(),
          });
          if (check.verdict !== 'verified') unverified++;
        }
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    answerParent(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {
      report: () => ({ stored: null, fed: null, unverified }),
    });
    return;
  }
  const opened = createWebhookStore({ dataDir, writerScript: builtWebhookWriter });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = mode === 'receiver-memory-store' ? memoryStore(opened.value) : opened.value;
  const receiver = createWebhookReceiver({ store, signatureSecret: () => signatureSecret });
  // How long the receiver's event loop stalls under load: what a commit on this thread costs everyone else.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  let fed = 0;
  receiver.subscribe(({ items, missed }) => {
    fed += items.length + missed;
  });
  const started = await receiver.start();
  if (!started.ok) throw new Error(started.error.message);
  answerParent(started.value.url, {
    // What the receiver holds between runs: what `rss` reports is what a user's machine pays.
    rss: () => ({ rssBytes: process.memoryUsage().rss, stored: store.count(), fed }),
    settled: () => writerSettled(opened.value.path),
    report: async () => {
      await receiver.close();
      loopDelay.disable();
      const loopDelayMs = {
        p50: loopDelay.percentile(50) / 1e6,
        p99: loopDelay.percentile(99) / 1e6,
        max: loopDelay.max / 1e6,
      };
      const report = { stored: store.count(), fed, loopDelayMs };
      await opened.value.close();
      return report;
    },
  });
}

/**
 * Resolves once the writer thread has moved and indexed every stored webhook
 * (it does so when the receiver is quiet), with how long that took, so that a
 * peer measured next does not share the CPU with it.
 */
async function writerSettled(storePath: string): Promise<{ settledMs: number }> {
  const startedAt = performance.now();
  const db = new Database(storePath, { readonly: true });
  const behind = db.prepare(`SELECT (SELECT count(*) FROM events_journal) AS inJournal,
    (SELECT coalesce(max(id), 0) FROM events) - (SELECT indexed_through FROM text_index_progress) AS unindexed`);
  try {
    for (;;) {
      const { inJournal, unindexed } = behind.get() as { inJournal: number; unindexed: number };
      if (Number(inJournal) === 0 && Number(unindexed) <= 0) return { settledMs: performance.now() - startedAt };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    db.close();
  }
}

/** The disk store with appends answered at once from memory: the receiver's ceiling, not a way to run it. */
function memoryStore(disk: WebhookStore): WebhookStore {
  let appended = 0;
  return {
    ...disk,
    append: (record) => Promise.resolve(recordToEvent(++appended, record)),
    count: () => appended,
  };
}

/** `--profile-dir DIR` writes a V8 CPU profile of each server child there (NODE_OPTIONS refuses --cpu-prof). */
function profileFlags(): string[] {
  const index = process.argv.indexOf('--profile-dir');
  return index === -1 ? [] : ['--cpu-prof', '--cpu-prof-dir', process.argv[index + 1] ?? '.'];
}

/** A child process serving webhooks as `mode`: 'bare', 'signature-only', 'receiver' or 'receiver-memory-store'. */
export function startReceiverChild(mode: string, dataDir: string): Promise<ChildServer> {
  return startChildServer(__filename, [mode, dataDir], profileFlags());
}

async function load(mode: string, seconds: number, connections: number, requests: LoadRequest[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-bench-'));
  const child = await startReceiverChild(mode, dataDir);
  const result = await autocannon({ url: child.url, connections, duration: seconds, requests });
  const report = await child.report<{ stored: number | null; fed: number | null; loopDelayMs?: unknown }>();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const acknowledged = result['2xx'];
  return {
    mode,
    requestsPerSecond: Math.round(acknowledged / result.duration),
    p99Ms: result.latency.p99,
    acknowledged,
    failed: result.non2xx + result.errors + result.timeouts,
    ...report,
  };
}

function benchRecord(index: number): NewWebhookRecord {
  return storedWebhookRecord(statusBody(index), 1_700_000_000_000 + index * 10, 'verified');
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0) * 100) / 100;
  return { p50: at(0.5), p95: at(0.95) };
}

async function storeQueries(eventCount: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-store-bench-'));
  const opened = createWebhookStore({ dataDir, writerScript: builtWebhookWriter });
  if (!opened.ok) throw new Error(opened.error.message);
  const store: WebhookStore = opened.value;
  const fillStartedAt = performance.now();
  for (let start = 0; start < eventCount; start += 20_000) {
    const end = Math.min(eventCount, start + 20_000);
    await Promise.all(Array.from({ length: end - start }, (_, offset) => store.append(benchRecord(start + offset))));
    if (start % 200_000 === 0) process.stderr.write(`stored ${end} events\n`);
  }
  const fillSeconds = (performance.now() - fillStartedAt) / 1000;
  const queries = {
    filteredFirstPage: () => store.list({ status: 'rejected', channel: 'whatsapp' }),
    errorCodeFirstPage: () => store.list({ errorCode: '1300' }),
    textSearch: () => store.list({ text: 'word42' }),
    textSearchFiltered: () => store.list({ text: 'rejected', kind: 'status' }),
    messageThread: () =>
      store.eventsForMessage(`aaaaaaaa-bbbb-4ccc-8ddd-${String(Math.floor(eventCount / 2)).padStart(12, '0')}`),
    // The baseline: fetching one event by its primary key.
    lookupById: () => [store.get(Math.floor(eventCount / 2))],
  };
  const timings: Record<string, { p50: number; p95: number; rows: number }> = {};
  for (const [name, run] of Object.entries(queries)) {
    const samples: number[] = [];
    let rows = 0;
    for (let round = 0; round < 30; round++) {
      const startedAt = performance.now();
      const result = run();
      samples.push(performance.now() - startedAt);
      rows = Array.isArray(result) ? result.length : result.events.length;
    }
    timings[name] = { ...percentiles(samples), rows };
  }
  const fileMegabytes = Math.round(fs.statSync(store.path).size / 1e6);
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    events: eventCount,
    fillEventsPerSecond: Math.round(eventCount / fillSeconds),
    fileMegabytes,
    queryMs: timings,
  };
}

/** Ingest against a bare server, and store queries at `--store-events` (default 1M) against a lookup by id. */
export async function webhookIngest(): Promise<Figure[]> {
  const seconds = option('seconds', 5);
  const connections = option('connections', 32);
  const requests = await signedRequests(1000);
  process.stderr.write(`ingest: ${seconds} s per server, ${connections} connections\n`);
  // Bare runs first and last, and the baseline is their mean, so drift in the machine's load during the run evens out.
  const bareFirst = await load('bare', seconds, connections, requests);
  const receiver = await load('receiver', seconds, connections, requests);
  const inMemory = await load('receiver-memory-store', seconds, connections, requests);
  const signatureOnly = await load('signature-only', seconds, connections, requests);
  const bareLast = await load('bare', seconds, connections, requests);
  const bare = {
    requestsPerSecond: Math.round((bareFirst.requestsPerSecond + bareLast.requestsPerSecond) / 2),
    p99Ms: Math.max(bareFirst.p99Ms, bareLast.p99Ms),
  };
  // Requests still in flight when the load stops are stored but not counted as acknowledged.
  const lost = Math.max(0, receiver.acknowledged - (receiver.stored ?? 0));
  process.stderr.write(`ingest: bare ${bareFirst.requestsPerSecond} and ${bareLast.requestsPerSecond} req/s\n`);
  for (const run of [receiver, inMemory, signatureOnly]) process.stderr.write(`ingest: ${JSON.stringify(run)}\n`);
  const eventCount = option('store-events', 1_000_000);
  process.stderr.write(`store: filling ${eventCount} events\n`);
  const store = await storeQueries(eventCount);
  const lookup = store.queryMs.lookupById!.p50;
  const query = (name: string, label: string) =>
    figure({
      name: `store at ${eventCount.toLocaleString('en-US')}: ${label} p50`,
      unit: 'ms',
      value: store.queryMs[name]!.p50,
      baselineName: 'lookup by id p50',
      baseline: Math.max(lookup, 0.001),
      goal: '< 100 ms',
    });
  return [
    {
      ...figure({
        name: `webhook ingest (signed, durable, fed; ${lost} lost)`,
        unit: 'req/s',
        value: receiver.requestsPerSecond,
        baselineName: 'bare node:http',
        baseline: bare.requestsPerSecond,
        goal: '≥ 0.5×, 0 lost',
      }),
      valueP99Ms: receiver.p99Ms,
      baselineP99Ms: bare.p99Ms,
    },
    figure({
      name: 'webhook ingest, store in memory (the ceiling without disk)',
      unit: 'req/s',
      value: inMemory.requestsPerSecond,
      baselineName: 'bare node:http',
      baseline: bare.requestsPerSecond,
    }),
    figure({
      name: 'bare node:http + signature check only',
      unit: 'req/s',
      value: signatureOnly.requestsPerSecond,
      baselineName: 'bare node:http',
      baseline: bare.requestsPerSecond,
    }),
    query('filteredFirstPage', 'filtered first page'),
    query('textSearch', 'text search'),
    query('messageThread', 'message thread'),
  ];
}

if (require.main === module) {
  const served = serveArguments();
  const run = served
    ? serve(served[0] ?? 'bare', served[1] ?? os.tmpdir())
    : webhookIngest().then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`));
  run.catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
