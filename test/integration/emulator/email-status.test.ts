import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalog } from '../../../src-shared/messages';
import { defaultScenarios } from '../../../src-main/emulator';
import { playOut } from '../../../src-main/emulator/message-flow';
import type { OutboundItem } from '../../../src-main/emulator/outbound-message';
import { createScenarioEngine } from '../../../src-main/emulator/scenario-engine';
import { createWebhookDelivery } from '../../../src-main/emulator/webhook-delivery';
import { makeCredentials, startHarness, verifyWebhook, type Harness } from '../../support/emulator-harness';
import { startReceiver, type Receiver } from '../../support/emulator-receiver';
import { builtWebhookThread } from '../../support/webhook-harness';

/**
 * Email status webhooks as spec 1.20.0 describes them (messageStatusEmail:
 * the addresses as to/from, channel "email", no usage or channel object),
 * played out by the emulator's message flow and signed like every other
 * webhook; and the email error codes 2001–2003 usable in scenarios.
 */

/** The 1.20.0 email status body, written from the spec's description. */
const emailStatusSchema = z.strictObject({
  message_uuid: z.uuid(),
  to: z.email(),
  from: z.email(),
  timestamp: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
  status: z.enum(['submitted', 'delivered', 'read', 'rejected', 'undeliverable']),
  channel: z.literal('email'),
  client_ref: z.string().optional(),
  error: z.strictObject({ type: z.url(), title: z.string(), detail: z.string(), instance: z.string() }).optional(),
});

const credentials = makeCredentials();
let receiver: Receiver;
const closing = new AbortController();
const delivery = createWebhookDelivery({
  signing: {
    signatureSecret: credentials.signatureSecret,
    apiKey: credentials.apiKey,
    applicationId: credentials.applicationId,
  },
  threadScript: builtWebhookThread,
  retryDelaysMs: [1],
  retryOn: 'server-errors',
  userAgent: 'email-status-test',
  onAttempt: () => {},
  signal: closing.signal,
});
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  closing.abort();
  await delivery.close();
  await receiver.close();
});

async function playEmail(to: string) {
  const item: OutboundItem = {
    channel: 'email',
    messageType: 'html',
    to,
    from: 'billing@workbench.test',
    clientRef: 'invoice-7',
    webhookVersion: 'v1',
  };
  const uuid = crypto.randomUUID();
  await playOut(
    { items: [item], uuids: [uuid] },
    {
      timings: { submittedMs: 0, deliveredMs: 0, readMs: 0 },
      statusUrl: `${receiver.url}/status`,
      scenarios: createScenarioEngine(defaultScenarios),
      delivery,
      signal: closing.signal,
    },
  );
  return receiver.received.filter((webhook) => webhook.body.message_uuid === uuid);
}

describe('email status webhooks', () => {
  it('go submitted, delivered, read, each in the 1.20.0 shape and signed', async () => {
    const webhooks = await playEmail('ada@workbench.test');
    expect(webhooks.map((webhook) => webhook.body.status)).toEqual(['submitted', 'delivered', 'read']);
    for (const webhook of webhooks) {
      expect(emailStatusSchema.parse(webhook.body)).toMatchObject({
        to: 'ada@workbench.test',
        from: 'billing@workbench.test',
        client_ref: 'invoice-7',
      });
      const { payload } = await verifyWebhook(webhook, credentials.signatureSecret);
      expect(payload).toMatchObject({ iss: 'Vonage', api_key: credentials.apiKey });
    }
  });

  it.each([
    ['2001@workbench.test', 2001, 'Fraud protection triggered'],
    ['2002@workbench.test', 2002, 'Email size exceeded'],
    ['2003@workbench.test', 2003, 'Destination unavailable'],
  ])('are rejected for %s by the default scenarios, with error %i', async (to, code, title) => {
    const webhooks = await playEmail(to);
    expect(webhooks).toHaveLength(1);
    const body = emailStatusSchema.parse(webhooks[0]!.body);
    expect(body).toMatchObject({
      status: 'rejected',
      error: { type: `https://developer.vonage.com/api-errors/messages#${code}`, title: String(code), detail: title },
    });
  });
});

describe('the email error codes in scenarios', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ scenarios: [] });
  });
  afterAll(() => harness.close());

  it('are accepted in rules and reach the status webhook of a send through the API', async () => {
    const rules = [2001, 2002, 2003].map((code) => ({
      name: `code ${code}`,
      match: { to: { endsWith: String(code) } },
      outcome: { kind: 'reject', code },
    }));
    expect(harness.emulator.setScenarios(rules)).toMatchObject({ ok: true });
    const sms = catalog('v1').find((entry) => entry.channel === 'sms')!.minimal;
    for (const code of [2001, 2002, 2003]) {
      const answer = await harness.call('/v1/messages', { ...sms, to: `44770090${code}` });
      expect(answer.status).toBe(202);
      const uuid = String(answer.body?.message_uuid);
      const received = await harness.receiver.waitFor((all) =>
        all.some((webhook) => webhook.body.message_uuid === uuid && webhook.body.status === 'rejected'),
      );
      const rejected = received.find(
        (webhook) => webhook.body.message_uuid === uuid && webhook.body.status === 'rejected',
      )!;
      expect(rejected.body.error).toMatchObject({
        type: `https://developer.vonage.com/api-errors/messages#${code}`,
        title: String(code),
      });
    }
  });
});
