import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { createCore, type Core } from '../../../src-main/core';
import { createMemoryLogger } from '../../../src-main/logger';
import { createPostgresEventStore } from '../../../src-main/team-inbox/postgres-event-store';
import { createWebhookReceiver, type WebhookReceiver } from '../../../src-main/webhooks/receiver';
import { transports } from '../../support/contract-transports';
import { filesContaining } from '../../support/keyring-leak-check';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { makeTempDir } from '../../support/serve-process';
import { v1Inbound, v1Status } from '../../support/webhook-fixtures';

const viewerPassword = 'teammate-pw-4d1a9e';
let session: KeyringSession;
let restoreEnv: () => void;
let cluster: PostgresCluster;
let receiver: WebhookReceiver;
let closeStore: () => Promise<void>;
let statusUrl: string;
let viewerUrl: string;
let storeDatabase: string;

/** One always-on receiver with its events in PostgreSQL, and a read-only role for teammates (as the README says). */
beforeAll(async () => {
  session = await startKeyringSession();
  restoreEnv = applyKeyringEnv(session.env);
  cluster = await startPostgresCluster();
  const storeUrl = await cluster.createDatabase();
  const database = storeUrl.split('/').pop()!;
  const opened = await createPostgresEventStore({ url: storeUrl });
  if (!opened.ok) throw new Error(opened.error.message);
  closeStore = () => opened.value.close();
  receiver = createWebhookReceiver({ store: opened.value });
  const started = await receiver.start();
  if (!started.ok) throw new Error(started.error.message);
  statusUrl = started.value.statusUrl;
  await cluster.query(`CREATE ROLE teammate LOGIN PASSWORD '${viewerPassword}'`);
  await cluster.query(`GRANT CONNECT ON DATABASE ${database} TO teammate`);
  await cluster.query('GRANT USAGE ON SCHEMA workbench TO teammate', database);
  await cluster.query('GRANT SELECT ON ALL TABLES IN SCHEMA workbench TO teammate', database);
  await cluster.query('GRANT INSERT ON workbench.sends TO teammate', database);
  storeDatabase = database;
  viewerUrl = `postgres://teammate@127.0.0.1:${cluster.port}/${database}`;
});

afterAll(async () => {
  await receiver?.close();
  await closeStore?.();
  await cluster?.dispose();
  restoreEnv?.();
  await session?.stop();
});

interface App {
  core: Core;
  client: ContractClient;
  dataDir: string;
  shared: WebhookEvent[];
  waitForShared(count: number): Promise<void>;
  close(): Promise<void>;
}

async function startApp(transport: (typeof transports)[number], name: string, dataDir?: string): Promise<App> {
  const dir = dataDir ?? (await makeTempDir());
  const core = await createCore({
    webhooks: { port: 0 },
    emulator: { port: 0 },
    dataDir: dir,
    hostKind: 'browser',
    logger: createMemoryLogger(),
    keychainService: `workbench-team-${name}`,
  });
  const { client, close } = await transport.connect(core);
  const shared: WebhookEvent[] = [];
  const waiters = new Set<() => void>();
  client.on('teamInbox.received', (batches) => {
    for (const batch of batches) shared.push(...batch.events);
    waiters.forEach((check) => check());
  });
  return {
    core,
    client,
    dataDir: dir,
    shared,
    waitForShared: (count) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (shared.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`${name}: ${shared.length} of ${count} shared events`)), 5000);
        waiters.add(check);
        check();
      }),
    async close() {
      await close();
      await core.close();
    },
  };
}

const post = (body: unknown) =>
  fetch(statusUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.each(transports)('team inbox in the app over $name', (transport) => {
  it('shows every shared webhook on two apps within a second, labelled as shared, with the same filters', async () => {
    const alice = await startApp(transport, `${transport.name}-alice`);
    const bob = await startApp(transport, `${transport.name}-bob`);
    try {
      const refused = await alice.client.call('teamInbox.configure', { url: viewerUrl, password: 'wrong-guess' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'TEAM_STORE_UNREACHABLE', path: '/url' } });
      expect(fs.existsSync(path.join(alice.dataDir, 'team-inbox.json'))).toBe(false);
      const withPassword = await alice.client.call('teamInbox.configure', { url: `${viewerUrl}x`, password: 'p' });
      expect(withPassword).toMatchObject({ ok: false });

      for (const app of [alice, bob]) {
        const configured = await app.client.call('teamInbox.configure', { url: viewerUrl, password: viewerPassword });
        if (!configured.ok) throw new Error(JSON.stringify(configured.error));
        expect(configured).toMatchObject({ ok: true, value: { url: viewerUrl, passwordStored: true } });
      }
      for (const app of [alice, bob]) {
        await new Promise<void>((resolve) => {
          const stop = app.client.on('teamInbox.stateChanged', (states) => {
            if (states.some((state) => state.phase === 'live')) resolve(stop());
          });
          void app.client.call('teamInbox.state', {}).then((state) => {
            if (state.ok && state.value.phase === 'live') resolve(stop());
          });
        });
      }

      const word = transport.name === 'in-process' ? 'quokka' : 'wombat';
      const before = alice.shared.length;
      const sentAt = Date.now();
      const answers = await Promise.all([
        post(v1Status({ client_ref: `${transport.name}-a`, status: 'delivered' })),
        post(v1Status({ client_ref: `${transport.name}-b`, status: 'rejected' })),
        post(v1Inbound({ text: `hello ${word}` })),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      await Promise.all([alice.waitForShared(before + 3), bob.waitForShared(before + 3)]);
      expect(Date.now() - sentAt).toBeLessThan(1000);
      expect(alice.shared.map((event) => event.id)).toEqual(bob.shared.map((event) => event.id));
      expect(alice.shared.every((event) => event.source === 'team')).toBe(true);

      const rejected = await bob.client.call('teamInbox.list', { status: 'rejected' });
      expect(rejected.ok && rejected.value.events.map((event) => event.clientRef)).toContain(`${transport.name}-b`);
      const found = await bob.client.call('teamInbox.list', { text: word });
      expect(found.ok && found.value.events.map((event) => [event.kind, event.source])).toEqual([['inbound', 'team']]);
      const local = await bob.client.call('webhooks.list', {});
      expect(local.ok && local.value.events).toEqual([]);

      // A send the app makes is filed under its role, so the shared receiver can route the message's webhooks.
      const sent = await alice.client.call('send.message', {
        operation: {
          kind: 'send',
          api: 'v1',
          payload: {
            channel: 'sms',
            message_type: 'text',
            to: '447700900555',
            from: 'Acme',
            text: 'routed',
            client_ref: word,
          },
        },
      });
      if (!sent.ok) throw new Error(sent.error.message);
      const filed = await cluster.query(
        `SELECT teammate, message_uuid, client_ref, to_addr FROM workbench.sends WHERE client_ref = '${word}'`,
        storeDatabase,
      );
      expect(filed.rows).toEqual([
        { teammate: 'teammate', message_uuid: sent.value.messageUuid, client_ref: word, to_addr: '447700900555' },
      ]);

      // The password is in the keychain only: not in a file, not in any answer.
      const state = await alice.client.call('teamInbox.state', {});
      expect(JSON.stringify(state)).not.toContain(viewerPassword);
      expect(await filesContaining(alice.dataDir, viewerPassword)).toEqual([]);
      const configFile = path.join(alice.dataDir, 'team-inbox.json');
      expect(fs.statSync(configFile).mode & 0o777).toBe(0o600);
      expect(JSON.parse(fs.readFileSync(configFile, 'utf8'))).toEqual({ url: viewerUrl });
    } finally {
      await alice.close();
      await bob.close();
    }

    // Restarted, the app watches again with the URL from its file and the password from the keychain.
    const again = await startApp(transport, `${transport.name}-alice`, alice.dataDir);
    try {
      const state = await again.client.call('teamInbox.state', {});
      expect(state).toMatchObject({ ok: true, value: { url: viewerUrl, passwordStored: true } });
      const listed = await again.client.call('teamInbox.list', { limit: 1 });
      expect(listed.ok && listed.value.events).toHaveLength(1);
      const forgotten = await again.client.call('teamInbox.configure', { url: null });
      expect(forgotten).toMatchObject({ ok: true, value: { url: null, phase: 'off', passwordStored: false } });
      expect(await again.client.call('teamInbox.list', {})).toMatchObject({
        ok: false,
        error: { code: 'TEAM_INBOX_OFF' },
      });
    } finally {
      await again.close();
    }
  });
});
