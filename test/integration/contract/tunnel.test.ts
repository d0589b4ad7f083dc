import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import type { ContractClient } from '../../../src-shared/contract-client';
import { createCore, type Core } from '../../../src-main/core';
import { createMemoryLogger } from '../../../src-main/logger';
import { transports } from '../../support/contract-transports';
import { startLocaltunnelServer, type LocaltunnelServer } from '../../support/localtunnel-server';
import { makeTempDir } from '../../support/serve-process';
import { builtTunnelChild, fastTimings } from '../../support/tunnel-harness';
import { builtWebhookThread, builtWebhookWriter } from '../../support/webhook-harness';

describe.each(transports)('the tunnel over $name', (transport) => {
  let core: Core;
  let client: ContractClient;
  let close: () => Promise<void>;
  let tunnelServer: LocaltunnelServer;

  beforeEach(async () => {
    tunnelServer = await startLocaltunnelServer();
    core = await createCore({
      dataDir: await makeTempDir(),
      hostKind: 'browser',
      logger: createMemoryLogger(),
      keychainService: 'workbench-tunnel-test',
      webhooks: { port: 0, writerScript: builtWebhookWriter },
      emulator: { port: 0, webhookThreadScript: builtWebhookThread },
      tunnel: { childScript: builtTunnelChild, timings: fastTimings },
    });
    ({ client, close } = await transport.connect(core));
  });

  afterEach(async () => {
    await close();
    await core.close();
    await tunnelServer.close();
  });

  it('refuses settings that would make the client spin, naming the field', async () => {
    const refused = await client.call('settings.update', { tunnel: { server: 'localhost:1234/' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: '/tunnel/server' } });
    const tidied = await client.call('settings.update', {
      tunnel: { server: `${tunnelServer.url}/`, subdomain: 'workbench-ui' },
    });
    expect(tidied).toMatchObject({
      ok: true,
      value: { tunnel: { server: tunnelServer.url, subdomain: 'workbench-ui', autoStart: false } },
    });
  });

  it('goes online, reports each state as an event, and carries a test webhook into the receiver', async () => {
    await client.call('settings.update', { tunnel: { server: tunnelServer.url, subdomain: 'workbench-ui' } });
    const states: EventPayload<'tunnel.stateChanged'>[] = [];
    const online = new Promise<void>((resolve) =>
      client.on('tunnel.stateChanged', (changes) => {
        states.push(...changes);
        if (changes.some((state) => state.phase === 'online')) resolve();
      }),
    );
    const inbound = new Promise<EventPayload<'webhooks.received'>['items'][number]['event']>((resolve) =>
      client.on('webhooks.received', (batches) => {
        const event = batches.flatMap((batch) => batch.items).find((item) => item.event.kind === 'inbound')?.event;
        if (event) resolve(event);
      }),
    );
    expect(await client.call('tunnel.start', {})).toMatchObject({ ok: true });
    await online;
    expect(states.map((state) => state.phase)).toEqual(['connecting', 'online']);
    expect(states.at(-1)?.url).toBe(`http://workbench-ui.localhost:${tunnelServer.port}`);

    const sent = await client.call('tunnel.sendTestWebhook', {});
    expect(sent).toMatchObject({ ok: true, value: { status: 200 } });
    const event = await inbound;
    expect(event).toMatchObject({ kind: 'inbound', channel: 'sms', path: '/webhooks/inbound' });

    expect(await client.call('tunnel.stop', {})).toMatchObject({ ok: true, value: { phase: 'off' } });
    expect(await client.call('tunnel.sendTestWebhook', {})).toMatchObject({
      ok: false,
      error: { code: 'TUNNEL_UNREACHABLE' },
    });
  });
});

describe('the tunnel at start', () => {
  it('opens when Settings say so for the app, never for a headless command', async () => {
    const tunnelServer = await startLocaltunnelServer();
    const dataDir = await makeTempDir();
    const settings = { version: 1, tunnel: { server: tunnelServer.url, subdomain: null, autoStart: true } };
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
    const start = (hostKind: 'browser' | 'headless') =>
      createCore({
        dataDir,
        hostKind,
        logger: createMemoryLogger(),
        keychainService: 'workbench-tunnel-test',
        webhooks: { port: 0 },
        emulator: { port: 0, webhookThreadScript: builtWebhookThread },
        tunnel: { childScript: builtTunnelChild, timings: fastTimings },
      });
    try {
      const headless = await start('headless');
      const quiet = await headless.handlers['tunnel.state']({}, { host: 'headless' });
      await headless.close();
      expect(quiet).toMatchObject({ ok: true, value: { phase: 'off' } });
      const app = await start('browser');
      const opening = await app.handlers['tunnel.state']({}, { host: 'browser' });
      await app.close();
      expect(opening.ok && opening.value.phase).not.toBe('off');
    } finally {
      await tunnelServer.close();
    }
  });
});
