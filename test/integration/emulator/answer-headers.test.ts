import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { applicationJwt, startHarness, type Harness } from '../../support/emulator-harness';

/**
 * Answer headers and content types as spec 1.20.0 gives them: X-Request-Id
 * on every answer; 401/402/404/429/500 as application/problem+json, a
 * validation 422 as application/json; a 429 with its rate-limit window.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    scenarios: [
      { name: 'throttled', match: { to: { endsWith: '7777' } }, outcome: { kind: 'throttle', perSecond: 2 } },
      { name: 'low balance', match: { to: { endsWith: '0402' } }, outcome: { kind: 'http', status: 402 } },
      { name: 'rate limit', match: { to: { endsWith: '0429' } }, outcome: { kind: 'http', status: 429 } },
      { name: 'internal', match: { to: { endsWith: '0500' } }, outcome: { kind: 'http', status: 500 } },
    ],
  });
});
afterAll(() => harness.close());

const sms = (to = '447700900000') => ({ ...catalog('v1').find((entry) => entry.channel === 'sms')!.minimal, to });
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const jwt = async () =>
  `Bearer ${await applicationJwt(harness.credentials.privateKeyPem, harness.credentials.applicationId)}`;

describe('content types and X-Request-Id', () => {
  it.each([
    ['202 accepted', () => harness.call('/v1/messages', sms()), 202, 'application/json'],
    [
      '401 unauthorized',
      () => harness.call('/v1/messages', sms(), { authorization: null }),
      401,
      'application/problem+json',
    ],
    ['402 low balance', () => harness.call('/v1/messages', sms('447700900402')), 402, 'application/problem+json'],
    [
      '404 unknown message',
      async () =>
        harness.call(
          `/v1/messages/${crypto.randomUUID()}`,
          { status: 'read' },
          { method: 'PATCH', authorization: await jwt() },
        ),
      404,
      'application/problem+json',
    ],
    ['404 unknown route', () => harness.call('/v2/messages', sms()), 404, 'application/problem+json'],
    ['422 validation', () => harness.call('/v1/messages', { ...sms(), text: '' }), 422, 'application/json'],
    ['422 invalid JSON', () => harness.call('/v1/messages', '{"channel":'), 422, 'application/json'],
    ['429 rate limit', () => harness.call('/v1/messages', sms('447700900429')), 429, 'application/problem+json'],
    ['500 internal', () => harness.call('/v1/messages', sms('447700900500')), 500, 'application/problem+json'],
  ] as const)(
    '%s is %s with its own X-Request-Id, the id of its timeline event',
    async (_label, call, status, contentType) => {
      const answer = await call();
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toBe(contentType);
      const requestId = answer.headers.get('x-request-id') ?? '';
      expect(requestId).toMatch(uuidPattern);
      const event = harness.events.find((candidate) => candidate.id === requestId);
      expect(event).toMatchObject({ kind: 'emulator.request', status });
    },
  );

  it('gives a body-less PATCH 202 an X-Request-Id and no content type', async () => {
    const simulated = await harness.emulator.simulateInbound({
      channel: 'whatsapp',
      messageType: 'text',
      from: '447700900321',
    });
    if (!simulated.ok) throw new Error(simulated.error.message);
    const answer = await harness.call(
      `/v1/messages/${simulated.value.messageUuid}`,
      { status: 'read' },
      { method: 'PATCH', authorization: await jwt() },
    );
    expect(answer).toMatchObject({ status: 202, body: null });
    expect(answer.headers.get('x-request-id')).toMatch(uuidPattern);
    expect(answer.headers.get('content-type')).toBeNull();
  });

  it('never repeats a request id', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.call('/v1/messages', sms()).then((answer) => answer.headers.get('x-request-id')),
      ),
    );
    expect(new Set(ids).size).toBe(20);
  });
});

describe('a throttled 429', () => {
  it('reports the throttle window in X-RateLimit-* and Retry-After', async () => {
    const before = Date.now();
    // The rule admits two calls per rolling second; a third within it is refused.
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => harness.call('/v1/messages', sms('447700907777'))),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 202, 429]);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get('x-ratelimit-limit')).toBe('2');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(refused.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(before);
    expect(reset).toBeLessThanOrEqual(Date.now() + 1000);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ title: 'Rate Limit Hit', instance: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('gives a fixed 429 rule the same headers, at the documented default of 30 per second', async () => {
    const answer = await harness.call('/v1/messages', sms('447700900429'));
    expect(answer.status).toBe(429);
    expect(answer.headers.get('x-ratelimit-limit')).toBe('30');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(answer.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() - 1000);
    expect(answer.headers.get('retry-after')).toBe('1');
  });

  it('sends no rate-limit headers on other answers', async () => {
    const answer = await harness.call('/v1/messages', sms());
    expect(answer.status).toBe(202);
    expect([...answer.headers.keys()].filter((name) => /ratelimit|retry-after/.test(name))).toEqual([]);
  });
});
