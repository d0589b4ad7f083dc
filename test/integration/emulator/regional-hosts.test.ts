import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import {
  createEnvironmentCredentials,
  environmentProfileName,
} from '../../../src-main/credentials/environment-credentials';
import { createProfileSender } from '../../../src-main/send/profile-sender';
import { createSendService } from '../../../src-main/send/send-service';
import { validateForSend } from '../../../src-main/send/validate-for-send';
import { basicAuth, startHarness, type Harness } from '../../support/emulator-harness';

/**
 * Vonage's regional hosts (api-eu, api-us, api-ap) and the emulator: it
 * answers whatever regional Host a client names, and a profile aimed at it
 * keeps a request naming a regional host local.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ scenarios: [] });
});
afterAll(() => harness.close());

const sms = catalog('v1').find((entry) => entry.channel === 'sms')!.minimal;

/** A raw request, so the Host header and request target are exactly what a proxied or hosts-file client sends. */
function post(target: string, host: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const { port } = new URL(harness.emulator.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: target,
        headers: {
          host,
          'content-type': 'application/json',
          authorization: basicAuth(harness.credentials.apiKey, harness.credentials.apiSecret),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(sms));
  });
}

describe('the emulator and regional Host names', () => {
  it.each(['api.nexmo.com', 'api-eu.nexmo.com', 'api-us.nexmo.com', 'api-ap.nexmo.com', 'api-eu.vonage.com'])(
    'accepts a send with Host %s',
    async (host) => {
      const answer = await post('/v1/messages', host);
      expect(answer.status).toBe(202);
      expect(String(answer.body.message_uuid)).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('accepts a request target naming a regional host in full, as a client sends it through a proxy', async () => {
    const answer = await post('http://api-us.nexmo.com/v1/messages', 'api-us.nexmo.com');
    expect(answer.status).toBe(202);
  });
});

describe('a profile aimed at the emulator', () => {
  const sender = createSendService({ validatePayload: validateForSend });
  afterAll(() => sender.close());
  const profileSender = () =>
    createProfileSender({
      profiles: createEnvironmentCredentials({
        variables: { VONAGE_API_KEY: harness.credentials.apiKey, VONAGE_API_SECRET: harness.credentials.apiSecret },
        baseDirectory: process.cwd(),
        target: { kind: 'emulator' },
      }),
      sender,
      emulatorUrl: () => harness.emulator.url,
    });

  it.each(['https://api-eu.nexmo.com', 'https://api-us.nexmo.com', 'https://api-ap.nexmo.com'])(
    'sends to the emulator when the request names %s',
    async (baseUrl) => {
      const result = await profileSender().send({
        profile: environmentProfileName,
        operation: { kind: 'send', api: 'v1', payload: sms },
        baseUrl,
      });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value).toMatchObject({ succeeded: true, response: { status: 202 } });
      expect(result.value.request.url.startsWith(harness.emulator.url)).toBe(true);
      const uuid = result.value.messageUuid;
      expect(harness.events.some((event) => event.kind === 'emulator.request' && event.messageUuid === uuid)).toBe(
        true,
      );
    },
  );

  it('says the emulator is not running rather than sending a regional request to Vonage', async () => {
    const stopped = createProfileSender({
      profiles: createEnvironmentCredentials({
        variables: { VONAGE_API_KEY: 'k', VONAGE_API_SECRET: 's' },
        baseDirectory: process.cwd(),
        target: { kind: 'emulator' },
      }),
      sender,
      emulatorUrl: () => null,
    });
    const result = await stopped.send({
      profile: environmentProfileName,
      operation: { kind: 'send', api: 'v1', payload: sms },
      baseUrl: 'https://api-eu.nexmo.com',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'EMULATOR_NOT_RUNNING' } });
  });
});
