import { Vonage } from '@vonage/server-sdk';
import { verifySignature } from '@vonage/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { startHarness, type Harness } from '../../support/emulator-harness';

/**
 * The official Vonage Server SDK, unchanged, with only its API host pointed
 * at the emulator (`apiHost`, the second constructor argument).
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ scenarios: [] });
});
afterAll(() => harness.close());

const channels = ['sms', 'mms', 'rcs', 'whatsapp', 'messenger', 'viber_service'] as const;
const firstTemplate = (channel: string) => catalog('v1').find((entry) => entry.channel === channel)!.minimal;

function clients() {
  const { apiKey, apiSecret, applicationId, privateKeyPem } = harness.credentials;
  return {
    basic: new Vonage({ apiKey, apiSecret }, { apiHost: harness.emulator.url }),
    jwt: new Vonage({ applicationId, privateKey: privateKeyPem }, { apiHost: harness.emulator.url }),
  };
}

describe('the official SDK against the emulator', () => {
  it.each(channels.flatMap((channel) => (['basic', 'jwt'] as const).map((auth) => [channel, auth] as const)))(
    'sends %s with %s auth and gets webhooks the SDK verifies',
    async (channel, auth) => {
      const sent = await clients()[auth].messages.send(firstTemplate(channel) as never);
      expect(sent.messageUUID).toMatch(/^[0-9a-f-]{36}$/);
      const request = harness.events.find(
        (event) => event.kind === 'emulator.request' && event.messageUuid === sent.messageUUID,
      );
      expect(request).toMatchObject({ auth, status: 202 });

      const received = await harness.receiver.waitFor((all) =>
        all.some((webhook) => webhook.body.message_uuid === sent.messageUUID && webhook.body.status === 'delivered'),
      );
      const webhooks = received.filter((webhook) => webhook.body.message_uuid === sent.messageUUID);
      for (const webhook of webhooks) {
        const token = webhook.headers.authorization!.replace(/^Bearer /, '');
        expect(verifySignature(token, harness.credentials.signatureSecret)).toBe(true);
        expect(verifySignature(token, 'a-different-signature-secret')).toBe(false);
      }
    },
  );

  it('surfaces the emulator 422 through the SDK error, invalid_parameters included', async () => {
    const error = await clients()
      .basic.messages.send({ ...firstTemplate('whatsapp'), text: undefined } as never)
      .catch((caught: unknown) => caught);
    const response = (error as { response: Response }).response;
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ title: 'Invalid params', invalid_parameters: [{ name: 'text' }] });
  });

  it('marks an inbound WhatsApp message read with updateMessage (JWT), typing indicator included', async () => {
    const simulated = await harness.emulator.simulateInbound({
      channel: 'whatsapp',
      messageType: 'text',
      from: '447700900777',
    });
    if (!simulated.ok) throw new Error(simulated.error.message);
    // With a typing indicator the SDK adds replying_indicator, a field of the 1.20.0 WhatsApp update body.
    await expect(
      clients().jwt.messages.updateMessage(simulated.value.messageUuid, 'read', { typingIndicator: 'text' }),
    ).resolves.toBe(true);
    const patch = harness.events.find((event) => event.kind === 'emulator.request' && event.method === 'PATCH');
    expect(patch).toMatchObject({ auth: 'jwt', status: 202, path: `/v1/messages/${simulated.value.messageUuid}` });
    expect(JSON.parse((patch as { requestBody: string }).requestBody)).toEqual({
      status: 'read',
      replying_indicator: { show: true, type: 'text' },
    });
  });
});
