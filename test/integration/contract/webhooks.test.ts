import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, type EventPayload } from '../../../src-shared/contract';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { Core } from '../../../src-main/core';
import { transports } from '../../support/contract-transports';
import { startApiServer, type TestServer } from '../../support/send-servers';
import { createTestCore } from '../../support/test-core';

const messageUuid = 'dddddddd-bbbb-4ccc-8ddd-0123456789ab';
const statusBody = (status: string) => ({
  message_uuid: messageUuid,
  to: '447700900000',
  from: 'Acme',
  timestamp: new Date().toISOString(),
  status,
  channel: 'sms',
});

describe.each(transports)('webhooks over $name', (transport) => {
  let core: Core;
  let client: ContractClient;
  let close: () => Promise<void>;
  let api: TestServer;

  beforeEach(async () => {
    core = await createTestCore({ hostKind: 'browser', keychainService: 'workbench-webhooks-test' });
    ({ client, close } = await transport.connect(core));
    api = await startApiServer(() => ({ status: 202, body: { message_uuid: messageUuid } }));
  });

  afterEach(async () => {
    await close();
    await core.close();
    await api.close();
  });

  async function receiver() {
    const result = await client.call('webhooks.receiver', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it('streams a posted webhook live, then lists, gets and threads it with its send', async () => {
    const { statusUrl, inboundUrl } = await receiver();
    expect(statusUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/status$/);
    const arrived: EventPayload<'webhooks.received'>[] = [];
    const twoArrived = new Promise<void>((resolve) =>
      client.on('webhooks.received', (batches) => {
        arrived.push(...batches);
        if (arrived.flatMap((batch) => batch.items).length >= 2) resolve();
      }),
    );

    await client.call('profiles.save', { name: 'Local', target: { kind: 'custom', baseUrl: api.url } });
    const sent = await client.call('send.message', {
      profile: 'Local',
      auth: 'none',
      operation: {
        kind: 'send',
        api: 'v1',
        payload: { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'hi' },
      },
    });
    expect(sent.ok && sent.value.messageUuid).toBe(messageUuid);

    for (const status of ['submitted', 'delivered']) {
      const answer = await fetch(statusUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(statusBody(status)),
      });
      expect(answer.status).toBe(200);
    }
    await twoArrived;
    const live = arrived
      .flatMap((batch) => batch.items)
      .map((item) => methods['webhooks.get'].output.parse(item.event));
    expect(live.map((event) => [event.kind, event.status, event.verdict])).toEqual([
      ['status', 'submitted', 'unsigned'],
      ['status', 'delivered', 'unsigned'],
    ]);

    const page = await client.call('webhooks.list', { kind: 'status', limit: 10 });
    expect(page.ok && page.value.events.map((event) => event.status)).toEqual(['delivered', 'submitted']);
    const one = await client.call('webhooks.get', { id: live[0]!.id });
    expect(one.ok && one.value.bodyJson).toMatchObject({ status: 'submitted' });

    const thread = await client.call('webhooks.thread', { messageUuid });
    expect(thread.ok).toBe(true);
    if (!thread.ok) return;
    expect(thread.value.send?.response?.status).toBe(202);
    expect(thread.value.statuses.map((entry) => entry.event.status)).toEqual(['submitted', 'delivered']);
    expect(thread.value.statuses.every((entry) => entry.sinceSendMs !== null && entry.sinceSendMs >= 0)).toBe(true);

    const bad = await fetch(inboundUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(bad.status).toBe(200);
    const recorded = await client.call('webhooks.list', { text: 'broken' });
    expect(recorded.ok && recorded.value.events[0]?.parseError).toBeTruthy();
  });

  it('replays a stored webhook to another server and reports its answer', async () => {
    const { statusUrl } = await receiver();
    await fetch(statusUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(statusBody('read')),
    });
    const page = await client.call('webhooks.list', {});
    const id = page.ok ? page.value.events[0]!.id : -1;
    const replayed = await client.call('webhooks.replay', { id, url: `${api.url}/my/handler` });
    expect(replayed).toMatchObject({ ok: true, value: { status: 202 } });
    expect(api.received.at(-1)).toMatchObject({ method: 'POST', url: '/my/handler' });
    expect(JSON.parse(api.received.at(-1)!.body)).toMatchObject({ status: 'read' });
    const missing = await client.call('webhooks.replay', { id: 999_999, url: api.url });
    expect(missing).toMatchObject({ ok: false, error: { code: 'WEBHOOK_EVENT_NOT_FOUND' } });
  });
});
