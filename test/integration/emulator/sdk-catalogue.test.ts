import { Vonage } from '@vonage/server-sdk';
import { verifySignature } from '@vonage/jwt';
import * as sdkMessages from '@vonage/messages';
import { Client } from '@vonage/server-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { startHarness, type Harness } from '../../support/emulator-harness';

/**
 * Every v1 combination of the catalogue, sent through the newest official
 * Node SDK (@vonage/server-sdk, its messages package) with only the API host
 * pointed at the emulator. Where the SDK has a class for the combination the
 * template goes through it (the SDK takes camelCase parameters and
 * snake-cases them back on the wire); the rest (RCS card and carousel,
 * which 3.30.1 has no class for) go as the raw objects its send also takes. Each must be accepted, and every status webhook it
 * causes must verify with the SDK's own verifySignature.
 */

type SdkMessage = new (params: never) => object;
const sdkClassNames: Record<string, keyof typeof sdkMessages> = {
  'sms/text': 'SMS',
  'mms/text': 'MMSText',
  'mms/image': 'MMSImage',
  'mms/vcard': 'MMSVcard',
  'mms/audio': 'MMSAudio',
  'mms/video': 'MMSVideo',
  'mms/file': 'MMSFile',
  'mms/content': 'MMSContent',
  'rcs/text': 'RCSText',
  'rcs/image': 'RCSImage',
  'rcs/video': 'RCSVideo',
  'rcs/file': 'RCSFile',
  'rcs/custom': 'RCSCustom',
  'whatsapp/text': 'WhatsAppText',
  'whatsapp/image': 'WhatsAppImage',
  'whatsapp/audio': 'WhatsAppAudio',
  'whatsapp/video': 'WhatsAppVideo',
  'whatsapp/file': 'WhatsAppFile',
  'whatsapp/template': 'WhatsAppTemplate',
  'whatsapp/sticker': 'WhatsAppSticker',
  'whatsapp/reaction': 'WhatsAppReaction',
  'whatsapp/custom': 'WhatsAppCustom',
  'messenger/text': 'MessengerText',
  'messenger/image': 'MessengerImage',
  'messenger/audio': 'MessengerAudio',
  'messenger/video': 'MessengerVideo',
  'messenger/file': 'MessengerFile',
  'viber_service/text': 'ViberText',
  'viber_service/image': 'ViberImage',
  'viber_service/video': 'ViberVideo',
  'viber_service/file': 'ViberFile',
  'email/text': 'EmailText',
  'email/html': 'EmailHTML',
  'email/content': 'EmailContent',
};

/** The SDK's message object for a template: its class when it has one, else the template itself. */
function sdkMessage(key: string, template: Record<string, unknown>): { message: object; via: string } {
  const name = sdkClassNames[key];
  if (name === undefined) return { message: template, via: 'raw object' };
  const SdkClass = sdkMessages[name] as unknown as SdkMessage;
  const params = Client.transformers.camelCaseObjectKeys(template, true) as Record<string, unknown>;
  // The SDK passes an RCS custom object through as given, so it must not be camelCased on the way in.
  if ('custom' in template) params.custom = template.custom;
  return { message: new SdkClass(params as never), via: `new ${name}` };
}

let harness: Harness;
let vonage: Vonage;
beforeAll(async () => {
  harness = await startHarness({ scenarios: [] });
  const { applicationId, privateKeyPem } = harness.credentials;
  vonage = new Vonage({ applicationId, privateKey: privateKeyPem }, { apiHost: harness.emulator.url });
});
afterAll(() => harness.close());

const entries = catalog('v1').map((entry) => ({
  key: `${entry.channel}/${entry.messageType}`,
  template: entry.minimal,
}));

describe('the official SDK sends every v1 combination of the catalogue', () => {
  const accepted = new Map<string, string>();

  it('has an SDK class for every combination but the two RCS ones 3.30.1 lacks', () => {
    const raw = entries.filter((entry) => sdkClassNames[entry.key] === undefined).map((entry) => entry.key);
    for (const key of raw) expect(['rcs/card', 'rcs/carousel']).toContain(key);
  });

  it.each(entries.map((entry) => [entry.key, entry] as const))('%s is accepted (202)', async (_key, entry) => {
    const { message, via } = sdkMessage(entry.key, entry.template);
    const sent = await vonage.messages.send(message as never).catch((error: { response?: Response }) => {
      throw new Error(`${entry.key} via ${via} refused: ${error.response?.status ?? String(error)}`);
    });
    expect(sent.messageUUID).toMatch(/^[0-9a-f-]{36}$/);
    const request = harness.events.find(
      (event) => event.kind === 'emulator.request' && event.messageUuid === sent.messageUUID,
    );
    expect(request).toMatchObject({ auth: 'jwt', status: 202, path: '/v1/messages' });
    expect(JSON.parse((request as { requestBody: string }).requestBody)).toMatchObject({
      channel: entry.template.channel,
      message_type: entry.template.message_type,
    });
    accepted.set(entry.key, sent.messageUUID);
  });

  it('accepted as many messages as the catalogue has combinations, each with signed status webhooks', async () => {
    expect(accepted.size).toBe(entries.length);
    await harness.emulator.settled();
    for (const [key, uuid] of accepted) {
      const webhooks = harness.receiver.received.filter((webhook) => webhook.body.message_uuid === uuid);
      expect(
        webhooks.map((webhook) => webhook.body.status),
        key,
      ).toContain('delivered');
      for (const webhook of webhooks) {
        const token = webhook.headers.authorization?.replace(/^Bearer /, '') ?? '';
        expect(verifySignature(token, harness.credentials.signatureSecret), key).toBe(true);
        expect(verifySignature(token, 'another-signature-secret'), key).toBe(false);
      }
    }
  });
});
