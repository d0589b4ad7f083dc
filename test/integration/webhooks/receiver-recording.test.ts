import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createWebhookReceiver, toEventJsonLine } from '../../../src-main/webhooks';
import { v01RejectedStatus, v1Inbound, v1Status } from '../../support/webhook-fixtures';
import { startHarness, type WebhookHarness } from '../../support/webhook-harness';

let harness: WebhookHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

/** A bare TCP client, for requests no HTTP library would send; `closed` resolves with all it was told. */
function rawConnection(url: string): { socket: net.Socket; closed: Promise<string> } {
  const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk.toString()));
  socket.on('error', () => undefined);
  return { socket, closed: new Promise((resolve) => socket.on('close', () => resolve(answer))) };
}

async function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const answer = await request(url, { method: 'POST', body, headers });
  return { status: answer.statusCode, text: await answer.body.text() };
}

describe('webhook receiver: recording', () => {
  it('records any method and path with query, headers, remote address and time, then answers', async () => {
    harness = await startHarness();
    const before = Date.now();
    const answer = await request(`${harness.url}/anything/here?attempt=2&x=%20y`, {
      method: 'PUT',
      body: JSON.stringify(v1Status()),
      headers: { 'content-type': 'application/json', 'X-Trace': 'one', 'x-trace': 'two', ['__proto__']: 'kept' },
    });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();
    const [event] = await harness.waitForEvents(1);
    expect(event).toMatchObject({
      method: 'PUT',
      path: '/anything/here',
      query: 'attempt=2&x=%20y',
      remoteAddress: '127.0.0.1',
      parseError: null,
      kind: 'status',
      apiVersion: 'v1',
      status: 'delivered',
      messageUuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
      answerStatus: 200,
    });
    expect(event?.headers['x-trace']).toBe('one, two');
    expect(Object.getOwnPropertyDescriptor(harness.store.get(event?.id ?? 0)?.headers, '__proto__')?.value).toBe(
      'kept',
    );
    const line = JSON.parse(JSON.stringify(toEventJsonLine(event!))) as Record<string, unknown>;
    expect(line).toMatchObject({
      id: event?.id,
      kind: 'status',
      message_uuid: event?.messageUuid,
      verdict: 'unsigned',
      body: v1Status(),
    });
    expect(Date.parse(event?.receivedAt ?? '')).toBeGreaterThanOrEqual(before - 1);
    expect(harness.store.get(event?.id ?? 0)).toMatchObject({ path: '/anything/here' });
  });

  it('classifies by body, not by path', async () => {
    harness = await startHarness();
    await post(`${harness.url}/webhooks/status`, JSON.stringify(v1Inbound()));
    await post(`${harness.url}/webhooks/inbound`, JSON.stringify(v01RejectedStatus()));
    await post(`${harness.url}/webhooks/inbound`, JSON.stringify({ hello: 'world' }));
    const events = await harness.waitForEvents(3);
    const byPath = events.map((event) => [
      event.kind,
      event.apiVersion,
      event.channel,
      event.messageType,
      event.status,
      event.errorCode,
    ]);
    expect(byPath).toEqual([
      ['inbound', 'v1', 'whatsapp', 'text', null, null],
      ['status', 'v0.1', 'whatsapp', null, 'rejected', '1300'],
      ['unknown', null, null, null, null, null],
    ]);
  });

  it('stores every kind of bad input with a parse error instead of dropping it', async () => {
    harness = await startHarness();
    const cases: Array<[string | Buffer, Record<string, string>, RegExp]> = [
      ['{"status": "delivered",', { 'content-type': 'application/json' }, /^invalid JSON/],
      [JSON.stringify(v1Status()), { 'content-type': 'text/plain' }, /^Content-Type is text\/plain/],
      [JSON.stringify(v1Status()), {}, /^no Content-Type header/],
      ['', { 'content-type': 'application/json' }, /^empty body$/],
      [
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
        { 'content-type': 'application/json' },
        /not valid UTF-8/,
      ],
    ];
    for (const [body, headers] of cases)
      expect((await post(`${harness.url}/webhooks/status`, body, headers)).status).toBe(200);
    const events = await harness.waitForEvents(cases.length);
    events.forEach((event, index) => expect(event.parseError).toMatch(cases[index]?.[2] ?? /never/));
    expect(events[1]).toMatchObject({ kind: 'status', bodyJson: v1Status() });
    expect(toEventJsonLine(events[0]!).body).toBe('{"status": "delivered",');
    expect(harness.store.getRawBody(events[4]?.id ?? 0)?.equals(cases[4]?.[0] as Buffer)).toBe(true);
    expect(harness.store.get(events[4]?.id ?? 0)?.bodyText).toBe('{"a":"\uFFFD("}');
    expect(harness.store.get(events[1]?.id ?? 0)?.bodyText).toBe(JSON.stringify(v1Status()));
    expect(harness.store.list({ text: 'delivered' }).events.length).toBeGreaterThanOrEqual(3);
  });

  it('answers 413 to a body over the limit and keeps the first bytes, flagged truncated', async () => {
    harness = await startHarness({ bodyLimitBytes: 1024 });
    const body = `{"text":"${'x'.repeat(1500)}"}`;
    expect((await post(`${harness.url}/webhooks/inbound`, body)).status).toBe(413);
    const [event] = await harness.waitForEvents(1);
    expect(event).toMatchObject({ truncated: true, bodySize: 1024, bytesReceived: body.length, answerStatus: 413 });
    expect(event?.parseError).toContain('body cut at 1024 bytes');
    expect((await post(`${harness.url}/webhooks/inbound`, JSON.stringify(v1Inbound()))).status).toBe(200);
  });

  it('cuts off a client that stalls mid-body, records what came, and keeps serving others', async () => {
    harness = await startHarness({ requestTimeoutMs: 300, headersTimeoutMs: 300 });
    const stalled = rawConnection(harness.url);
    stalled.socket.write(
      'POST /webhooks/status HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"status":"deliv',
    );
    expect((await post(`${harness.url}/webhooks/status`, JSON.stringify(v1Status()))).status).toBe(200);
    expect(await stalled.closed).toMatch(/^HTTP\/1\.1 408/);
    const events = await harness.waitForEvents(2);
    const cutOff = events.find((event) => event.answerStatus === 408);
    expect(cutOff).toMatchObject({ bytesReceived: 16, bodyText: '{"status":"deliv', truncated: false });
    expect(cutOff?.parseError).toContain('body incomplete');
    expect((await post(`${harness.url}/webhooks/status`, JSON.stringify(v1Status()))).status).toBe(200);
  });

  it('closes a connection whose headers never finish, and keeps serving others', async () => {
    harness = await startHarness({ requestTimeoutMs: 1000, headersTimeoutMs: 200 });
    const slow = rawConnection(harness.url);
    slow.socket.write('POST /webhooks/status HTTP/1.1\r\nHost: x\r\nContent-Type: appl');
    expect((await post(`${harness.url}/webhooks/status`, JSON.stringify(v1Status()))).status).toBe(200);
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408/);
    expect(harness.store.count()).toBe(1);
  });

  it('stops reading at once when the announced length is far over the limit', async () => {
    harness = await startHarness({ bodyLimitBytes: 1024 });
    const huge = rawConnection(harness.url);
    huge.socket.write(
      'POST /webhooks/inbound HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n',
    );
    huge.socket.write(Buffer.alloc(4096, 0x61));
    expect(await huge.closed).toMatch(/^HTTP\/1\.1 413/);
    const [event] = await harness.waitForEvents(1);
    expect(event).toMatchObject({ truncated: true, bodySize: 1024, answerStatus: 413 });
  });

  it('answers with the configured status, body and delay, and can change it live', async () => {
    harness = await startHarness({ answer: { status: 503, body: '{"retry":true}' } });
    expect(await post(`${harness.url}/webhooks/status`, JSON.stringify(v1Status()))).toEqual({
      status: 503,
      text: '{"retry":true}',
    });
    harness.receiver.setAnswer({ status: 204, body: '', delayMs: 150 });
    const started = performance.now();
    expect((await post(`${harness.url}/webhooks/status`, JSON.stringify(v1Status()))).status).toBe(204);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const events = await harness.waitForEvents(2);
    expect(events.map((event) => event.answerStatus)).toEqual([503, 204]);
  });

  it('on close answers a request it was delaying, then stops listening', async () => {
    harness = await startHarness({ answer: { delayMs: 60_000 } });
    const pending = post(`${harness.url}/webhooks/status`, JSON.stringify(v1Status()));
    await harness.waitForEvents(1);
    await harness.receiver.close();
    expect((await pending).status).toBe(200);
    await expect(post(`${harness.url}/webhooks/status`, '{}')).rejects.toThrow(/ECONNREFUSED/);
    expect(harness.store.count()).toBe(1);
  });

  it('reports a port already in use as an error value', async () => {
    harness = await startHarness();
    const second = createWebhookReceiver({ store: harness.store, port: Number(new URL(harness.url).port) });
    const started = await second.start();
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.error.code).toBe('WEBHOOK_PORT_IN_USE');
    await second.close();
  });
});
