import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import type { EmulatorWebhookEvent, SignatureFault } from '../../../src-main/emulator';
import { startHarness, verifyWebhook, type Harness } from '../../support/emulator-harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

const sms = (to: string) => ({ ...catalog('v1').find((entry) => entry.channel === 'sms')!.minimal, to });

describe('webhooks signed badly on purpose', () => {
  it('by the default rule for recipients ending in 0401: the wrong secret, still delivered in full', async () => {
    const harness = await startHarness();
    harnesses.push(harness);
    const answer = await harness.call('/v1/messages', sms('447700900401'));
    expect(answer.status).toBe(202);
    await harness.emulator.settled();
    expect(harness.receiver.received.map((webhook) => webhook.body.status)).toEqual(['submitted', 'delivered']);
    for (const webhook of harness.receiver.received) {
      await expect(verifyWebhook(webhook, harness.credentials.signatureSecret)).rejects.toThrow(/signature/);
    }
    const attempts = harness.events.filter((event): event is EmulatorWebhookEvent => event.kind === 'emulator.webhook');
    expect(attempts.every((event) => event.signatureFault === 'wrong-secret')).toBe(true);
  });

  it.each<[SignatureFault, (harness: Harness) => Promise<void>]>([
    [
      'unsigned',
      async (harness) => {
        expect(harness.receiver.received.every((webhook) => webhook.headers.authorization === undefined)).toBe(true);
      },
    ],
    [
      'wrong-hash',
      async (harness) => {
        await expect(verifyWebhook(harness.receiver.received[0]!, harness.credentials.signatureSecret)).rejects.toThrow(
          /payload_hash/,
        );
      },
    ],
    [
      'replayed-jti',
      async (harness) => {
        const jtis = harness.receiver.received.map(
          (webhook) => decodeJwt(webhook.headers.authorization!.slice('Bearer '.length)).jti,
        );
        expect(new Set(jtis).size).toBe(1);
        await verifyWebhook(harness.receiver.received[1]!, harness.credentials.signatureSecret);
      },
    ],
  ])('by a custom rule: %s', async (fault, check) => {
    const harness = await startHarness({
      scenarios: [{ name: fault, match: { channel: 'sms' }, outcome: { kind: 'signature', fault } }],
    });
    harnesses.push(harness);
    await harness.call('/v1/messages', sms('447700900000'));
    await harness.emulator.settled();
    expect(harness.receiver.received).toHaveLength(2);
    await check(harness);
  });

  it('on a simulated inbound message', async () => {
    const harness = await startHarness({ scenarios: [] });
    harnesses.push(harness);
    const result = await harness.emulator.simulateInbound({
      channel: 'messenger',
      messageType: 'text',
      from: '3997553136967935',
      signatureFault: 'unsigned',
    });
    expect(result).toMatchObject({ ok: true, value: { delivered: true } });
    expect(harness.receiver.received[0]?.headers.authorization).toBeUndefined();
  });
});
