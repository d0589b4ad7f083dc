import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { createCore, type Core } from '../../../src-main/core';
import { createMemoryLogger } from '../../../src-main/logger';
import { createPostgresEventStore, type PostgresEventStore } from '../../../src-main/team-inbox/postgres-event-store';
import { createWebhookReceiver, type WebhookReceiver } from '../../../src-main/webhooks/receiver';
import { transports } from '../../support/contract-transports';
import { filesContaining } from '../../support/keyring-leak-check';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { makeTempDir } from '../../support/serve-process';
import { startRecordingApp } from '../../support/webhook-app-server';
import { builtWebhookThread, builtWebhookWriter } from '../../support/webhook-harness';
import { v1Inbound, v1Status } from '../../support/webhook-fixtures';

const viewerPassword = 'teammate-pw-4d1a9e';
let session: KeyringSession;
let restoreEnv: () => void;
let cluster: PostgresCluster;
let receiver: WebhookReceiver;
let teamStore: PostgresEventStore;
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
  teamStore = opened.value;
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
  await teamStore?.close();
  await cluster?.dispose();
  restoreEnv?.();
  await session?.stop();
});

interface App {
  core: Core;
  client: ContractClient;
  dataDir: string;
  /** Team events as the timeline's feed brought them (received, then forwarded). */
  shared: WebhookEvent[];
  forwarded: WebhookEvent[];
  waitForShared(count: number): Promise<void>;
  waitForForwarded(count: number): Promise<void>;
  close(): Promise<void>;
}

function waitUntil(waiters: Set<() => void>, done: () => boolean, describe: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      waiters.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(describe()));
    }, 5000);
    waiters.add(check);
    check();
  });
}

async function startApp(transport: (typeof transports)[number], name: string, dataDir?: string): Promise<App> {
  const dir = dataDir ?? (await makeTempDir());
  const core = await createCore({
    webhooks: { port: 0, writerScript: builtWebhookWriter },
    emulator: { port: 0, webhookThreadScript: builtWebhookThread },
    dataDir: dir,
    hostKind: 'browser',
    logger: createMemoryLogger(),
    keychainService: `workbench-team-${name}`,
  });
  const { client, close } = await transport.connect(core);
  const shared: WebhookEvent[] = [];
  const forwarded: WebhookEvent[] = [];
  const waiters = new Set<() => void>();
  // Team events come through the timeline's own feed, beside the local ones, marked by source.
  client.on('webhooks.received', (batches) => {
    for (const { change, event } of batches.flatMap((batch) => batch.items)) {
      if (event.source !== 'team') continue;
      (change === 'received' ? shared : forwarded).push(event);
    }
    waiters.forEach((check) => check());
  });
  return {
    core,
    client,
    dataDir: dir,
    shared,
    forwarded,
    waitForShared: (count) =>
      waitUntil(
        waiters,
        () => shared.length >= count,
        () => `${name}: ${shared.length} of ${count} shared events`,
      ),
    waitForForwarded: (count) =>
      waitUntil(
        waiters,
        () => forwarded.length >= count,
        () => `${name}: ${forwarded.length} of ${count} forward answers`,
      ),
    async close() {
      await close();
      await core.close();
    },
  };
}

const post = (body: unknown, url = statusUrl) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function watchTeamInbox(app: App): Promise<void> {
  const configured = await app.client.call('teamInbox.configure', { url: viewerUrl, password: viewerPassword });
  if (!configured.ok) throw new Error(JSON.stringify(configured.error));
  await new Promise<void>((resolve) => {
    const stop = app.client.on('teamInbox.stateChanged', (states) => {
      if (states.some((state) => state.phase === 'live')) resolve(stop());
    });
    void app.client.call('teamInbox.state', {}).then((state) => {
      if (state.ok && state.value.phase === 'live') resolve(stop());
    });
  });
}

/** Every page of the timeline under `query`, `limit` events at a time. */
async function allPages(app: App, query: { limit: number; status?: string }): Promise<WebhookEvent[]> {
  const events: WebhookEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.client.call('webhooks.list', { ...query, ...(cursor === undefined ? {} : { cursor }) });
    if (!page.ok) throw new Error(page.error.message);
    events.push(...page.value.events);
    cursor = page.value.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return events;
}

describe.each(transports)('team inbox in the app over $name', (transport) => {
  it('shows every shared webhook on two apps within a second, in the timeline feed marked team, with the same filters', async () => {
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

      const rejected = await bob.client.call('webhooks.list', { status: 'rejected' });
      expect(rejected.ok && rejected.value.events.map((event) => event.clientRef)).toContain(`${transport.name}-b`);
      const found = await bob.client.call('webhooks.list', { text: word });
      expect(found.ok && found.value.events.map((event) => [event.kind, event.source])).toEqual([['inbound', 'team']]);
      const local = await bob.client.call('webhooks.list', { source: 'local' });
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
      const listed = await again.client.call('webhooks.list', { source: 'team', limit: 1 });
      expect(listed.ok && listed.value.events).toHaveLength(1);
      const forgotten = await again.client.call('teamInbox.configure', { url: null });
      expect(forgotten).toMatchObject({ ok: true, value: { url: null, phase: 'off', passwordStored: false } });
      expect(await again.client.call('webhooks.list', { source: 'team' })).toMatchObject({
        ok: false,
        error: { code: 'TEAM_INBOX_OFF' },
      });
      expect(await again.client.call('webhooks.list', {})).toMatchObject({ ok: true });
    } finally {
      await again.close();
    }
  });
});

describe("one timeline over the app's own store and the team inbox", () => {
  it('pages both stores merged by received time, filters, threads and replays team events, and shows forward answers live', async () => {
    const app = await startApp(transports[0]!, 'merged');
    const target = await startRecordingApp({ status: 202, body: 'replayed' });
    try {
      await watchTeamInbox(app);
      const receiver = await app.client.call('webhooks.receiver', {});
      if (!receiver.ok) throw new Error(receiver.error.message);
      const localStatusUrl = receiver.value.statusUrl;
      const uuid = 'cccccccc-dddd-4eee-8fff-0123456789ab';
      const before = app.shared.length;
      // Alternating stores, so a merge that just put one store's page after the other's would show.
      for (const [index, url] of [localStatusUrl, statusUrl, localStatusUrl, statusUrl, localStatusUrl].entries()) {
        const answer = await post(
          v1Status({ client_ref: `merged-${index}`, status: 'delivered', message_uuid: uuid }),
          url,
        );
        expect(answer.status).toBe(200);
      }
      await app.waitForShared(before + 2);

      const [local, team] = await Promise.all([
        app.client.call('webhooks.list', { source: 'local', limit: 1000 }),
        app.client.call('webhooks.list', { source: 'team', limit: 1000 }),
      ]);
      if (!local.ok || !team.ok) throw new Error('a store could not be listed');
      expect(local.value.events.map((event) => event.source)).toEqual(local.value.events.map(() => undefined));
      expect(team.value.events.every((event) => event.source === 'team')).toBe(true);
      const keyOf = (event: WebhookEvent) => `${event.source ?? 'local'}:${event.id}`;
      const everyKey = [...local.value.events, ...team.value.events].map(keyOf).sort();

      // Two at a time, the cursor carries each store's place: every event once, newest first across both.
      const paged = await allPages(app, { limit: 2 });
      expect(paged.map(keyOf).sort()).toEqual(everyKey);
      // Each store keeps its own order (by id: concurrent arrivals may commit a millisecond apart from their
      // received times), and the two are merged by received time: nothing is put before a newer event of the other.
      for (const [source, listed] of [
        ['local', local.value.events],
        ['team', team.value.events],
      ] as const) {
        expect(paged.filter((event) => (event.source ?? 'local') === source).map(keyOf)).toEqual(listed.map(keyOf));
      }
      paged.forEach((event, index) => {
        const nextOfOther = paged.slice(index + 1).find((later) => later.source !== event.source);
        if (nextOfOther)
          expect(Date.parse(event.receivedAt)).toBeGreaterThanOrEqual(Date.parse(nextOfOther.receivedAt));
      });
      const newest = await app.client.call('webhooks.list', { limit: 5 });
      expect(newest.ok && newest.value.events.map((event) => event.clientRef).sort()).toEqual([
        'merged-0',
        'merged-1',
        'merged-2',
        'merged-3',
        'merged-4',
      ]);
      expect(newest.ok && newest.value.events.map((event) => event.source ?? 'local').sort()).toEqual([
        'local',
        'local',
        'local',
        'team',
        'team',
      ]);
      // The same filters run in both stores.
      const delivered = await allPages(app, { limit: 3, status: 'delivered' });
      expect(delivered.every((event) => event.status === 'delivered')).toBe(true);
      expect(delivered.filter((event) => event.clientRef?.startsWith('merged-'))).toHaveLength(5);

      const shared = app.shared.find((event) => event.clientRef === 'merged-3')!;
      const got = await app.client.call('webhooks.get', { id: shared.id, source: 'team' });
      expect(got).toMatchObject({ ok: true, value: { clientRef: 'merged-3', source: 'team' } });

      // A team event's thread holds the statuses the team inbox has for its message.
      const thread = await app.client.call('webhooks.thread', { messageUuid: uuid, source: 'team' });
      expect(thread.ok && thread.value.statuses.map((entry) => [entry.event.clientRef, entry.event.source])).toEqual([
        ['merged-1', 'team'],
        ['merged-3', 'team'],
      ]);
      const localThread = await app.client.call('webhooks.thread', { messageUuid: uuid });
      expect(localThread.ok && localThread.value.statuses.map((entry) => entry.event.clientRef)).toEqual([
        'merged-0',
        'merged-2',
        'merged-4',
      ]);

      // Replay sends the team event's exact bytes to the URL the user chose.
      const replayed = await app.client.call('webhooks.replay', {
        id: shared.id,
        source: 'team',
        url: `${target.url}/webhooks/status`,
      });
      expect(replayed).toMatchObject({ ok: true, value: { status: 202, body: 'replayed' } });
      const [request] = await target.waitForRequests(1);
      expect(JSON.parse(request!.body.toString('utf8'))).toMatchObject({ client_ref: 'merged-3' });

      // What the receiver's router stores about forwarding reaches the viewer live.
      await teamStore.setForward(shared.id, {
        url: 'http://alice.test/webhooks/status',
        status: 200,
        body: 'ok',
        durationMs: 3,
        error: null,
        at: new Date().toISOString(),
      });
      await app.waitForForwarded(1);
      expect(app.forwarded[0]).toMatchObject({ id: shared.id, source: 'team', forward: { status: 200 } });
    } finally {
      await target.close();
      await app.close();
    }
  });
});
