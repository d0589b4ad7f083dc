import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import type { ContractClient } from '../../../src-shared/contract-client';
import { catalog } from '../../../src-shared/messages';
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import type { Core } from '../../../src-main/core';
import { transports } from '../../support/contract-transports';
import { startReceiver } from '../../support/emulator-receiver';
import { createTestCore } from '../../support/test-core';

const instant = { submittedMs: 0, deliveredMs: 0, readMs: 0, retryDelaysMs: [0, 0] };

describe.each(transports)('the built-in emulator loop over $name', (transport) => {
  let core: Core;
  let client: ContractClient;
  let close: () => Promise<void>;
  let received: WebhookEvent[];
  let apiCalls: WebhookEvent[];
  let waiters: { count: number; resolve: () => void }[];

  beforeEach(async () => {
    core = await createTestCore({
      hostKind: 'browser',
      keychainService: 'workbench-emulator-loop',
      emulatorTimings: instant,
    });
    ({ client, close } = await transport.connect(core));
    received = [];
    apiCalls = [];
    waiters = [];
    client.on('webhooks.received', (batches: EventPayload<'webhooks.received'>[]) => {
      for (const item of batches.flatMap((batch) => batch.items)) {
        if (item.change === 'received' && item.event.kind === 'api-call') apiCalls.push(item.event);
        else if (item.change === 'received') received.push(item.event);
      }
      for (const waiter of [...waiters]) {
        if (received.length < waiter.count) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });

  afterEach(async () => {
    await close();
    await core.close();
  });

  const webhooksArrived = (count: number) =>
    new Promise<void>((resolve) => (received.length >= count ? resolve() : waiters.push({ count, resolve })));

  it('sends with no profile and no account: 202, then verified status webhooks on the own receiver', async () => {
    const status = await client.call('emulator.status', {});
    expect(status).toMatchObject({ ok: true, value: { running: true } });
    const template = catalog('v1').find((entry) => entry.channel === 'whatsapp' && entry.messageType === 'text')!;
    const sent = await client.call('send.message', {
      operation: { kind: 'send', api: 'v1', payload: template.minimal },
    });
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.value.response?.status).toBe(202);
    expect(sent.value.request.headers.authorization).toBe('Bearer [redacted]');
    await webhooksArrived(3);
    expect(received.map((event) => [event.status, event.verdict, event.messageUuid])).toEqual([
      ['submitted', 'verified', sent.value.messageUuid],
      ['delivered', 'verified', sent.value.messageUuid],
      ['read', 'verified', sent.value.messageUuid],
    ]);
    const thread = await client.call('webhooks.thread', { messageUuid: sent.value.messageUuid! });
    expect(thread.ok && thread.value.send?.id).toBe(sent.value.id);
    // The call itself is in the store too, so the timeline shows both sides; never with its Authorization.
    expect(
      apiCalls.map((call) => [call.method, call.path, call.answerStatus, call.messageUuid, call.channel, call.verdict]),
    ).toEqual([['POST', '/v1/messages', 202, sent.value.messageUuid, 'whatsapp', 'not-a-webhook']]);
    expect(apiCalls[0]!.headers).toEqual({});
    const stored = await client.call('webhooks.list', { kind: 'api-call' });
    expect(stored.ok && stored.value.events.map((event) => event.id)).toEqual([apiCalls[0]!.id]);
  });

  it('sends a full template whose webhook_url is an example domain back to the own receiver', async () => {
    const template = catalog('v1').find((entry) => entry.channel === 'sms' && entry.messageType === 'text')!;
    const sent = await client.call('send.message', { operation: { kind: 'send', api: 'v1', payload: template.full } });
    expect(sent.ok && sent.value.response?.status).toBe(202);
    await webhooksArrived(2);
    expect(received.map((event) => event.status)).toEqual(['submitted', 'delivered']);
  });

  it('applies a default scenario (a recipient ending in 1300 is rejected with 1300) and refuses a bad rule at its field', async () => {
    const refused = await client.call('emulator.setScenarios', {
      rules: [{ name: 'x', match: {}, outcome: { kind: 'reject', code: 'nope' } }],
    });
    expect(refused).toMatchObject({ ok: false });
    const rules = await client.call('emulator.scenarios', {});
    expect(rules.ok && rules.value.rules.length).toBeGreaterThan(0);
    const payload = { channel: 'sms', message_type: 'text', to: '447700901300', from: 'Acme', text: 'hi' };
    const sent = await client.call('send.message', { operation: { kind: 'send', api: 'v1', payload } });
    expect(sent.ok && sent.value.response?.status).toBe(202);
    await webhooksArrived(2);
    const last = received.at(-1)!;
    expect([last.status, last.errorCode]).toEqual(['rejected', '1300']);
  });

  it('simulates an inbound message from a user into the receiver, signed', async () => {
    const simulated = await client.call('emulator.simulateInbound', {
      channel: 'whatsapp',
      messageType: 'text',
      from: '447700900123',
      text: 'yes please',
    });
    expect(simulated).toMatchObject({ ok: true, value: { delivered: true } });
    await webhooksArrived(1);
    expect(received[0]).toMatchObject({
      kind: 'inbound',
      channel: 'whatsapp',
      verdict: 'verified',
      from: '447700900123',
    });
    expect(received[0]!.bodyText).toContain('yes please');
  });

  it("shows a send on the recipient's phone, and a tapped suggestion comes back as a verified inbound reply", async () => {
    const template = catalog('v1').find((entry) => entry.channel === 'rcs' && entry.messageType === 'text')!;
    const payload = { ...template.full, to: '447700900777', failover: undefined };
    const sent = await client.call('send.message', { operation: { kind: 'send', api: 'v1', payload } });
    if (!sent.ok) throw new Error(sent.error.message);
    await webhooksArrived(3);
    const phone = await client.call('emulator.conversations', { channel: 'rcs', recipient: '447700900777' });
    if (!phone.ok) throw new Error(phone.error.message);
    expect(phone.value.conversation?.entries.map((entry) => [entry.messageUuid, entry.statuses.length])).toEqual([
      [sent.value.messageUuid, 3],
    ]);
    const forged = await client.call('emulator.answerOnPhone', {
      messageUuid: sent.value.messageUuid!,
      answer: { kind: 'reply', id: 'forged' } as never,
    });
    expect(forged).toMatchObject({ ok: false, error: { path: expect.stringContaining('/answer') } });
    const tapped = await client.call('emulator.answerOnPhone', {
      messageUuid: sent.value.messageUuid!,
      answer: { kind: 'suggestion', index: 0 },
    });
    expect(tapped).toMatchObject({ ok: true, value: { messageType: 'reply', delivered: true } });
    await webhooksArrived(4);
    expect(received[3]).toMatchObject({ kind: 'inbound', channel: 'rcs', verdict: 'verified', from: '447700900777' });
    expect(JSON.parse(received[3]!.bodyText!)).toMatchObject({ reply: { id: 'offer_yes', title: 'Yes please' } });
    const thread = await client.call('webhooks.thread', { messageUuid: sent.value.messageUuid! });
    expect(thread.ok && thread.value.replies.map((entry) => entry.event.messageUuid)).toEqual([
      tapped.ok && tapped.value.messageUuid,
    ]);
  });

  it('configure points its status webhooks elsewhere on the same port, and keeps them when a profile is missing', async () => {
    const receiver = await startReceiver();
    try {
      const before = await client.call('emulator.status', {});
      if (!before.ok) throw new Error(before.error.message);
      const configured = await client.call('emulator.configure', { statusUrl: `${receiver.url}/status` });
      expect(configured).toMatchObject({
        ok: true,
        value: {
          running: true,
          url: before.value.url,
          apiKey: before.value.apiKey,
          statusUrl: `${receiver.url}/status`,
        },
      });
      const missing = await client.call('emulator.configure', { credentials: { profile: 'nobody' }, statusUrl: null });
      expect(missing).toMatchObject({ ok: false });
      const sent = await client.call('send.message', {
        operation: {
          kind: 'send',
          api: 'v1',
          payload: { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'hi' },
        },
      });
      expect(sent.ok && sent.value.response?.status).toBe(202);
      await receiver.waitFor((all) => all.length >= 2);
      expect(receiver.received.map((webhook) => [webhook.path, webhook.body.status])).toEqual([
        ['/status', 'submitted'],
        ['/status', 'delivered'],
      ]);
      expect(received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('clearing the activity forgets it in the core, and every connected client hears so', async () => {
    const other = await transport.connect(core);
    try {
      const heard = new Promise<void>((resolve) => other.client.on('emulator.activityCleared', () => resolve()));
      const payload = { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'hi' };
      const sent = await client.call('send.message', { operation: { kind: 'send', api: 'v1', payload } });
      expect(sent.ok && sent.value.response?.status).toBe(202);
      await webhooksArrived(2);
      const before = await other.client.call('emulator.activity', {});
      if (!before.ok) throw new Error(before.error.message);
      expect(before.value.events.map((event) => event.kind)).toContain('emulator.request');
      const cleared = await client.call('emulator.clearActivity', {});
      if (!cleared.ok) throw new Error(cleared.error.message);
      expect(cleared.value.cleared).toBeGreaterThanOrEqual(before.value.events.length);
      await heard;
      expect(await other.client.call('emulator.activity', {})).toEqual({ ok: true, value: { events: [] } });
    } finally {
      await other.close();
    }
  });
});
