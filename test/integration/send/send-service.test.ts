import { createPublicKey } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signVonageJwt } from '../../../src-main/auth/vonage-jwt';
import { createSendService, type SendService } from '../../../src-main/send/send-service';
import type { PayloadValidator } from '../../../src-main/send/send-types';
import { generateApplicationKeys } from '../../support/keyring-fixtures';
import { startApiServer, type ReceivedRequest, type TestServer } from '../../support/send-servers';
import { whatsappTemplate } from '../../support/message-fixtures';

const apiKey = 'abc123de';
const apiSecret = 'Ab3De6Gh9Jk2cd12';
const applicationId = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const messageUuid = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const keys = generateApplicationKeys();

/** Refuses a send without `to`; the real rules come from the message model. */
const requireTo: PayloadValidator = (payload, operation) =>
  operation.kind === 'update' || (typeof payload === 'object' && payload !== null && 'to' in payload)
    ? []
    : [{ code: 'FIELD_REQUIRED', message: 'to is required.', hint: 'Add the recipient number.', path: '/to' }];

/** Answers like Vonage: 401 unless the credentials check out, then 202 with a message_uuid. */
async function vonageLikeAnswer(request: ReceivedRequest) {
  const authorization = request.headers.authorization ?? '';
  let authorized = false;
  if (authorization.startsWith('Basic ')) {
    authorized = Buffer.from(authorization.slice(6), 'base64').toString('utf8') === `${apiKey}:${apiSecret}`;
  } else if (authorization.startsWith('Bearer ')) {
    try {
      const { payload } = await jwtVerify(authorization.slice(7), createPublicKey(keys.publicKeyPem), {
        algorithms: ['RS256'],
      });
      authorized =
        payload.application_id === applicationId && typeof payload.jti === 'string' && payload.exp! > payload.iat!;
    } catch {
      authorized = false;
    }
  }
  if (!authorized) {
    return {
      status: 401,
      body: {
        type: 'https://developer.vonage.com/api-errors/#unathorized',
        title: 'You did not provide correct credentials.',
        detail: 'Check that you are using the correct credentials, and that your account has this feature enabled',
        instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf',
      },
    };
  }
  if (request.method === 'PATCH') return { status: 202 };
  const body = JSON.parse(request.body) as { template?: unknown };
  if (!body.template) {
    return {
      status: 422,
      body: {
        type: 'https://developer.vonage.com/api-errors/messages#1150',
        title: 'Invalid params',
        detail: 'The value of one or more parameters is invalid.',
        instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf',
        invalid_parameters: [{ name: 'template', reason: 'is required.' }],
      },
    };
  }
  return { status: 202, body: { message_uuid: messageUuid } };
}

async function bearerToken(): Promise<string> {
  const signed = await signVonageJwt({ applicationId, privateKey: keys.privateKeyPem });
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value.token;
}

describe('send service against a local API server', () => {
  let server: TestServer;
  let sender: SendService;

  beforeAll(async () => {
    server = await startApiServer(vonageLikeAnswer);
    sender = createSendService({ validatePayload: requireTo });
  });

  afterAll(async () => {
    await sender?.close();
    await server?.close();
  });

  it('sends a v1 WhatsApp template with Basic auth and captures the exchange', async () => {
    const result = await sender.send({
      baseUrl: server.url,
      auth: { kind: 'basic', apiKey, apiSecret },
      operation: { kind: 'send', api: 'v1', payload: whatsappTemplate },
      profileName: 'local',
    });
    if (!result.ok) throw new Error(result.error.message);
    const exchange = result.value;
    expect(server.received.at(-1)).toMatchObject({ method: 'POST', url: '/v1/messages' });
    expect(JSON.parse(server.received.at(-1)!.body)).toEqual(whatsappTemplate);
    expect(exchange).toMatchObject({
      operation: 'send-v1',
      profileName: 'local',
      succeeded: true,
      messageUuid,
      error: null,
      problem: null,
      request: { method: 'POST', url: `${server.url}/v1/messages`, headers: { authorization: 'Basic [redacted]' } },
      response: { status: 202, json: { message_uuid: messageUuid } },
    });
    expect(exchange.response?.headers['content-type']).toBe('application/json');
    expect(JSON.stringify(exchange)).not.toContain(Buffer.from(`${apiKey}:${apiSecret}`).toString('base64'));
  });

  it('times each phase of a new connection and marks a reused one', async () => {
    const fresh = createSendService({ validatePayload: requireTo });
    const send = async () => {
      const result = await fresh.send({
        baseUrl: server.url,
        auth: { kind: 'basic', apiKey, apiSecret },
        operation: { kind: 'send', api: 'v1', payload: whatsappTemplate },
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.timings;
    };
    // undici's pool may open a second connection while the first is still being released, so send three.
    const timings = [await send(), await send(), await send()];
    await fresh.close();
    expect(timings[0]).toMatchObject({
      reusedConnection: false,
      dnsMs: null,
      connectMs: expect.any(Number),
      tlsMs: null,
      firstByteMs: expect.any(Number),
      totalMs: expect.any(Number),
    });
    expect(timings[0]!.totalMs).toBeGreaterThanOrEqual(timings[0]!.firstByteMs!);
    const reused = timings.find((timing) => timing.reusedConnection);
    expect(reused).toMatchObject({ connectMs: null, tlsMs: null, firstByteMs: expect.any(Number) });
  });

  it('sends v0.1 with a JWT the server verifies with the public key', async () => {
    const result = await sender.send({
      baseUrl: server.url,
      auth: { kind: 'bearer', token: await bearerToken() },
      operation: { kind: 'send', api: 'v0.1', payload: { to: { type: 'sms', number: '447700900001' }, template: {} } },
    });
    expect(result.ok && result.value).toMatchObject({
      operation: 'send-v0.1',
      succeeded: true,
      request: { url: `${server.url}/v0.1/messages`, headers: { authorization: 'Bearer [redacted]' } },
    });
    expect(server.received.at(-1)?.url).toBe('/v0.1/messages');
  });

  it('sends each request to its own base URL with its own account, one after another', async () => {
    const sendWith = (baseUrl: string, secret: string, api: 'v1' | 'v0.1' = 'v1') =>
      sender.send({
        baseUrl,
        auth: { kind: 'basic', apiKey, apiSecret: secret },
        operation: { kind: 'send', api, payload: whatsappTemplate },
      });
    const sent: Array<[string, string]> = [];
    for (const [baseUrl, secret, api] of [
      [server.url, apiSecret, 'v1'],
      [`${server.url}/eu`, apiSecret, 'v1'],
      [`${server.url}/eu`, 'not-the-secret', 'v1'],
      [`${server.url}/eu`, apiSecret, 'v0.1'],
      [server.url, apiSecret, 'v1'],
    ] as const) {
      const result = await sendWith(baseUrl, secret, api);
      if (!result.ok) throw new Error(result.error.message);
      sent.push([server.received.at(-1)!.url, String(result.value.response?.status)]);
    }
    expect(sent).toEqual([
      ['/v1/messages', '202'],
      ['/eu/v1/messages', '202'],
      ['/eu/v1/messages', '401'],
      ['/eu/v0.1/messages', '202'],
      ['/v1/messages', '202'],
    ]);
  });

  it('marks a message read with a v1 PATCH, keeping a base path prefix', async () => {
    const result = await sender.send({
      baseUrl: `${server.url}/proxy/`,
      auth: { kind: 'bearer', token: await bearerToken() },
      operation: { kind: 'update', messageUuid, payload: { status: 'read' } },
    });
    expect(result.ok && result.value).toMatchObject({
      operation: 'update-v1',
      succeeded: true,
      messageUuid: null,
      response: { status: 202, body: '', json: null },
    });
    expect(server.received.at(-1)).toMatchObject({ method: 'PATCH', url: `/proxy/v1/messages/${messageUuid}` });
  });

  it('parses a problem answer, and a JWT signed with another key is refused', async () => {
    const stranger = generateApplicationKeys();
    const signed = await signVonageJwt({ applicationId, privateKey: stranger.privateKeyPem });
    if (!signed.ok) throw new Error(signed.error.message);
    const unauthorized = await sender.send({
      baseUrl: server.url,
      auth: { kind: 'bearer', token: signed.value.token },
      operation: { kind: 'send', api: 'v1', payload: whatsappTemplate },
    });
    expect(unauthorized.ok && unauthorized.value).toMatchObject({ succeeded: false, response: { status: 401 } });

    const invalid = await sender.send({
      baseUrl: server.url,
      auth: { kind: 'basic', apiKey, apiSecret },
      operation: { kind: 'send', api: 'v1', payload: { ...whatsappTemplate, template: undefined } },
    });
    expect(invalid.ok && invalid.value.problem).toEqual({
      type: 'https://developer.vonage.com/api-errors/messages#1150',
      title: 'Invalid params',
      detail: 'The value of one or more parameters is invalid.',
      instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf',
      invalidParameters: [{ name: 'template', reason: 'is required.' }],
    });
  });

  it('refuses an invalid payload unless overridden', async () => {
    const before = server.received.length;
    const payload = { channel: 'sms', message_type: 'text', text: 'hi' };
    const refused = await sender.send({
      baseUrl: server.url,
      auth: { kind: 'none' },
      operation: { kind: 'send', api: 'v1', payload },
    });
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'PAYLOAD_INVALID', path: '/to' });
    expect(server.received.length).toBe(before);

    const overridden = await sender.send({
      baseUrl: server.url,
      auth: { kind: 'none' },
      operation: { kind: 'send', api: 'v1', payload },
      override: true,
    });
    expect(overridden.ok && overridden.value).toMatchObject({
      response: { status: 401 },
      validationIssues: [{ code: 'FIELD_REQUIRED', path: '/to' }],
    });
    expect(server.received.length).toBe(before + 1);
    expect(server.received.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('refuses a base URL that is not http(s)', async () => {
    const result = await sender.send({
      baseUrl: 'ftp://127.0.0.1',
      auth: { kind: 'none' },
      operation: { kind: 'send', api: 'v1', payload: whatsappTemplate },
    });
    expect(result.ok === false && result.error.code).toBe('BASE_URL_INVALID');
  });
});
