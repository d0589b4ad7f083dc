/** A tunnel under test with every state change recorded and awaitable. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  startTunnel,
  type Tunnel,
  type TunnelOptions,
  type TunnelPhase,
  type TunnelState,
  type TunnelTimings,
} from '../../src-main/tunnel/tunnel';
import { answerTunnelProbe } from '../../src-main/tunnel/tunnel-probe';
import { projectRoot } from './serve-process';

/** The child entry as built by `npm run build` (the test script builds first). */
export const builtTunnelChild = path.join(projectRoot, 'out/main/tunnel-child.js');

/** Short delays so reconnects happen within a test's time. */
export const fastTimings: Partial<TunnelTimings> = {
  openTimeoutMs: 5_000,
  probeIntervalMs: 60_000,
  probeTimeoutMs: 2_000,
  initialBackoffMs: 50,
  maxBackoffMs: 400,
  // Longer than the test server's grace (1 s), within which a dropped subdomain is still held.
  subdomainRetryMs: 8_000,
};

export function startRecordedTunnel(settings: TunnelOptions['settings'], timings: Partial<TunnelTimings> = {}) {
  const states: TunnelState[] = [];
  const waiters: { match: (state: TunnelState) => boolean; after: number; resolve: (state: TunnelState) => void }[] =
    [];
  const result = startTunnel({
    settings,
    childScript: builtTunnelChild,
    timings: { ...fastTimings, ...timings },
    onState(state) {
      states.push(state);
      for (const waiter of [...waiters]) {
        if (waiter.match(state) && states.length > waiter.after) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(state);
        }
      }
    },
  });
  if (!result.ok) throw new Error(result.error.message);
  const tunnel: Tunnel = result.value;
  /** Resolves at the next state that matches (after those seen so far), or rejects after timeoutMs. */
  const nextMatching = (
    match: (state: TunnelState) => boolean,
    description: string,
    timeoutMs = 15_000,
  ): Promise<TunnelState> => {
    const after = states.length;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no ${description} state within ${timeoutMs} ms; saw ${states.map((s) => `${s.phase}: ${s.reason}`).join(' | ')}`,
            ),
          ),
        timeoutMs,
      );
      waiters.push({ match, after, resolve: (state) => (clearTimeout(timer), resolve(state)) });
    });
  };
  return {
    tunnel,
    states,
    nextMatching,
    /** Resolves at the next state in `phase` (after those seen so far), or rejects after timeoutMs. */
    next: (phase: TunnelPhase, timeoutMs = 15_000) => nextMatching((state) => state.phase === phase, phase, timeoutMs),
  };
}

/** A local app behind the tunnel: answers probes, records every other request with its raw body. */
export async function startLocalApp() {
  const received: { method: string; path: string; body: Buffer; host: string }[] = [];
  const server = http.createServer((request, response) => {
    if (answerTunnelProbe(request, response)) return;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        body: Buffer.concat(chunks),
        host: request.headers.host ?? '',
      });
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
