/**
 * The core with its events in a team's PostgreSQL (what `workbench listen
 * --store` builds): the webhook methods answer from the shared store over the
 * contract, and a server that went away is an error value, not a throw.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { createMemoryLogger } from '../../../src-main/logger';
import { transports } from '../../support/contract-transports';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { makeTempDir } from '../../support/serve-process';
import { builtWebhookThread, builtWebhookWriter } from '../../support/webhook-harness';
import { v1Status } from '../../support/webhook-fixtures';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterAll(() => cluster?.dispose());

/** The user's own app, answering every replayed webhook with 200 and keeping its body. */
async function ownApp(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString());
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.each(transports)('the core over a PostgreSQL event store, over $name', (transport) => {
  it('lists, gets, threads and replays shared events, and says so when the server is down', async () => {
    const databaseUrl = await cluster.createDatabase();
    const logger = createMemoryLogger();
    const core = await createCore({
      dataDir: await makeTempDir('core pg '),
      hostKind: 'headless',
      logger,
      webhooks: { port: 0, writerScript: builtWebhookWriter, storeUrl: databaseUrl },
      emulator: { port: 0, webhookThreadScript: builtWebhookThread },
      emulatorIdentity: 'throwaway',
    });
    const { client, close } = await transport.connect(core);
    const app = await ownApp();
    try {
      const receiver = await client.call('webhooks.receiver', {});
      if (!receiver.ok) throw new Error(receiver.error.message);
      const body = JSON.stringify(v1Status({ client_ref: 'shared-1' }));
      const answer = await fetch(receiver.value.statusUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(answer.status).toBe(200);
      const rows = await cluster.query('SELECT id, client_ref FROM workbench.events', databaseUrl.split('/').pop());
      expect(rows.rows.map((row: { client_ref: string }) => row.client_ref)).toEqual(['shared-1']);

      const page = await client.call('webhooks.list', {});
      expect(page.ok && page.value.events.map((event) => event.clientRef)).toEqual(['shared-1']);
      const id = page.ok ? page.value.events[0]!.id : -1;
      expect(await client.call('webhooks.get', { id })).toMatchObject({ ok: true, value: { clientRef: 'shared-1' } });
      const thread = await client.call('webhooks.thread', { messageUuid: String(v1Status().message_uuid) });
      expect(thread.ok && thread.value.statuses.map((entry) => entry.event.id)).toEqual([id]);
      const replayed = await client.call('webhooks.replay', { id, url: `${app.url}/webhooks/status` });
      expect(replayed).toMatchObject({ ok: true, value: { status: 200 } });
      expect(app.bodies).toEqual([body]);

      await cluster.stop();
      try {
        expect(await client.call('webhooks.list', {})).toMatchObject({
          ok: false,
          error: { code: 'WEBHOOK_STORE_UNAVAILABLE' },
        });
        expect(await client.call('webhooks.get', { id })).toMatchObject({
          ok: false,
          error: { code: 'WEBHOOK_STORE_UNAVAILABLE' },
        });
      } finally {
        await cluster.start();
      }
      expect(await client.call('webhooks.get', { id })).toMatchObject({ ok: true });
      const password = decodeURIComponent(new URL(databaseUrl).password);
      expect(logger.lines.find((line) => line.startsWith('events stored in postgres://'))).toBeDefined();
      expect(logger.lines.join('\n')).not.toContain(password);
    } finally {
      await app.close();
      await close();
      await core.close();
    }
  }, 60_000);
});
