/** Requests through the tunnel: when they take the tunnel server's own address, and when they must not. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createProbeAgent, requestThroughTunnel } from '../../../src-main/tunnel/tunnel-probe';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that records each request's Host and body, and answers with `answer` (or never, when it is undefined). */
async function recordingServer(answer?: string) {
  const seen: { host: string; body: string }[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ host: request.headers.host ?? '', body });
      if (answer !== undefined) response.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function agent() {
  const created = createProbeAgent();
  cleanups.push(() => created.close());
  return created;
}

it('takes the server address with the public Host when the public name does not resolve here', async () => {
  const tunnelServer = await recordingServer('ok');
  const answer = await requestThroughTunnel(
    { publicUrl: 'https://barprobe.tunnel.invalid:8443', server: tunnelServer.url },
    '/webhooks/inbound?x=1',
    { method: 'POST', body: '{"n":1}', timeoutMs: 5_000 },
    agent(),
  );
  expect(answer).toEqual({ status: 200, body: 'ok', viaServer: true });
  expect(tunnelServer.seen).toEqual([{ host: 'barprobe.tunnel.invalid:8443', body: '{"n":1}' }]);
});

it('does not send again through the server when the public URL was reached but did not answer in time', async () => {
  const publicSide = await recordingServer();
  const tunnelServer = await recordingServer('ok');
  const sending = requestThroughTunnel(
    { publicUrl: publicSide.url, server: tunnelServer.url },
    '/webhooks/inbound',
    { method: 'POST', body: '{"n":2}', timeoutMs: 300 },
    agent(),
  );
  await expect(sending).rejects.toThrow(/timeout/i);
  expect(publicSide.seen).toHaveLength(1);
  // A second copy would be a duplicate webhook.
  expect(tunnelServer.seen).toEqual([]);
});

it('names both routes when neither works', async () => {
  const sending = requestThroughTunnel(
    { publicUrl: 'http://gone.tunnel.invalid:9', server: 'http://127.0.0.1:9' },
    '/',
    { timeoutMs: 2_000 },
    agent(),
  );
  await expect(sending).rejects.toThrow(/ENOTFOUND.*gone\.tunnel\.invalid.*server's address: .*ECONNREFUSED/);
});
