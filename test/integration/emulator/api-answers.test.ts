import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { applicationJwt, basicAuth, makeCredentials, startHarness, type Harness } from '../../support/emulator-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ scenarios: [] });
});
afterAll(() => harness.close());

const template = (key: string, api: 'v1' | 'v0.1' = 'v1') => {
  const entry = catalog(api).find((candidate) => `${candidate.channel}/${candidate.messageType}` === key);
  if (entry === undefined) throw new Error(`no template ${key}`);
  return entry.minimal;
};
const problemShape = {
  type: expect.any(String),
  title: expect.any(String),
  detail: expect.any(String),
  instance: expect.stringMatching(/^[0-9a-f]{32}$/),
};
const jwt = (claims: Record<string, unknown> = {}) =>
  applicationJwt(harness.credentials.privateKeyPem, harness.credentials.applicationId, claims).then(
    (token) => `Bearer ${token}`,
  );

describe('authentication', () => {
  it('accepts Basic key:secret and an RS256 application JWT on both send endpoints', async () => {
    expect((await harness.call('/v1/messages', template('sms/text'))).status).toBe(202);
    expect((await harness.call('/v1/messages', template('sms/text'), { authorization: await jwt() })).status).toBe(202);
    expect(
      (await harness.call('/v0.1/messages', template('sms/text', 'v0.1'), { authorization: await jwt() })).status,
    ).toBe(202);
    expect((await harness.call('/v0.1/messages/', template('sms/text', 'v0.1'))).status).toBe(202);
  });

  const unauthorized = {
    ...problemShape,
    type: 'https://developer.vonage.com/api-errors/#unathorized',
    title: 'You did not provide correct credentials.',
  };
  it.each([
    ['no Authorization header', async () => null],
    ['a wrong API secret', async () => basicAuth(harness.credentials.apiKey, 'not-the-secret')],
    ['a wrong API key', async () => basicAuth('other-key', harness.credentials.apiSecret)],
    // The secret is compared at its own length: what starts like it, or stops short of it, is still wrong.
    [
      'the API secret and one more character',
      async () => basicAuth(harness.credentials.apiKey, `${harness.credentials.apiSecret}x`),
    ],
    [
      'the API secret less its last character',
      async () => basicAuth(harness.credentials.apiKey, harness.credentials.apiSecret.slice(0, -1)),
    ],
    ['an empty API secret', async () => basicAuth(harness.credentials.apiKey, '')],
    [
      'the API key with no colon or secret',
      async () => `Basic ${Buffer.from(harness.credentials.apiKey).toString('base64')}`,
    ],
    [
      'a JWT signed by another key',
      async () => {
        const stranger = makeCredentials();
        return `Bearer ${await applicationJwt(stranger.privateKeyPem, harness.credentials.applicationId)}`;
      },
    ],
    [
      'an expired JWT',
      async () => jwt({ iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 1800 }),
    ],
    ['a JWT issued in the future', async () => jwt({ iat: Math.floor(Date.now() / 1000) + 3600 })],
    ['a JWT without iat', async () => jwt({ iat: undefined })],
    [
      'an HS256 JWT made with the API secret',
      async () => {
        const { SignJWT } = await import('jose');
        const token = await new SignJWT({ application_id: harness.credentials.applicationId })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuedAt()
          .sign(new TextEncoder().encode(harness.credentials.apiSecret));
        return `Bearer ${token}`;
      },
    ],
    ['garbage', async () => 'Token abc'],
  ])('answers 401 to %s', async (_label, authorization) => {
    const answer = await harness.call('/v1/messages', template('sms/text'), { authorization: await authorization() });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(unauthorized);
  });

  it('answers 401 unprovisioned to a valid JWT of another application', async () => {
    const answer = await harness.call('/v1/messages', template('sms/text'), {
      authorization: await jwt({ application_id: crypto.randomUUID() }),
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ type: 'https://developer.vonage.com/api-errors/#unprovisioned' });
  });

  it('refuses Basic on PATCH, which takes only a JWT', async () => {
    const sent = await harness.call('/v1/messages', template('rcs/text'));
    const answer = await harness.call(
      `/v1/messages/${String(sent.body?.message_uuid)}`,
      { status: 'revoked' },
      { method: 'PATCH' },
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(unauthorized);
  });
});

describe('validation', () => {
  it('answers invalid JSON with the invalid-json problem: 422 on v1, 400 on v0.1', async () => {
    const v1 = await harness.call('/v1/messages', '{"channel": "sms",');
    expect(v1.status).toBe(422);
    expect(v1.body).toEqual({
      ...problemShape,
      type: 'https://developer.vonage.com/api-errors#invalid-json',
      title: 'The request body did not contain valid JSON',
    });
    expect((await harness.call('/v0.1/messages', 'nope')).status).toBe(400);
  });

  it.each([
    [
      'a missing image.url',
      { ...template('whatsapp/image'), image: {} },
      '/messages#1150',
      'Invalid params',
      'image.url',
    ],
    [
      'an unknown channel',
      { ...template('sms/text'), channel: 'pigeon' },
      '/messages#1100',
      'Unsupported channel',
      'channel',
    ],
    [
      'a message type the channel lacks',
      { ...template('sms/text'), message_type: 'image' },
      '/messages#1140',
      'Invalid message type',
      'message_type',
    ],
    [
      'a bad messenger category',
      { ...template('messenger/text'), messenger: { category: 'gossip' } },
      '/messages#1110',
      'Invalid channel parameters',
      'messenger.category',
    ],
    [
      'a failover item without text',
      { ...template('whatsapp/text'), failover: [{ ...template('sms/text'), text: undefined }] },
      '/messages#1150',
      'Invalid params',
      'failover[0].text',
    ],
  ])('answers 422 naming the field for %s', async (_label, payload, anchor, title, field) => {
    const answer = await harness.call('/v1/messages', payload);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      ...problemShape,
      type: `https://developer.vonage.com/api-errors${anchor}`,
      title,
    });
    const names = (answer.body?.invalid_parameters as { name: string; reason: string }[]).map(
      (parameter) => parameter.name,
    );
    expect(names).toContain(field);
    expect(String(answer.body?.detail)).toContain(field);
  });

  it('answers an invalid v0.1 payload with its single 400 problem', async () => {
    const answer = await harness.call('/v0.1/messages', {
      ...template('sms/text', 'v0.1'),
      message: { content: { type: 'text' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      ...problemShape,
      type: 'https://www.nexmo.com/messages/Errors#InvalidParams',
      title: 'Invalid Parameters',
    });
  });

  it('answers unknown routes with a 404 problem', async () => {
    const answer = await harness.call('/v2/messages', template('sms/text'));
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject(problemShape);
  });
});

describe('PATCH /v1/messages/{uuid}', () => {
  it('revokes an outbound RCS message and refuses to mark an outbound WhatsApp message read', async () => {
    const rcs = await harness.call('/v1/messages', template('rcs/text'));
    const revoked = await harness.call(
      `/v1/messages/${String(rcs.body?.message_uuid)}`,
      { status: 'revoked' },
      { method: 'PATCH', authorization: await jwt() },
    );
    expect(revoked).toMatchObject({ status: 202, body: null });

    const whatsapp = await harness.call('/v1/messages', template('whatsapp/text'));
    const read = await harness.call(
      `/v1/messages/${String(whatsapp.body?.message_uuid)}`,
      { status: 'read' },
      { method: 'PATCH', authorization: await jwt() },
    );
    expect(read.status).toBe(422);
    expect(read.body).toMatchObject({
      type: 'https://developer.vonage.com/api-errors/messages#1150',
      invalid_parameters: [{ name: 'status' }],
    });
  });

  it('marks a simulated inbound WhatsApp message read through its _self.href', async () => {
    const simulated = await harness.emulator.simulateInbound({
      channel: 'whatsapp',
      messageType: 'text',
      from: '447700900222',
      text: 'hi',
    });
    if (!simulated.ok) throw new Error(simulated.error.message);
    const inbound = await harness.receiver.waitFor((all) =>
      all.some((webhook) => webhook.body.message_uuid === simulated.value.messageUuid),
    );
    const href = (
      inbound.find((webhook) => webhook.body.message_uuid === simulated.value.messageUuid)!.body._self as {
        href: string;
      }
    ).href;
    expect(href.startsWith(harness.emulator.url)).toBe(true);
    const answer = await harness.call(
      new URL(href).pathname,
      { status: 'read' },
      { method: 'PATCH', authorization: await jwt() },
    );
    expect(answer.status).toBe(202);
  });

  it('answers 404 for an unknown message and 422 naming the field for a bad body', async () => {
    const unknown = await harness.call(
      `/v1/messages/${crypto.randomUUID()}`,
      { status: 'read' },
      { method: 'PATCH', authorization: await jwt() },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      type: 'https://developer.vonage.com/api-errors#not-found',
      title: 'Not Found',
    });
    const rcs = await harness.call('/v1/messages', template('rcs/text'));
    const bad = await harness.call(
      `/v1/messages/${String(rcs.body?.message_uuid)}`,
      { status: 'deleted' },
      { method: 'PATCH', authorization: await jwt() },
    );
    expect(bad.status).toBe(422);
    expect((bad.body?.invalid_parameters as { name: string }[])[0]?.name).toBe('status');
  });
});

describe('limits and settings', () => {
  it('refuses bodies over 1 MiB with a 413 problem', async () => {
    const answer = await harness.call('/v1/messages', { ...template('sms/text'), text: 'x'.repeat(1024 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject(problemShape);
  });

  it('answers an endless body with a 413 and closes the connection instead of reading on', async () => {
    const { host, hostname, port } = new URL(harness.emulator.url);
    const socket = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    let answered = '';
    socket.on('data', (chunk: Buffer) => (answered += chunk.toString('latin1')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(
      `POST /v1/messages HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${basicAuth(harness.credentials.apiKey, harness.credentials.apiSecret)}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n',
    );
    // 1 GiB announced; chunks go out until the emulator hangs up, far short of it.
    const chunk = Buffer.alloc(256 * 1024, 'x');
    let sent = 0;
    while (!socket.destroyed && sent < 64 * 1024 * 1024) {
      if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
      sent += chunk.length;
    }
    // Still open after 64 MiB: the emulator went on reading; hang up so the test fails on the figure, not a timeout.
    if (!socket.destroyed) socket.end();
    await closed;
    expect(answered).toMatch(/^HTTP\/1\.1 413 /);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts SMS segments in sms.count_total', async () => {
    const answer = await harness.call('/v1/messages', { ...template('sms/text'), text: 'é€'.repeat(100) });
    const uuid = String(answer.body?.message_uuid);
    const all = await harness.receiver.waitFor((received) =>
      received.some((webhook) => webhook.body.message_uuid === uuid),
    );
    // 200 GSM-7 characters, 100 of them escaped: 300 septets, two 153-septet parts.
    expect(all.find((webhook) => webhook.body.message_uuid === uuid)?.body.sms).toEqual({ count_total: '2' });
  });
});

describe('defaultWebhookVersion', () => {
  it('shapes status webhooks of v1 sends that do not ask as v0.1 when set so, RCS excepted', async () => {
    const v01 = await startHarness({ scenarios: [], defaultWebhookVersion: 'v0.1' });
    try {
      await v01.call('/v1/messages', template('messenger/text'));
      await v01.call('/v1/messages', template('rcs/text'));
      await v01.emulator.settled();
      const shapes = v01.receiver.received.map((webhook) =>
        typeof webhook.body.to === 'object' ? 'v0.1' : String(webhook.body.channel),
      );
      expect(shapes.sort()).toEqual(['rcs', 'rcs', 'rcs', 'v0.1', 'v0.1', 'v0.1']);
    } finally {
      await v01.close();
    }
  });
});
