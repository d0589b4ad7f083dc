import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createWebhookReplay } from '../../../src-main/webhooks';
import { v1Status } from '../../support/webhook-fixtures';
import { startHarness, type WebhookHarness } from '../../support/webhook-harness';
import { vonageAuthorization } from '../../support/webhook-signing';

const secret = 'signature-secret-for-tests-0123456789';
let harness: WebhookHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

async function postSigned(url: string, body: string, authorization: string | undefined): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const answer = await request(`${url}/webhooks/status`, { method: 'POST', body, headers });
  await answer.body.dump();
  return answer.statusCode;
}

describe('webhook receiver: signature verdicts', () => {
  it('judges each webhook and says why', async () => {
    harness = await startHarness({ signatureSecret: () => secret });
    // Spaces and key order that JSON.stringify would not reproduce: the hash must be over the raw bytes.
    const body =
      '{ "status" : "delivered",  "channel":"sms", "message_uuid":"aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab", "text":"caf\\u00e9" }';
    const tampered = body.replace('delivered', 'rejected');
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, string, string | undefined, RegExp]> = [
      ['verified', body, await vonageAuthorization({ secret, body }), /check out/],
      ['payload-mismatch', tampered, await vonageAuthorization({ secret, body }), /does not match the SHA-256/],
      [
        'bad-signature',
        body,
        await vonageAuthorization({ secret: 'some-other-secret-0123456789', body }),
        /does not match the configured signature secret/,
      ],
      ['stale', body, await vonageAuthorization({ secret, body, iat: now - 3600 }), /issued 3\d{3} s ago/],
      [
        'not-yet-valid',
        body,
        await vonageAuthorization({ secret, body, iat: now + 3600 }),
        /signature is valid .*issued 3(599|600) s in the future/,
      ],
      [
        'not-yet-valid',
        body,
        await vonageAuthorization({ secret, body, nbf: now + 600 }),
        /signature is valid .*not valid before .*\(nbf, (59\d|600) s from now\)/,
      ],
      [
        'malformed-claim',
        body,
        await vonageAuthorization({ secret, body, iat: String(now) }),
        /signature is valid .*iat claim is not a number/,
      ],
      [
        'malformed-claim',
        body,
        await vonageAuthorization({ secret, body, iat: null }),
        /signature is valid .*no iat claim/,
      ],
      ['unsigned', body, undefined, /No Authorization header/],
      ['unsigned', body, 'Basic dXNlcjpwYXNz', /not a Bearer token/],
      ['malformed-token', body, 'Bearer not.a.jwt', /could not be read/],
      ['malformed-token', body, 'Bearer bogus', /could not be read: Invalid Compact JWS/],
      ['bad-signature', body, await vonageAuthorization({ secret, body, alg: 'HS384' }), /not signed with HS256/],
      ['payload-mismatch', body, await vonageAuthorization({ secret, body, payloadHash: null }), /no payload_hash/],
    ];
    for (const [, sent, authorization] of cases) expect(await postSigned(harness.url, sent, authorization)).toBe(200);
    const events = await harness.waitForEvents(cases.length);
    expect(events.map((event) => event.verdict)).toEqual(cases.map(([verdict]) => verdict));
    events.forEach((event, index) => expect(event.verdictReason).toMatch(cases[index]?.[3] ?? /never/));
    for (const event of events) expect(JSON.stringify(event)).not.toContain(secret);
  });

  it('says so when a signed webhook arrives and no secret is configured, and picks up a secret set later', async () => {
    let configured: string | undefined = undefined;
    harness = await startHarness({ signatureSecret: () => configured });
    const body = JSON.stringify(v1Status());
    await postSigned(harness.url, body, await vonageAuthorization({ secret, body }));
    configured = secret;
    await postSigned(harness.url, body, await vonageAuthorization({ secret, body }));
    const events = await harness.waitForEvents(2);
    expect(events.map((event) => event.verdict)).toEqual(['no-secret-configured', 'verified']);
    expect(events[0]?.verdictReason).toContain('VONAGE_SIGNATURE_SECRET');
  });

  it('refuses, unparsed, a validly signed token whose claims nest 5,000 deep, and re-signs its replay without them', async () => {
    harness = await startHarness({ signatureSecret: () => secret });
    const body = JSON.stringify(v1Status());
    const claims = `{"iat":${Math.floor(Date.now() / 1000)},"deep":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const input = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(claims).toString('base64url')}`;
    const token = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    expect(await postSigned(harness.url, body, `Bearer ${token}`)).toBe(200);
    const [event] = await harness.waitForEvents(1);
    expect(event?.verdict).toBe('malformed-token');
    // Re-signing carries the old token's claims into a new one: the deep ones must not come along.
    const replay = createWebhookReplay({ store: harness.store });
    const replayed = await replay.replay({
      id: event!.id,
      url: `${harness.url}/webhooks/status`,
      signatureSecret: secret,
    });
    await replay.close();
    expect(replayed.ok && replayed.value.status).toBe(200);
    const [, again] = await harness.waitForEvents(2);
    expect(again?.verdict).toBe('verified');
  });

  it('calls a bogus Bearer value a malformed token, with or without a secret, never no-secret-configured', async () => {
    let configured: string | undefined = secret;
    harness = await startHarness({ signatureSecret: () => configured });
    const body = JSON.stringify(v1Status());
    await postSigned(harness.url, body, 'Bearer bogus-token-value');
    configured = undefined;
    await postSigned(harness.url, body, 'Bearer bogus-token-value');
    const events = await harness.waitForEvents(2);
    expect(events.map((event) => event.verdict)).toEqual(['malformed-token', 'malformed-token']);
    expect(events[0]?.verdictReason).toMatch(/could not be read/);
    expect(events[1]?.verdictReason).toMatch(/not a JWT/);
  });
});
