/**
 * Seeded fuzzing of the browser host on 127.0.0.1: random request lines and
 * headers over raw sockets, random frames over real WebSockets. Every request
 * gets an HTTP answer with the CSP, every frame gets an answer (or, for text
 * that is not UTF-8, a 1007 close), and the host keeps serving.
 * Replay a failure with WORKBENCH_FUZZ_SEED=<the seed fast-check prints>.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src-main/browser-host/browser-host';
import { createCore, type Core } from '../../../src-main/core';
import { createMemoryLogger } from '../../../src-main/logger';
import { serverFrameSchema } from '../../../src-shared/wire';
import { fuzzSeed, oddRequestHead } from '../../support/fuzzed-http';
import { rawExchange, readAnswer } from '../../support/raw-http';
import { makeTempDir } from '../../support/serve-process';
import { builtWebhookThread, builtWebhookWriter } from '../../support/webhook-harness';

let core: Core;
let host: BrowserHost;

beforeAll(async () => {
  const rendererDir = await makeTempDir('fuzzed renderer ');
  await fs.promises.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = await createCore({
    dataDir: await makeTempDir(),
    hostKind: 'browser',
    logger: createMemoryLogger(),
    webhooks: { writerScript: builtWebhookWriter },
    emulator: { webhookThreadScript: builtWebhookThread },
  });
  host = await startBrowserHost({ core, rendererDir });
});

afterAll(async () => {
  await host?.close();
  await core?.close();
});

describe('the browser host under fuzzed requests', () => {
  it('answers every request with a status and the CSP, and keeps serving the page', async () => {
    await fc.assert(
      fc.asyncProperty(oddRequestHead(host.port), async (head) => {
        const answer = readAnswer(await rawExchange(host.port, head));
        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.status).toBeLessThan(600);
        expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
      }),
      { seed: fuzzSeed, numRuns: 150 },
    );
    expect((await fetch(host.url)).status).toBe(200);
  });
});

/** Sends one frame on a fresh socket; resolves with the first answer frame after the greeting, or the close code. */
function answerTo(payload: Buffer, binary: boolean): Promise<{ frame?: unknown; closeCode?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/contract?token=${host.token}`);
    socket.on('error', () => undefined);
    socket.once('unexpected-response', () => reject(new Error('socket refused')));
    socket.once('close', (code) => resolve({ closeCode: code }));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string };
      if (frame.type === 'hello') {
        socket.send(payload, { binary });
        return;
      }
      if (frame.type === 'events') return;
      resolve({ frame });
      socket.close();
    });
  });
}

const frame = fc.oneof(
  fc.record({ payload: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)), binary: fc.boolean() }),
  fc.record({ payload: fc.json().map((json) => Buffer.from(json)), binary: fc.constant(false) }),
  fc
    .record({
      type: fc.constantFrom('call', 'result', 'x'),
      id: fc.oneof(fc.integer(), fc.double(), fc.string()),
      method: fc.oneof(fc.string(), fc.constant('app.info')),
      input: fc.anything(),
    })
    .map((call) => ({ payload: Buffer.from(JSON.stringify(call) ?? 'null'), binary: false })),
);

describe('the browser host under fuzzed socket frames', () => {
  it('answers every frame with a result or a protocol error, or closes text that is not UTF-8 with 1007', async () => {
    await fc.assert(
      fc.asyncProperty(frame, async ({ payload, binary }) => {
        const answer = await answerTo(payload, binary);
        if (answer.closeCode !== undefined) {
          expect(binary).toBe(false);
          expect(answer.closeCode).toBe(1007);
          expect(payload.toString('utf8')).toContain('\ufffd');
          return;
        }
        const parsed = serverFrameSchema.parse(answer.frame);
        expect(['result', 'protocolError']).toContain(parsed.type);
      }),
      { seed: fuzzSeed, numRuns: 150 },
    );
  });
});
