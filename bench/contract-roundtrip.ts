/**
 * Contract round trips per second over the real WebSocket host, against a bare
 * `ws` echo server answering frames of the same size, same client, same run.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { startBrowserHost } from '../src-main/browser-host/browser-host';
import { createCore } from '../src-main/core';
import { builtWebhookThread, builtWebhookWriter } from '../test/support/webhook-harness';
import { createMemoryLogger } from '../src-main/logger';
import { figure, throughput, type Figure } from './figure';

const calls = 20_000;
const inFlight = 8;

/** A request/response client over one socket: frames carry an id, answers resolve by id. */
async function connectClient(url: string) {
  const socket = new WebSocket(url);
  const waiting = new Map<number, () => void>();
  socket.on('message', (data) => {
    const { id } = JSON.parse(data.toString()) as { id?: number };
    if (id !== undefined) waiting.get(id)?.();
    waiting.delete(id ?? -1);
  });
  await new Promise((resolve) => socket.once('open', resolve));
  let nextId = 1;
  return {
    call(frame: Record<string, unknown>) {
      const id = nextId++;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ ...frame, id }));
      });
    },
    close: () => socket.close(),
  };
}

export async function contractRoundTrips(): Promise<Figure[]> {
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'workbench-bench-'));
  const core = await createCore({
    webhooks: { port: 0, writerScript: builtWebhookWriter },
    emulator: { port: 0, webhookThreadScript: builtWebhookThread },
    dataDir,
    hostKind: 'browser',
    logger: createMemoryLogger(),
  });
  const host = await startBrowserHost({ core, rendererDir: dataDir });
  const contractClient = await connectClient(`ws://127.0.0.1:${host.port}/contract?token=${host.token}`);
  const sample = (await core.handlers['app.info']({}, { host: 'browser' })) as object;
  const answer = JSON.stringify({ type: 'result', result: sample });

  const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => echo.once('listening', resolve));
  echo.on('connection', (socket) =>
    socket.on('message', (data) => {
      const { id } = JSON.parse(data.toString()) as { id: number };
      socket.send(answer.replace('{', `{"id":${id},`));
    }),
  );
  const echoClient = await connectClient(`ws://127.0.0.1:${(echo.address() as AddressInfo).port}`);

  const call = { type: 'call', method: 'app.info', input: {} };
  // Warm both paths first so neither pays for JIT compilation in the measured run.
  await throughput(2_000, inFlight, () => contractClient.call(call));
  await throughput(2_000, inFlight, () => echoClient.call(call));
  const baseline = await throughput(calls, inFlight, () => echoClient.call(call));
  const value = await throughput(calls, inFlight, () => contractClient.call(call));

  contractClient.close();
  echoClient.close();
  echo.close();
  await host.close();
  await core.close();
  return [
    figure({
      name: 'contract round trips (WebSocket host)',
      unit: 'calls/s',
      value,
      baselineName: 'bare ws echo',
      baseline,
    }),
  ];
}
