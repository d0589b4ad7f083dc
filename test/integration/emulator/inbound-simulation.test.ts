import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyWebhook,
  v01InboundSchema,
  v01InboundTypes,
  v1Channels,
  v1ChannelOf,
  v1InboundSchema,
  v1InboundTypes,
  type V01Channel,
} from '../../../src-shared/messages';
import { createEmulator } from '../../../src-main/emulator';
import { makeCredentials, startHarness, verifyWebhook, type Harness } from '../../support/emulator-harness';
import { builtWebhookThread } from '../../support/webhook-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ scenarios: [] });
});
afterAll(() => harness.close());

const v1Cases = v1Channels.flatMap((channel) =>
  v1InboundTypes[channel].map((messageType) => ({ channel, messageType })),
);
const v01Cases = (Object.keys(v01InboundTypes) as V01Channel[]).flatMap((channel) =>
  v01InboundTypes[channel].map((messageType) => ({ channel: v1ChannelOf(channel), v01Channel: channel, messageType })),
);

async function simulateAndReceive(simulation: Parameters<Harness['emulator']['simulateInbound']>[0]) {
  const result = await harness.emulator.simulateInbound(simulation);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.delivered).toBe(true);
  const all = await harness.receiver.waitFor((received) =>
    received.some((webhook) => webhook.body.message_uuid === result.value.messageUuid),
  );
  const webhook = all.find((candidate) => candidate.body.message_uuid === result.value.messageUuid)!;
  expect(webhook.path).toBe('/inbound');
  await verifyWebhook(webhook, harness.credentials.signatureSecret);
  return webhook.body;
}

describe('inbound simulation', () => {
  it.each(v1Cases.map((entry) => [`${entry.channel} ${entry.messageType}`, entry] as const))(
    'posts a signed v1 %s valid under the inbound schema',
    async (_label, entry) => {
      const body = await simulateAndReceive({
        channel: entry.channel,
        messageType: entry.messageType,
        from: '447700900555',
        text: 'Hi there',
      });
      expect(v1InboundSchema(entry.channel, entry.messageType).safeParse(body).success).toBe(true);
      expect(classifyWebhook(body)).toMatchObject({
        kind: 'inbound',
        version: 'v1',
        channel: entry.channel,
        message_type: entry.messageType,
        issues: [],
      });
    },
  );

  it.each(v01Cases.map((entry) => [`${entry.v01Channel} ${entry.messageType}`, entry] as const))(
    'posts a signed v0.1 %s valid under the inbound schema',
    async (_label, entry) => {
      const body = await simulateAndReceive({
        channel: entry.channel,
        messageType: entry.messageType,
        version: 'v0.1',
        from: '447700900555',
      });
      expect(v01InboundSchema(entry.v01Channel, entry.messageType).safeParse(body).success).toBe(true);
      expect(classifyWebhook(body)).toMatchObject({
        kind: 'inbound',
        version: 'v0.1',
        message_type: entry.messageType,
        issues: [],
      });
    },
  );

  it('carries the context of the message a WhatsApp reply answers, and the given content', async () => {
    const sent = await harness.call('/v1/messages', {
      channel: 'whatsapp',
      message_type: 'text',
      to: '447700900555',
      from: '447700900001',
      text: 'Pick one',
    });
    const contextUuid = String(sent.body?.message_uuid);
    const body = await simulateAndReceive({
      channel: 'whatsapp',
      messageType: 'reply',
      from: '447700900555',
      contextMessageUuid: contextUuid,
      content: { id: 'row-2', title: 'No thanks' },
    });
    expect(body).toMatchObject({
      context_status: 'available',
      context: { message_uuid: contextUuid, message_from: '447700900001' },
      reply: { id: 'row-2', title: 'No thanks' },
    });
  });

  it('sends v0.1 locations as latitude/longitude strings', async () => {
    const body = await simulateAndReceive({
      channel: 'whatsapp',
      messageType: 'location',
      version: 'v0.1',
      from: '447700900555',
      content: { lat: 1.5, long: 2.25 },
    });
    expect((body.message as { content: unknown }).content).toMatchObject({
      type: 'location',
      location: { latitude: '1.5', longitude: '2.25' },
    });
  });

  it('refuses a type the channel has no inbound form of, naming the field', async () => {
    expect(
      await harness.emulator.simulateInbound({ channel: 'sms', messageType: 'image', from: '447700900555' }),
    ).toMatchObject({ ok: false, error: { code: 'INBOUND_INVALID', path: '/messageType' } });
    expect(
      await harness.emulator.simulateInbound({
        channel: 'rcs',
        messageType: 'text',
        version: 'v0.1',
        from: '447700900555',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INBOUND_INVALID' } });
  });

  it('says so when no inbound URL is configured', async () => {
    const credentials = makeCredentials();
    const emulator = createEmulator({
      credentials,
      signatureSecret: credentials.signatureSecret,
      webhookThreadScript: builtWebhookThread,
    });
    await emulator.start();
    expect(await emulator.simulateInbound({ channel: 'sms', messageType: 'text', from: '447700900555' })).toMatchObject(
      { ok: false, error: { code: 'EMULATOR_NO_INBOUND_URL' } },
    );
    await emulator.close();
  });
});
