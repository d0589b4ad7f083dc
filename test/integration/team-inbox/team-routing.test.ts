import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SendExchange } from '../../../src-shared/send-exchange';
import { createPostgresEventStore, type PostgresEventStore } from '../../../src-main/team-inbox/postgres-event-store';
import { followTeamInbox } from '../../../src-main/team-inbox/postgres-live-events';
import { recordTeamSend, startTeamRouter } from '../../../src-main/team-inbox/team-routing';
import type { WebhookEvent } from '../../../src-main/webhooks/event-types';
import { createWebhookReceiver } from '../../../src-main/webhooks/receiver';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { makeTempDir } from '../../support/serve-process';
import { v1Inbound, v1Status } from '../../support/webhook-fixtures';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterAll(() => cluster?.dispose());
const cleanups: Array<() => Promise<unknown>> = [];
const running: CliProcess[] = [];
afterEach(async () => {
  await stopAll(running);
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A teammate's own app: every webhook forwarded to it, by path and body. */
async function teammateApp(): Promise<{
  url: string;
  received: Array<{ path: string; body: Record<string, unknown> }>;
}> {
  const received: Array<{ path: string; body: Record<string, unknown> }> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString()) });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function acceptedSend(messageUuid: string, body: Record<string, unknown>): SendExchange {
  return {
    id: messageUuid,
    operation: 'send-v1',
    profileName: null,
    request: { method: 'POST', url: 'http://api/v1/messages', headers: {}, body: JSON.stringify(body) },
    response: { status: 202, headers: {}, body: '', json: null },
    problem: null,
    messageUuid,
    timings: { startedAt: new Date().toISOString() } as SendExchange['timings'],
    error: null,
    validationIssues: [],
    warnings: [],
    succeeded: true,
  };
}

/** A team inbox with two teammates who may read events and file their sends (README, Team inbox). */
async function teamWithTwo(): Promise<{ url: string; store: PostgresEventStore; as(name: string): pg.Pool }> {
  const url = await cluster.createDatabase();
  const database = url.split('/').pop()!;
  const opened = await createPostgresEventStore({ url });
  if (!opened.ok) throw new Error(opened.error.message);
  cleanups.push(() => opened.value.close());
  for (const name of ['alice', 'bob']) {
    const role = `${name}_${database}`;
    await cluster.query(`CREATE ROLE ${role} LOGIN PASSWORD '${name}-pw'`);
    await cluster.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
    await cluster.query(`GRANT USAGE ON SCHEMA workbench TO ${role}`, database);
    await cluster.query(`GRANT SELECT ON ALL TABLES IN SCHEMA workbench TO ${role}`, database);
    await cluster.query(`GRANT INSERT ON workbench.sends TO ${role}`, database);
  }
  return {
    url,
    store: opened.value,
    as(name) {
      const pool = new pg.Pool({
        connectionString: `postgres://${name}_${database}:${name}-pw@127.0.0.1:${cluster.port}/${database}`,
      });
      cleanups.push(() => pool.end());
      return pool;
    },
  };
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (answer) => answer.status,
  );

describe('team inbox routing', () => {
  it('forwards statuses to whoever sent the message and inbounds to whoever last wrote to that number', async () => {
    const team = await teamWithTwo();
    const database = team.url.split('/').pop()!;
    await recordTeamSend(team.as('alice'), acceptedSend('uuid-alice-1', { channel: 'sms', to: '447700900111' }), 1000);
    await recordTeamSend(
      team.as('bob'),
      acceptedSend('uuid-bob-1', { channel: 'whatsapp', to: '447700900222', client_ref: 'bob-ref' }),
      2000,
    );
    // Bob is the last to write to Alice's number, so its replies are his.
    await recordTeamSend(team.as('bob'), acceptedSend('uuid-bob-2', { channel: 'sms', to: '447700900111' }), 3000);
    await expect(
      team.as('alice').query(`INSERT INTO workbench.sends (sent_at, teammate) VALUES (1, 'bob_${database}')`),
    ).rejects.toThrow(/check constraint/);

    const [alice, bob] = [await teammateApp(), await teammateApp()];
    const receiver = createWebhookReceiver({ store: team.store });
    cleanups.push(() => receiver.close());
    const started = await receiver.start();
    if (!started.ok) throw new Error(started.error.message);
    const forwardedTo: Array<[number, string]> = [];
    const router = startTeamRouter({
      store: team.store,
      receiver,
      routes: new Map([
        [`alice_${database}`, alice.url],
        [`bob_${database}`, bob.url],
      ]),
      unmatchedRetryMs: 50,
      onForwarded: (event, teammate) => forwardedTo.push([event.id, teammate]),
      onError: (message, error) => {
        throw new Error(`${message} ${String(error)}`);
      },
    });

    const { statusUrl, inboundUrl } = started.value;
    expect(await post(statusUrl, v1Status({ message_uuid: 'uuid-alice-1', client_ref: 'x' }))).toBe(200);
    expect(await post(statusUrl, v1Status({ message_uuid: 'uuid-unknown', client_ref: 'bob-ref' }))).toBe(200);
    expect(await post(inboundUrl, v1Inbound({ from: '447700900111', text: 'reply to the newest sender' }))).toBe(200);
    expect(await post(inboundUrl, v1Inbound({ from: '447700900222', text: 'reply to bob' }))).toBe(200);
    expect(await post(statusUrl, v1Status({ message_uuid: 'uuid-nobody', client_ref: 'nobody' }))).toBe(200);
    // Closing waits for every routing in flight, the unmatched one's second look included.
    await receiver.close();
    await router.close();

    expect(alice.received).toEqual([
      { path: '/webhooks/status', body: expect.objectContaining({ message_uuid: 'uuid-alice-1' }) },
    ]);
    expect(bob.received.map((request) => [request.path, request.body.text ?? request.body.message_uuid])).toEqual(
      expect.arrayContaining([
        ['/webhooks/status', 'uuid-unknown'],
        ['/webhooks/inbound', 'reply to the newest sender'],
        ['/webhooks/inbound', 'reply to bob'],
      ]),
    );
    expect(bob.received).toHaveLength(3);
    expect(forwardedTo).toHaveLength(4);
    const unrouted = await team.store.list({ messageUuid: 'uuid-nobody' });
    expect(unrouted.events[0]?.forward).toBeNull();
    const routed = await team.store.list({ messageUuid: 'uuid-alice-1' });
    expect(routed.events[0]?.forward).toMatchObject({ status: 200, body: 'ok' });
  });

  it('listen --forward-team routes from the command line, a viewer sees the answer live, and it is refused without --store', async () => {
    const team = await teamWithTwo();
    const database = team.url.split('/').pop()!;
    await recordTeamSend(team.as('alice'), acceptedSend('uuid-cli', { channel: 'sms', to: '447700900333' }), 1000);
    const alice = await teammateApp();
    const storeUrl = new URL(team.url);
    const password = decodeURIComponent(storeUrl.password);
    storeUrl.password = '';
    const dataDir = await makeTempDir('routing ');
    const cli = startCli(
      [
        '--data-dir',
        dataDir,
        'listen',
        '--port',
        '0',
        '--store',
        storeUrl.toString(),
        '--forward-team',
        `alice_${database}=${alice.url}`,
      ],
      { PGPASSWORD: password, VONAGE_SIGNATURE_SECRET: '' },
    );
    running.push(cli);
    const [, statusUrl] = await cli.stderrLine(/status URL +(\S+)/);
    // A teammate's app watching the inbox: the router's answer reaches it without a reload.
    let seeLive: () => void = () => undefined;
    let seeForward: (event: WebhookEvent) => void = () => undefined;
    const live = new Promise<void>((resolve) => (seeLive = resolve));
    const forwardSeen = new Promise<WebhookEvent>((resolve) => (seeForward = resolve));
    const viewer = followTeamInbox({
      url: team.url,
      onEvents: () => undefined,
      onForwarded: (events) => seeForward(events[0]!),
      onState: (state) => state.phase === 'live' && seeLive(),
    });
    cleanups.push(() => viewer.stop());
    await live;
    expect(await post(statusUrl!, v1Status({ message_uuid: 'uuid-cli' }))).toBe(200);
    await cli.stderrLine(new RegExp(`forwarded to alice_${database}: 200`));
    expect(alice.received.map((request) => request.body.message_uuid)).toEqual(['uuid-cli']);
    expect(await forwardSeen).toMatchObject({
      messageUuid: 'uuid-cli',
      forward: { url: `${alice.url}/webhooks/status`, status: 200 },
    });

    const refused = startCli(['--data-dir', dataDir, 'listen', '--port', '0', '--forward-team', `alice=${alice.url}`]);
    running.push(refused);
    expect((await refused.exited).code).toBe(2);
    expect(refused.stderr.join('\n')).toMatch(/--forward-team needs --store/);
  });
});
