import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { jwtVerify } from 'jose';
import { request } from 'undici';
import { createWebhookReplay, type WebhookReplay } from '../../../src-main/webhooks/replay';
import { closedPortUrl, startRecordingApp, type RecordingApp } from '../../support/webhook-app-server';
import { v1Status } from '../../support/webhook-fixtures';
import { startHarness, type WebhookHarness } from '../../support/webhook-harness';
import { vonageAuthorization } from '../../support/webhook-signing';

const vonageSecret = 'signature-secret-for-tests-0123456789';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harnessWith(options: Parameters<typeof startHarness>[0]): Promise<WebhookHarness> {
  const harness = await startHarness(options);
  cleanups.push(() => harness.dispose());
  return harness;
}

async function app(answer: { status: number; body: string }): Promise<RecordingApp> {
  const started = await startRecordingApp(answer);
  cleanups.push(() => started.close());
  return started;
}

async function postSigned(url: string, body: string): Promise<number> {
  const answer = await request(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      authorization: await vonageAuthorization({ secret: vonageSecret, body }),
    },
  });
  await answer.body.dump();
  return answer.statusCode;
}

describe('forwarding to the developer app', () => {
  it('sends the exact request on, keeping path and query, and records the app answer next to the event', async () => {
    const target = await app({ status: 201, body: 'handled by my app' });
    const harness = await harnessWith({ forwardTo: target.url, signatureSecret: () => vonageSecret });
    const body = `${JSON.stringify(v1Status())}\n`;
    expect(await postSigned(`${harness.url}/webhooks/status?attempt=1`, body)).toBe(200);

    const [delivered] = await target.waitForRequests(1);
    expect(delivered).toMatchObject({ method: 'POST', url: '/webhooks/status?attempt=1' });
    expect(delivered?.body.toString()).toBe(body);
    expect(delivered?.headers['content-type']).toBe('application/json');
    expect(delivered?.headers.authorization).toMatch(/^Bearer /);

    const [forwarded] = await harness.waitForForwards(1);
    expect(forwarded?.forward).toMatchObject({
      url: `${target.url}/webhooks/status?attempt=1`,
      status: 201,
      body: 'handled by my app',
      error: null,
    });
    expect(forwarded?.forward?.durationMs).toBeGreaterThanOrEqual(0);
    expect(harness.store.get(forwarded?.id ?? 0)?.forward).toEqual(forwarded?.forward);
  });

  it('records a refused connection as the forward result and still answers the sender', async () => {
    const harness = await harnessWith({ forwardTo: await closedPortUrl() });
    expect(await postSigned(`${harness.url}/webhooks/inbound`, JSON.stringify(v1Status()))).toBe(200);
    const [forwarded] = await harness.waitForForwards(1);
    expect(forwarded?.forward).toMatchObject({ status: null, body: null });
    expect(forwarded?.forward?.error).toMatch(/ECONNREFUSED/);
  });
  it('does not forward a forwarded copy again, so forwarding to itself cannot loop', async () => {
    const harness = await harnessWith({});
    harness.receiver.setForwardTo(harness.url);
    expect(await postSigned(`${harness.url}/webhooks/status`, JSON.stringify(v1Status()))).toBe(200);
    const [forwarded] = await harness.waitForForwards(1);
    expect(forwarded?.forward?.status).toBe(200);
    // The copy is stored before it is answered, and the forward result arrives after that answer.
    expect(harness.store.count()).toBe(2);
    const copy = harness.store.get(2);
    expect(copy?.headers['x-workbench-forwarded-from']).toBe(String(forwarded?.id));
    expect(copy?.forward).toBeNull();
  });

  it('records an unusable forward URL as the forward result', async () => {
    const harness = await harnessWith({ forwardTo: 'not a url' });
    expect(await postSigned(`${harness.url}/webhooks/status`, JSON.stringify(v1Status()))).toBe(200);
    const [forwarded] = await harness.waitForForwards(1);
    expect(forwarded?.forward).toMatchObject({
      url: 'not a url',
      status: null,
      error: 'the forward URL is not a valid http(s) URL',
    });
  });
});

describe('replaying a stored event', () => {
  async function storedEvent(): Promise<{ harness: WebhookHarness; replay: WebhookReplay; id: number; body: string }> {
    const harness = await harnessWith({ signatureSecret: () => vonageSecret });
    const replay = createWebhookReplay({ store: harness.store });
    cleanups.push(() => replay.close());
    const body = '{"status":"read",  "channel":"whatsapp","message_uuid":"aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab"}';
    await postSigned(`${harness.url}/webhooks/status`, body);
    const [event] = await harness.waitForEvents(1);
    return { harness, replay, id: event?.id ?? 0, body };
  }

  it('sends it as received: same method, bytes and Authorization', async () => {
    const { harness, replay, id, body } = await storedEvent();
    const target = await app({ status: 204, body: '' });
    const replayed = await replay.replay({ id, url: `${target.url}/hooks` });
    expect(replayed).toMatchObject({ ok: true, value: { status: 204 } });
    const [delivered] = await target.waitForRequests(1);
    expect(delivered).toMatchObject({ method: 'POST', url: '/hooks' });
    expect(delivered?.body.toString()).toBe(body);
    expect(delivered?.headers.authorization).toBe(harness.store.get(id)?.headers.authorization);
  });

  it('re-signs it with a given secret so a receiver with that secret verifies it', async () => {
    const { replay, id, body } = await storedEvent();
    const otherSecret = 'another-accounts-secret-9876543210';
    const second = await harnessWith({ signatureSecret: () => otherSecret });
    const replayed = await replay.replay({ id, url: `${second.url}/webhooks/status`, signatureSecret: otherSecret });
    expect(replayed).toMatchObject({ ok: true, value: { status: 200 } });

    const [event] = await second.waitForEvents(1);
    expect(event).toMatchObject({ verdict: 'verified', bodyText: body });
    const token = (event?.headers.authorization ?? '').replace(/^Bearer /, '');
    const { payload } = await jwtVerify(token, new TextEncoder().encode(otherSecret), { algorithms: ['HS256'] });
    expect(payload).toMatchObject({
      iss: 'Vonage',
      api_key: 'a1b2c3d',
      payload_hash: createHash('sha256').update(body).digest('hex'),
    });
    expect(Math.abs((payload.iat ?? 0) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('returns error values for an unknown event, a bad URL and an unreachable target', async () => {
    const { replay, id } = await storedEvent();
    expect(await replay.replay({ id: 999, url: 'http://127.0.0.1:1/x' })).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_EVENT_NOT_FOUND' },
    });
    expect(await replay.replay({ id, url: 'ftp://example.test/x' })).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_REPLAY_URL_INVALID' },
    });
    expect(await replay.replay({ id, url: `${await closedPortUrl()}/x` })).toMatchObject({
      ok: false,
      error: { code: 'WEBHOOK_TARGET_UNREACHABLE' },
    });
  });
});
