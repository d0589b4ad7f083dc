/**
 * What the emulator reports of a receiver's answer to a status webhook: the
 * status and the first 2 KiB of the body, through informational answers,
 * bodies that break off and receivers that never answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import type { EmulatorWebhookEvent } from '../../../src-main/emulator';
import { startHarness, type Harness } from '../../support/emulator-harness';

const sms = catalog('v1').find((entry) => entry.channel === 'sms')!.minimal;

const opened: { harness: Harness; server?: http.Server }[] = [];
afterEach(async () => {
  for (const { harness, server } of opened.splice(0)) {
    await harness.close();
    if (server === undefined) continue;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A receiver answering every webhook with `answer`, and an emulator sending its status webhooks there. */
async function emulatorFacing(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request);
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const harness = await startHarness({ statusUrl: `http://127.0.0.1:${port}/status` });
  opened.push({ harness, server });
  return { harness, requests };
}

const attemptsOf = (harness: Harness) =>
  harness.events.filter((event): event is EmulatorWebhookEvent => event.kind === 'emulator.webhook');

describe('webhook answers', () => {
  it('keep the first 2 KiB of a long answer sent in pieces', async () => {
    const text = Array.from({ length: 5_000 }, (_, index) => String.fromCharCode(97 + (index % 26))).join('');
    const { harness } = await emulatorFacing((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write(text.slice(0, 1_000));
      setImmediate(() => response.end(text.slice(1_000)));
    });
    await harness.call('/v1/messages', sms);
    await harness.emulator.settled();
    const attempts = attemptsOf(harness);
    expect(attempts.map((event) => [event.label, event.responseStatus])).toEqual([
      ['submitted', 200],
      ['delivered', 200],
    ]);
    expect(attempts[0]?.responseBody).toBe(text.slice(0, 2_048));
  });

  it('report the final status after an informational answer', async () => {
    const { harness } = await emulatorFacing((_request, response) => {
      response.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      response.writeHead(204).end();
    });
    await harness.call('/v1/messages', sms);
    await harness.emulator.settled();
    expect(attemptsOf(harness).map((event) => [event.responseStatus, event.responseBody, event.final])).toEqual([
      [204, '', true],
      [204, '', true],
    ]);
  });

  it('report the status of an answer whose body breaks off, with no preview, and go on', async () => {
    const { harness } = await emulatorFacing((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('only part', () => response.destroy());
    });
    await harness.call('/v1/messages', sms);
    await harness.emulator.settled();
    expect(attemptsOf(harness).map((event) => [event.label, event.responseStatus, event.responseBody])).toEqual([
      ['submitted', 200, ''],
      ['delivered', 200, ''],
    ]);
  });

  it('report a webhook URL of another protocol as an error, retried like a failed connection', async () => {
    const harness = await startHarness({ statusUrl: 'ftp://127.0.0.1/status' });
    opened.push({ harness });
    await harness.call('/v1/messages', sms);
    await harness.emulator.settled();
    const attempts = attemptsOf(harness).filter((event) => event.label === 'submitted');
    expect(attempts.map((event) => [event.attempt, event.error, event.final])).toEqual([
      [1, 'UND_ERR_INVALID_ARG', false],
      [2, 'UND_ERR_INVALID_ARG', false],
      [3, 'UND_ERR_INVALID_ARG', false],
      [4, 'UND_ERR_INVALID_ARG', true],
    ]);
  });

  it('stop waiting for a receiver that never answers when the emulator closes', async () => {
    const { harness, requests } = await emulatorFacing(() => undefined);
    await harness.call('/v1/messages', sms);
    await expect.poll(() => requests.length).toBe(1);
    // The answer timeout is 15 s: closing must not wait for it, and must not report the cut attempt.
    const began = performance.now();
    await harness.emulator.close();
    expect(performance.now() - began).toBeLessThan(2_000);
    expect(attemptsOf(harness)).toEqual([]);
  });
});
