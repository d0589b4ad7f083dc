/**
 * The emulator's API and the webhook receiver, on 127.0.0.1, against request
 * lines and headers no SDK would send. Each gets an answer with the security
 * headers, and the server goes on answering.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness as startEmulatorHarness, type Harness } from '../../support/emulator-harness';
import { fuzzSeed, oddRequestHead } from '../../support/fuzzed-http';
import { rawExchange, rawRequest, readAnswer } from '../../support/raw-http';
import { startHarness as startWebhookHarness, type WebhookHarness } from '../../support/webhook-harness';

let emulator: Harness;
let webhooks: WebhookHarness;

beforeAll(async () => {
  emulator = await startEmulatorHarness();
  webhooks = await startWebhookHarness();
});

afterAll(async () => {
  await emulator?.close();
  await webhooks?.dispose();
});

const portOf = (url: string) => Number(new URL(url).port);

const oddRequests = (port: number) => [
  rawRequest(port, 'POST // HTTP/1.1', ['Content-Type: application/json'], '{}'),
  rawRequest(port, 'POST http://evil.example/x HTTP/1.1', [], '{}'),
  rawRequest(port, 'OPTIONS * HTTP/1.1'),
  rawRequest(port, 'PATCH /v1/messages/%E0%A4%zz HTTP/1.1', [], '{}'),
  rawRequest(port, 'GET /%zz?x=%zz HTTP/1.1'),
  rawRequest(port, 'CONNECT 127.0.0.1:1 HTTP/1.1'),
  rawRequest(port, 'BREW / HTTP/1.1'),
  rawRequest(port, 'GET / HTTP/1.1', [`X-Filler: ${'x'.repeat(20_000)}`]),
  '\u0000 nonsense\r\n\r\n',
];

function expectSecurityHeaders(answer: ReturnType<typeof readAnswer>, what: string): void {
  expect(answer.status, what).toBeGreaterThanOrEqual(200);
  expect(answer.headers.get('content-security-policy'), what).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(answer.headers.get('x-content-type-options'), what).toBe('nosniff');
}

describe('the emulator API', () => {
  it('answers `POST //` with a route problem, not an empty 500', async () => {
    const answer = readAnswer(
      await rawExchange(portOf(emulator.emulator.url), oddRequests(portOf(emulator.emulator.url))[0]!),
    );
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('json');
    expect(JSON.parse(answer.body)).toMatchObject({ title: expect.any(String), detail: expect.stringContaining('//') });
  });

  it('answers a broken percent-encoding in a message id with a problem, not a 500', async () => {
    const port = portOf(emulator.emulator.url);
    const answer = readAnswer(await rawExchange(port, oddRequests(port)[3]!));
    expect(answer.status).toBe(404);
    expect(emulator.logger.lines.join('\n')).not.toContain('failed to answer');
  });

  it('gives every odd request an answer with the security headers, and still sends', async () => {
    const port = portOf(emulator.emulator.url);
    for (const bytes of oddRequests(port))
      expectSecurityHeaders(readAnswer(await rawExchange(port, bytes)), bytes.slice(0, 50));
    const { status } = await emulator.call('/v1/messages', {
      message_type: 'text',
      channel: 'sms',
      from: '447700900000',
      to: '447700900001',
      text: 'still here',
    });
    expect(status).toBe(202);
  });
});

describe('the webhook receiver', () => {
  it('gives every odd request an answer with the security headers, and still records webhooks', async () => {
    const port = portOf(webhooks.url);
    for (const bytes of oddRequests(port))
      expectSecurityHeaders(readAnswer(await rawExchange(port, bytes)), bytes.slice(0, 50));
    const recorded = webhooks.received.length;
    const response = await fetch(`${webhooks.url}/webhooks/status`, {
      method: 'POST',
      body: '{"status":"delivered"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const events = await webhooks.waitForEvents(recorded + 1);
    expect(events.map((event) => event.path)).toContain('//');
  });
});

describe('both servers under fuzzed request heads', () => {
  it('answer every one with a status and the security headers (seeded)', async () => {
    for (const url of [emulator.emulator.url, webhooks.url]) {
      const port = portOf(url);
      await fc.assert(
        fc.asyncProperty(oddRequestHead(port), async (head) =>
          expectSecurityHeaders(readAnswer(await rawExchange(port, head)), head.toString('latin1').slice(0, 60)),
        ),
        { seed: fuzzSeed, numRuns: 100 },
      );
    }
    const { status } = await emulator.call('/v1/messages', {
      message_type: 'text',
      channel: 'sms',
      from: '447700900000',
      to: '447700900001',
      text: 'after the fuzz',
    });
    expect(status).toBe(202);
  });
});
