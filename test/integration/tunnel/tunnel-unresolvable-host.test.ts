/**
 * A tunnel server like a self-hosted reference server behind a TLS proxy: it
 * runs on a non-default port and reports public URLs on a domain this machine
 * cannot resolve (`.invalid` never resolves). Webhooks reach it the way the
 * proxy would send them: to its own address with the public Host header.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLocaltunnelServer, type LocaltunnelServerOptions } from '../../support/localtunnel-server';
import { startLocalApp, startRecordedTunnel } from '../../support/tunnel-harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const behindProxy: LocaltunnelServerOptions = { domain: 'tunnel.invalid', publicScheme: 'https' };

async function setUp(serverOptions: LocaltunnelServerOptions = {}) {
  const server = await startLocaltunnelServer({ ...behindProxy, ...serverOptions });
  const app = await startLocalApp();
  cleanups.push(app.close);
  const holder = { server };
  cleanups.push(() => holder.server.close());
  return { holder, app };
}

const idOf = (url: string) => new URL(url).hostname.split('.')[0]!;
const webhook = (n: number) => JSON.stringify({ message_uuid: `uuid-${n}`, status: 'delivered' });

describe('a tunnel whose public hostname does not resolve here', () => {
  it('stays up on one registration and carries webhooks: the probe goes through the server address', async () => {
    const { holder, app } = await setUp();
    const run = startRecordedTunnel({ server: holder.server.url, localPort: app.port, subdomain: 'barprobe' });
    cleanups.push(run.tunnel.stop);
    const online = await run.next('online');
    expect(online.url).toBe(`https://barprobe.tunnel.invalid:${holder.server.port}`);

    for (let round = 0; round < 3; round++) expect(await run.tunnel.probe()).toBe(true);
    for (let n = 0; n < 3; n++)
      expect(
        (await holder.server.publicRequest('barprobe', '/webhooks/status', { method: 'POST', body: webhook(n) }))
          .status,
      ).toBe(200);
    expect(app.received.map((request) => request.body.toString())).toEqual([0, 1, 2].map(webhook));
    // No teardown loop: one registration, never left online.
    expect(holder.server.registrations()).toEqual(['barprobe']);
    expect(run.states.map((state) => state.phase)).toEqual(['connecting', 'online']);
  });

  it("survives the server's restart on the same port and comes back with the subdomain it had", async () => {
    const { holder, app } = await setUp();
    // No subdomain asked for: the server picks one, and the tunnel must keep it.
    const run = startRecordedTunnel({ server: holder.server.url, localPort: app.port });
    cleanups.push(run.tunnel.stop);
    const first = await run.next('online');
    const id = idOf(first.url!);
    const port = holder.server.port;

    const reconnecting = run.next('reconnecting');
    await holder.server.close();
    expect((await reconnecting).cause).toMatch(/^(client-error|client-exited|probe-failed)$/);
    holder.server = await startLocaltunnelServer({ ...behindProxy, port });
    const back = await run.next('online', 20_000);
    expect(back.url).toBe(first.url);
    expect(back.warning).toBeUndefined();
    expect(holder.server.registrations()).toEqual([id]);
    expect(
      (await holder.server.publicRequest(id, '/webhooks/inbound', { method: 'POST', body: webhook(1) })).status,
    ).toBe(200);
    expect(await run.tunnel.probe()).toBe(true);
  });

  it('loses none of the webhooks sent while it registers again', async () => {
    const { holder, app } = await setUp({ holdMs: 10_000 });
    const run = startRecordedTunnel({ server: holder.server.url, localPort: app.port });
    cleanups.push(run.tunnel.stop);
    const id = idOf((await run.next('online')).url!);
    expect(await run.tunnel.probe()).toBe(true);

    // The server ends the registration (as when its agent fails) and, for a moment, someone else holds the id.
    const asking = run.nextMatching((state) => state.cause === 'subdomain-held', 'subdomain-held');
    holder.server.holdSubdomain(id);
    holder.server.dropRegistration(id);
    await asking;
    const sent = 20;
    const answers = Promise.all(
      Array.from({ length: sent }, (_, n) =>
        holder.server.publicRequest(id, '/webhooks/status', { method: 'POST', body: webhook(n) }),
      ),
    );
    await holder.server.until(() => holder.server.heldRequests(id) === sent);
    expect(app.received.filter((request) => request.path === '/webhooks/status')).toEqual([]);

    holder.server.releaseSubdomain(id);
    const back = await run.next('online', 20_000);
    expect(back.url).toBe(`https://${id}.tunnel.invalid:${holder.server.port}`);
    expect((await answers).map((answer) => answer.status)).toEqual(Array.from({ length: sent }, () => 200));
    const arrived = app.received
      .filter((request) => request.path === '/webhooks/status')
      .map((request) => request.body.toString());
    expect(arrived.sort()).toEqual(Array.from({ length: sent }, (_, n) => webhook(n)).sort());
  });

  it('asks again for its subdomain while the server still holds it, and gets it back', async () => {
    const { holder, app } = await setUp();
    const run = startRecordedTunnel({ server: holder.server.url, localPort: app.port, subdomain: 'barprobe' });
    cleanups.push(run.tunnel.stop);
    const first = await run.next('online');

    // The client dies; it registers again within the server's grace, while "barprobe" is still reserved.
    const held = run.nextMatching((state) => state.cause === 'subdomain-held', 'subdomain-held');
    process.kill(run.tunnel.childPid()!, 'SIGKILL');
    expect((await held).reason).toContain('instead of "barprobe"');
    const back = await run.next('online');
    expect(back.url).toBe(first.url);
    expect(back.warning).toBeUndefined();
    expect(holder.server.registrations().filter((id) => id === 'barprobe')).toHaveLength(2);
  });

  it('accepts another subdomain only after retrying for a while, with a loud warning naming both URLs', async () => {
    const { holder, app } = await setUp();
    const run = startRecordedTunnel(
      { server: holder.server.url, localPort: app.port, subdomain: 'barprobe' },
      { subdomainRetryMs: 1_500 },
    );
    cleanups.push(run.tunnel.stop);
    const first = await run.next('online');

    holder.server.holdSubdomain('barprobe');
    holder.server.dropRegistration('barprobe');
    const changed = await run.nextMatching(
      (state) => state.phase === 'online' && state.url !== first.url,
      'online elsewhere',
      20_000,
    );
    const retries = run.states.filter(
      (state) =>
        state.cause === 'subdomain-held' &&
        state.phase === 'reconnecting' &&
        state.reason.includes('asking for "barprobe" again'),
    );
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(changed.originalUrl).toBe(first.url);
    expect(changed.warning).toContain(`changed from ${first.url} to ${changed.url}`);
    expect(changed.warning).toContain('update the webhook URLs');
    // The new URL carries webhooks too.
    const id = idOf(changed.url!);
    expect(
      (await holder.server.publicRequest(id, '/webhooks/inbound', { method: 'POST', body: webhook(1) })).status,
    ).toBe(200);
  });
});
