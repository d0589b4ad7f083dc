import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import type { EmulatorWebhookEvent } from '../../../src-main/emulator';
import { startHarness, verifyWebhook, type Harness } from '../../support/emulator-harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

const sms = catalog('v1').find((entry) => entry.channel === 'sms')!.minimal;
const attemptsOf = (harness: Harness) =>
  harness.events.filter((event): event is EmulatorWebhookEvent => event.kind === 'emulator.webhook');

describe('webhook retries', () => {
  it('retry a receiver that fails twice, then deliver the same signed bytes', async () => {
    // The first two requests to /status answer 500, then 200.
    const harness = await startHarness({ scenarios: [] }, { answer: (_path, index) => (index < 2 ? 500 : undefined) });
    harnesses.push(harness);
    const answer = await harness.call('/v1/messages', sms);
    await harness.receiver.waitFor((all) => all.length === 2);
    await harness.emulator.settled();

    const attempts = attemptsOf(harness);
    expect(
      attempts.map((event) => [event.label, event.attempt, event.responseStatus, event.retryInMs, event.final]),
    ).toEqual([
      ['submitted', 1, 500, 1, false],
      ['submitted', 2, 500, 2, false],
      ['submitted', 3, 200, undefined, true],
      ['delivered', 1, 200, undefined, true],
    ]);
    expect(new Set(attempts.slice(0, 3).map((event) => event.body)).size).toBe(1);
    expect(attempts[0]?.responseBody).toBe('try again');
    expect(harness.receiver.received.map((webhook) => webhook.body.status)).toEqual(['submitted', 'delivered']);
    expect(harness.receiver.received[0]?.body.message_uuid).toBe(answer.body?.message_uuid);
    await verifyWebhook(harness.receiver.received[0]!, harness.credentials.signatureSecret);
  });

  it('do not retry a 4xx other than 429 by default, but do with retryOn any-non-2xx', async () => {
    const refuse = { answer: (_path: string, index: number) => (index === 0 ? 400 : undefined) };
    const strict = await startHarness({ scenarios: [] }, refuse);
    harnesses.push(strict);
    await strict.call('/v1/messages', sms);
    await strict.emulator.settled();
    expect(attemptsOf(strict).map((event) => [event.label, event.responseStatus, event.final])).toEqual([
      ['submitted', 400, true],
      ['delivered', 200, true],
    ]);

    const lenient = await startHarness({ scenarios: [], retryOn: 'any-non-2xx' }, refuse);
    harnesses.push(lenient);
    await lenient.call('/v1/messages', sms);
    await lenient.emulator.settled();
    expect(attemptsOf(lenient).map((event) => [event.label, event.responseStatus])).toEqual([
      ['submitted', 400],
      ['submitted', 200],
      ['delivered', 200],
    ]);
  });

  it('give up after the last retry and report why a connection failed', async () => {
    const harness = await startHarness({ scenarios: [], statusUrl: 'http://127.0.0.1:9/unreachable' });
    harnesses.push(harness);
    await harness.call('/v1/messages', sms);
    await harness.emulator.settled();
    const attempts = attemptsOf(harness);
    expect(attempts.filter((event) => event.label === 'submitted').map((event) => event.attempt)).toEqual([1, 2, 3, 4]);
    expect(attempts[0]?.error).toBe('ECONNREFUSED');
    expect(attempts.at(-1)?.final).toBe(true);
  });
});
