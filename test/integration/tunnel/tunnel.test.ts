import crypto from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocaltunnelServer } from '../../support/localtunnel-server';
import { startLocalApp, startRecordedTunnel } from '../../support/tunnel-harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(serverOptions: Parameters<typeof startLocaltunnelServer>[0] = {}) {
  const server = await startLocaltunnelServer(serverOptions);
  const app = await startLocalApp();
  cleanups.push(app.close);
  const holder = { server };
  cleanups.push(() => holder.server.close());
  return { holder, app };
}

const idOf = (url: string) => new URL(url).hostname.split('.')[0]!;

describe('the tunnel', () => {
  it('carries a webhook, bytes intact, to the local app', async () => {
    const { holder, app } = await setUp();
    const run = startRecordedTunnel({ server: holder.server.url, localPort: app.port, subdomain: 'workbench-one' });
    cleanups.push(run.tunnel.stop);
    const online = await run.next('online');
    expect(online.url).toBe(`http://workbench-one.localhost:${holder.server.port}`);
    expect(online.warning).toBeUndefined();
    expect(run.states.map((state) => state.phase)).toEqual(['connecting', 'online']);

    const binary = crypto.randomBytes(4096);
    for (const body of [Buffer.from('{"message_uuid":"a"}'), binary, Buffer.from('{"second":true}')]) {
      const answer = await holder.server.publicRequest('workbench-one', '/webhooks/status', { method: 'POST', body });
      expect(answer.status).toBe(200);
    }
    expect(app.received.map((request) => request.path)).toEqual([
      '/webhooks/status',
      '/webhooks/status',
      '/webhooks/status',
    ]);
    expect(app.received[1]!.body.equals(binary)).toBe(true);
    expect(await run.tunnel.probe()).toBe(true);
  });

  it('comes back by itself after the tunnel server restarts on the same port', async () => {
    const { holder, app } = await setUp();
    const run = startRecordedTunnel({ server: holder.server.url, localPort: app.port, subdomain: 'workbench-two' });
    cleanups.push(run.tunnel.stop);
    await run.next('online');
    const port = holder.server.port;

    const reconnecting = run.next('reconnecting');
    await holder.server.close();
    expect((await reconnecting).reason).toMatch(/tunnel client|exited|closed|probe failed/);
    holder.server = await startLocaltunnelServer({ port });
    const back = await run.next('online', 20_000);
    expect(back.url).toBe(`http://workbench-two.localhost:${port}`);
    expect(
      (await holder.server.publicRequest('workbench-two', '/webhooks/inbound', { method: 'POST', body: '{}' })).status,
    ).toBe(200);
  });

  it('does not spin when the server drops every socket: bounded reconnects, then failed', async () => {
    const { holder, app } = await setUp({ dropSockets: true, maxConnections: 2 });
    const churnLimit = 10;
    const maxAttempts = 3;
    const run = startRecordedTunnel(
      { server: holder.server.url, localPort: app.port },
      { churnLimit, churnWindowMs: 60_000, maxAttempts },
    );
    cleanups.push(run.tunnel.stop);
    const failed = await run.next('failed', 20_000);
    expect(failed.reason).toContain(`gave up after ${maxAttempts} attempts`);
    // Each attempt ends on the churn limit, or, when the registration got far enough to be probed, on the probe the
    // dropped sockets cannot carry; which comes first is a race, and either is the server's doing.
    expect(run.states.filter((state) => state.reason.includes('next attempt')).map((state) => state.reason)).toEqual(
      Array.from({ length: maxAttempts }, () => expect.stringMatching(/closed \d+ sockets|liveness probe failed/)),
    );
    // Each registration uses about churnLimit + max_conn sockets before it is cut off (a spinning client makes thousands).
    expect(holder.server.acceptedSockets()).toBeLessThanOrEqual((maxAttempts + 1) * 2 * (churnLimit + 2));
    expect(run.tunnel.childPid()).toBeUndefined();
  });

  it('reports a refused subdomain and the id it got instead, after asking again for a while', async () => {
    const { holder, app } = await setUp({ takenSubdomains: ['taken-name'] });
    const run = startRecordedTunnel(
      { server: holder.server.url, localPort: app.port, subdomain: 'taken-name' },
      { subdomainRetryMs: 300 },
    );
    cleanups.push(run.tunnel.stop);
    const online = await run.next('online');
    expect(run.states.some((state) => state.cause === 'subdomain-held')).toBe(true);
    expect(online.warning).toContain('"taken-name" was refused or taken');
    expect(online.warning).toContain(idOf(online.url!));
  });

  it('catches a half-dead tunnel with the liveness probe and registers again', async () => {
    const { holder, app } = await setUp();
    const run = startRecordedTunnel({ server: holder.server.url, localPort: app.port, subdomain: 'workbench-three' });
    cleanups.push(run.tunnel.stop);
    await run.next('online');
    holder.server.forgetClients();
    const reconnecting = run.next('reconnecting');
    expect(await run.tunnel.probe()).toBe(false);
    expect((await reconnecting).reason).toContain('liveness probe');
    await run.next('online');
    expect(holder.server.registrations()).toEqual(['workbench-three', 'workbench-three']);
  });

  it('times out a server that never hands out a tunnel, and stop always ends the client', async () => {
    // A listener that accepts and never answers: the client's registration hangs forever.
    const sockets = new Set<net.Socket>();
    const mute = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => (sockets.forEach((socket) => socket.destroy()), mute.close(resolve))));
    const port = (mute.address() as net.AddressInfo).port;

    const run = startRecordedTunnel({ server: `http://127.0.0.1:${port}`, localPort: 9 }, { openTimeoutMs: 300 });
    const reconnecting = await run.next('reconnecting');
    expect(reconnecting.reason).toContain('within 300 ms');
    const pid = run.tunnel.childPid();
    await run.tunnel.stop();
    expect(run.tunnel.state().phase).toBe('off');
    expect(run.tunnel.childPid()).toBeUndefined();
    if (pid !== undefined) expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('tunnel settings', () => {
  it('are refused before anything starts when they would make the client spin', async () => {
    const { startTunnel } = await import('../../../src-main/tunnel/tunnel');
    const attempt = (settings: { server?: string; subdomain?: string; localPort: number }) =>
      startTunnel({ settings, onState: () => {}, childScript: '/nonexistent' });
    expect(attempt({ server: '127.0.0.1:9000', localPort: 1 })).toMatchObject({
      ok: false,
      error: { code: 'TUNNEL_SETTINGS_INVALID' },
    });
    expect(attempt({ server: 'ftp://example.test', localPort: 1 })).toMatchObject({
      ok: false,
      error: { path: '/server' },
    });
    expect(attempt({ server: 'http://example.test/path', localPort: 1 })).toMatchObject({ ok: false });
    expect(attempt({ server: 'http://example.test', subdomain: 'Bad_Name', localPort: 1 })).toMatchObject({
      ok: false,
      error: { path: '/subdomain' },
    });
    expect(attempt({ server: 'http://example.test', localPort: 0 })).toMatchObject({
      ok: false,
      error: { path: '/localPort' },
    });
  });
});
