/**
 * The timeline's export from the browser host: a contract call issues a
 * one-time ticket, and `GET /download/<ticket>` streams every matching event
 * as an NDJSON attachment. The page's socket carries only the ticket and a few
 * progress events, never the events themselves.
 */
import http from 'node:http';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { EventBatch } from '../../../src-shared/contract';
import { createContractClient, type ContractClient } from '../../../src-shared/contract-client';
import type { ExportProgress } from '../../../src-shared/event-export';
import { startBrowserHost, type BrowserHost } from '../../../src-main/browser-host/browser-host';
import { createCore, type Core } from '../../../src-main/core';
import { createInProcessTransport } from '../../../src-main/in-process-transport';
import { createMemoryLogger } from '../../../src-main/logger';
import { createSocketTransport, type SocketTransport } from '../../../src-renderer/socket-transport';
import { checkingOutputs } from '../../support/checked-outputs';
import { rawExchange, rawRequest, readAnswer } from '../../support/raw-http';
import { makeTempDir } from '../../support/serve-process';
import { storeStatusEvents } from '../../support/stored-events';
import { builtWebhookThread } from '../../support/webhook-harness';

const storedCount = 20_500;
const rejectedCount = storedCount / 5;

let core: Core;
let host: BrowserHost;
let socket: SocketTransport;
let client: ContractClient;
/** Bytes the page's socket received: what the page side would have held. */
let socketBytes = 0;
const progress: ExportProgress[] = [];

beforeAll(async () => {
  const dataDir = await makeTempDir('download export ');
  await storeStatusEvents(dataDir, storedCount);
  core = await createCore({
    dataDir,
    hostKind: 'browser',
    logger: createMemoryLogger(),
    webhooks: { port: 0 },
    emulator: { port: 0, webhookThreadScript: builtWebhookThread },
  });
  host = await startBrowserHost({ core, rendererDir: await makeTempDir() });
  class CountingSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      this.on('message', (data: Buffer) => (socketBytes += data.length));
    }
  }
  socket = createSocketTransport(
    `ws://127.0.0.1:${host.port}/contract?token=${host.token}`,
    CountingSocket as unknown as new (url: string) => globalThis.WebSocket,
  );
  client = createContractClient(checkingOutputs(socket));
  socket.subscribe((batch: EventBatch) => {
    for (const event of batch) if (event.name === 'webhooks.exportProgressed') progress.push(event.payload);
  });
  await client.call('app.info', {});
}, 120_000);

afterAll(async () => {
  socket.close();
  await host.close();
  await core.close();
});

async function ticket(exportId: string, filter: Record<string, unknown> = {}) {
  const issued = await client.call('webhooks.exportDownload', { exportId, filter });
  if (!issued.ok) throw new Error(issued.error.message);
  return issued.value;
}

/** GETs a path from the host; resolves with the answer and its body read line by line (never held whole). */
function download(path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: http.IncomingHttpHeaders;
    lines: number;
    ids: number[];
    bytes: number;
  }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: host.port, path, headers }, (response) => {
        let lines = 0;
        let bytes = 0;
        const ids: number[] = [];
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        const reader = readline.createInterface({ input: response, crlfDelay: Infinity });
        reader.on('line', (line) => {
          lines++;
          ids.push((JSON.parse(line) as { id: number }).id);
        });
        reader.on('close', () =>
          resolve({ status: response.statusCode!, headers: response.headers, lines, ids, bytes }),
        );
      })
      .on('error', reject);
  });
}

const isStrictlyDescending = (ids: number[]) => ids.every((id, index) => index === 0 || id < ids[index - 1]!);

describe('the event export over the browser host', () => {
  it(`streams all ${storedCount.toLocaleString('en-US')} events as an NDJSON attachment, and the socket never carries them`, async () => {
    const socketBytesBefore = socketBytes;
    const issued = await ticket('browser-export-all');
    expect(issued.path).toMatch(/^\/download\/[A-Za-z0-9_-]{43}$/);
    expect(issued.path).not.toContain(host.token);
    expect(issued.fileName).toMatch(/^webhook-events-[\dT-]+Z\.ndjson$/);

    const answer = await download(issued.path);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="${issued.fileName}"`);
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.lines).toBe(storedCount);
    expect(new Set(answer.ids).size).toBe(storedCount);
    expect(isStrictlyDescending(answer.ids)).toBe(true);

    await expect.poll(() => progress.findLast((entry) => entry.exportId === 'browser-export-all')?.phase).toBe('done');
    expect(progress.findLast((entry) => entry.exportId === 'browser-export-all')).toEqual({
      exportId: 'browser-export-all',
      fileName: issued.fileName,
      phase: 'done',
      written: storedCount,
    });
    // The ticket, its answer and the progress events: a few kilobytes against megabytes of events.
    expect(answer.bytes).toBeGreaterThan(5_000_000);
    expect(socketBytes - socketBytesBefore).toBeLessThan(20_000);
  }, 60_000);

  it('exports only what the filter matches', async () => {
    const answer = await download((await ticket('browser-export-rejected', { status: 'rejected' })).path);
    expect(answer.status).toBe(200);
    expect(answer.lines).toBe(rejectedCount);
    expect(isStrictlyDescending(answer.ids)).toBe(true);
  }, 30_000);

  it('serves a ticket once: a second GET is told the link was used', async () => {
    const { path } = await ticket('browser-export-twice', { status: 'rejected' });
    expect((await download(path)).lines).toBe(rejectedCount);
    const again = readAnswer(await rawExchange(host.port, rawRequest(host.port, `GET ${path} HTTP/1.1`)));
    expect(again.status).toBe(410);
    expect(again.body).toContain('used already');
    expect(again.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  }, 30_000);

  it('answers every hostile request on the route with a clear status and the security headers, and lives', async () => {
    const { path } = await ticket('browser-export-hostile', { status: 'rejected' });
    const request = (line: string, headers: string[] = [], body = '') => rawRequest(host.port, line, headers, body);
    const attempts: [string, number, RegExp][] = [
      [request(`HEAD ${path} HTTP/1.1`), 405, /^$/],
      [request(`POST ${path} HTTP/1.1`, [], '{}'), 405, /once, with GET/],
      [request(`DELETE ${path} HTTP/1.1`), 405, /once, with GET/],
      [request(`GET ${path} HTTP/1.1`, ['Origin: http://evil.example']), 403, /Origin/],
      [request(`GET ${path} HTTP/1.1`).replace(/^Host: .*$/m, 'Host: evil.example'), 403, /Host/],
      [request(`GET /download/${'A'.repeat(43)} HTTP/1.1`), 404, /No download is waiting/],
      [request('GET /download HTTP/1.1'), 404, /No download is waiting/],
      [request('GET /download/ HTTP/1.1'), 404, /No download is waiting/],
      [request(`GET ${path}/x HTTP/1.1`), 404, /No download is waiting/],
      [request(`GET ${path}%00 HTTP/1.1`), 404, /No download is waiting/],
      [request('GET /download/%zz/../../index.html HTTP/1.1'), 404, /No download is waiting/],
      [request(`GET /download/${'a'.repeat(12_000)} HTTP/1.1`), 404, /No download is waiting/],
    ];
    for (const [bytes, status, body] of attempts) {
      const what = bytes.slice(0, 60);
      const answer = readAnswer(await rawExchange(host.port, bytes));
      expect(answer.status, what).toBe(status);
      expect(answer.body, what).toMatch(body);
      expect(answer.headers.get('content-security-policy'), what).toContain("default-src 'none'");
    }
    // None of those spent the ticket: it still delivers, once.
    const answer = await download(path);
    expect(answer.status).toBe(200);
    expect(answer.lines).toBe(rejectedCount);
  }, 30_000);

  it('stops reading the store when the download is cut off, reports it, and serves the next one', async () => {
    const { path } = await ticket('browser-export-cut');
    await new Promise<void>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port: host.port, path }, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve();
        });
      });
      request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
    });
    await expect
      .poll(() => progress.findLast((entry) => entry.exportId === 'browser-export-cut')?.phase)
      .toBe('failed');
    const cut = progress.findLast((entry) => entry.exportId === 'browser-export-cut')!;
    expect(cut.error?.code).toBe('EXPORT_INTERRUPTED');
    expect(cut.written).toBeLessThan(storedCount);
    expect((await download((await ticket('browser-export-after', { status: 'rejected' })).path)).lines).toBe(
      rejectedCount,
    );
  }, 30_000);

  it('issues tickets only to the browser host, and file exports only to the desktop app', async () => {
    const headless = createContractClient(checkingOutputs(createInProcessTransport(core)));
    expect(await headless.call('webhooks.exportDownload', { exportId: 'headless-export' })).toMatchObject({
      ok: false,
      error: { code: 'HOST_CANNOT_DOWNLOAD' },
    });
    expect(await client.call('webhooks.exportToFile', { exportId: 'browser-file-export' })).toMatchObject({
      ok: false,
      error: { code: 'HOST_CANNOT_SAVE' },
    });
    expect(await client.call('webhooks.exportDownload', { exportId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID', path: '/exportId' },
    });
  });
});
