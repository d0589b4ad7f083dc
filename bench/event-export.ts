/**
 * Benchmarks the timeline's NDJSON export (issue 17) from a store of 1,000,000
 * events, the way a browser user gets it: `workbench serve` issues a one-time
 * ticket over the contract socket and streams `GET /download/<ticket>`, which
 * this process writes to a file.
 *
 * - rate: events per second, from the GET to the last byte on disk, against
 *   bare reads in a child process: the same columns of every row, in keyset
 *   pages of 500 by one prepared `SELECT` (the fastest way libsql hands rows
 *   over; its row-at-a-time `iterate()` measured slower than the whole export),
 *   each row written as JSON to a file with backpressure. That is the least any
 *   export must do; the difference is what the event mapping, the contract's
 *   paging, HTTP and the client cost.
 * - memory: the serve process's peak RSS while it exports all 1,000,000,
 *   against its peak while it exports the 200,000 rejected ones just before
 *   (Linux: each peak is reset through /proc/PID/clear_refs and read from
 *   VmHWM). Memory that grew with the export's size would show as a ratio
 *   well above 1; its RSS before any export is printed too.
 *
 * Needs `npm run build`. Part of `npm run bench`; alone:
 * `npx tsx bench/event-export.ts [--export-events 1000000]`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'libsql';
import { WebSocket } from 'ws';
import { createContractClient } from '../src-shared/contract-client';
import { eventColumnsSql } from '../src-main/webhooks/event-schema';
import { eventDatabaseFileName } from '../src-main/webhooks/event-store';
import { createSocketTransport } from '../src-renderer/socket-transport';
import { startServe, type ServeProcess } from '../test/support/serve-process';
import { fillStore } from './filled-store';
import { storedWebhookRecord } from './stored-webhook-record';
import { figure, option, type Figure } from './figure';

/** A status webhook like the receiver stores; every fifth is rejected with an error. */
function exportRecord(index: number, receivedAt: number) {
  const rejected = index % 5 === 0;
  const body = JSON.stringify({
    message_uuid: `aaaaaaaa-bbbb-4ccc-8ddd-${String(index).padStart(12, '0')}`,
    to: '447700900000',
    from: '447700900001',
    timestamp: new Date(receivedAt).toISOString(),
    status: rejected ? 'rejected' : 'delivered',
    channel: 'sms',
    client_ref: `order-${index}`,
    ...(rejected ? { error: { type: 'https://developer.vonage.com/api-errors/messages#1300', title: '1300' } } : {}),
  });
  return storedWebhookRecord(body, receivedAt, 'verified');
}

const megabytes = (kilobytes: number) => kilobytes / 1024;

/** Linux only: a process's resident set now and its peak (kB), from /proc. */
function memoryOf(pid: number): { rssKb: number; peakKb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

/** Counts the lines of a file by its newline bytes, without holding it. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return lines;
}

/** Child role: every row by bare keyset pages into `outFile`; prints rows, seconds and peak RSS. */
async function bareReads(dataDir: string, outFile: string): Promise<void> {
  const db = new Database(path.join(dataDir, eventDatabaseFileName), { readonly: true });
  const page = db.prepare(`SELECT ${eventColumnsSql} FROM events e WHERE e.id < ? ORDER BY e.id DESC LIMIT 500`);
  const out = fs.createWriteStream(outFile);
  const startedAt = performance.now();
  let rows = 0;
  for (let before = Number.MAX_SAFE_INTEGER; ;) {
    const batch = page.all(before) as { id: number }[];
    if (batch.length === 0) break;
    let text = '';
    for (const row of batch) text += `${JSON.stringify(row)}\n`;
    rows += batch.length;
    before = batch.at(-1)!.id;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const seconds = (performance.now() - startedAt) / 1000;
  db.close();
  process.stdout.write(`${JSON.stringify({ rows, seconds, peakKb: process.resourceUsage().maxRSS })}\n`);
}

function runBareReads(dataDir: string, outFile: string): Promise<{ rows: number; seconds: number; peakKb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--bare-reads', dataDir, outFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`bare reads exited with ${code}`)),
    );
  });
}

/** Exports from `serve` as a browser would: a ticket over the socket, then the download to `outFile`. */
async function downloadFromServe(serve: ServeProcess, filter: { status?: string }, outFile: string) {
  const socket = createSocketTransport(
    `ws://127.0.0.1:${serve.port}/contract?token=${serve.token}`,
    WebSocket as unknown as new (url: string) => globalThis.WebSocket,
  );
  try {
    const client = createContractClient(socket);
    const issued = await client.call('webhooks.exportDownload', { exportId: 'bench-export', filter });
    if (!issued.ok) throw new Error(issued.error.message);
    const before = memoryOf(serve.child.pid!);
    // Resets the serve process's peak RSS to its current size, so VmHWM afterwards is this export's own peak.
    fs.writeFileSync(`/proc/${serve.child.pid}/clear_refs`, '5');
    const startedAt = performance.now();
    await new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: serve.port, path: issued.value.path }, (response) => {
          if (response.statusCode !== 200) reject(new Error(`download answered ${response.statusCode}`));
          else pipeline(response, fs.createWriteStream(outFile)).then(resolve, reject);
        })
        .on('error', reject);
    });
    const seconds = (performance.now() - startedAt) / 1000;
    return { seconds, before, after: memoryOf(serve.child.pid!), lines: await countLines(outFile) };
  } finally {
    socket.close();
  }
}

export async function eventExport(): Promise<Figure[]> {
  if (process.platform !== 'linux') {
    process.stderr.write('export bench: skipped, it reads peak memory from /proc (Linux only)\n');
    return [];
  }
  const eventCount = option('export-events', 1_000_000);
  const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'workbench-export-bench-'));
  const dataDir = path.join(workDir, 'data');
  try {
    process.stderr.write(`export bench: filling ${eventCount.toLocaleString('en-US')} events\n`);
    await fillStore(dataDir, eventCount, exportRecord, 'export bench');

    const bareFile = path.join(workDir, 'bare.ndjson');
    const bare = await runBareReads(dataDir, bareFile);
    if (bare.rows !== eventCount) throw new Error(`the bare reads got ${bare.rows} rows, not ${eventCount}`);
    const bareBytes = (await fs.promises.stat(bareFile)).size;
    await fs.promises.rm(bareFile);

    const serve = await startServe({ dataDir, timeoutMs: 120_000 });
    const exportFile = path.join(workDir, 'export.ndjson');
    let part: Awaited<ReturnType<typeof downloadFromServe>>;
    let all: Awaited<ReturnType<typeof downloadFromServe>>;
    try {
      part = await downloadFromServe(serve, { status: 'rejected' }, exportFile);
      all = await downloadFromServe(serve, {}, exportFile);
    } finally {
      await serve.stop();
    }
    if (part.lines !== eventCount / 5) throw new Error(`the rejected export held ${part.lines} lines`);
    if (all.lines !== eventCount) throw new Error(`the export held ${all.lines} lines, not ${eventCount}`);
    const exportBytes = (await fs.promises.stat(exportFile)).size;
    const mb = (kilobytes: number) => `${megabytes(kilobytes).toFixed(0)} MB`;
    process.stderr.write(
      `export bench: export ${all.lines} lines, ${Math.round(exportBytes / 1e6)} MB in ${all.seconds.toFixed(1)} s; ` +
        `bare reads ${bare.rows} rows, ${Math.round(bareBytes / 1e6)} MB in ${bare.seconds.toFixed(1)} s (peak RSS ${mb(bare.peakKb)}); ` +
        `serve RSS before any export ${mb(part.before.rssKb)}, peak ${mb(part.after.peakKb)} exporting ${part.lines}, ` +
        `${mb(all.after.peakKb)} exporting ${all.lines}\n`,
    );
    const stored = `${eventCount.toLocaleString('en-US')} events`;
    return [
      figure({
        name: `timeline export, ${stored} (browser host download to a file)`,
        unit: 'events/s',
        value: eventCount / all.seconds,
        baselineName: 'bare keyset SELECT of the same rows, JSON to a file',
        baseline: bare.rows / bare.seconds,
      }),
      figure({
        name: `timeline export, ${stored}: peak RSS of serve`,
        unit: 'MB',
        value: megabytes(all.after.peakKb),
        baselineName: `same process exporting ${part.lines.toLocaleString('en-US')}`,
        baseline: megabytes(part.after.peakKb),
        goal: '≈ 1× (constant memory)',
      }),
    ];
  } finally {
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const bareAt = process.argv.indexOf('--bare-reads');
  const run =
    bareAt === -1
      ? eventExport().then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
      : bareReads(process.argv[bareAt + 1]!, process.argv[bareAt + 2]!);
  run.catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
