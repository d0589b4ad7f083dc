import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages';
import { applicationJwt, startHarness, type Harness } from '../../support/emulator-harness';

/**
 * PATCH /v1/messages/{message_uuid} with the bodies of spec 1.20.0: RCS read
 * (inbound) and revoked (outbound), WhatsApp read (inbound) with an optional
 * replying indicator. Every refusal is a 422 naming the field.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ scenarios: [] });
});
afterAll(() => harness.close());

const template = (channel: string) => catalog('v1').find((entry) => entry.channel === channel)!.minimal;
const jwt = async () =>
  `Bearer ${await applicationJwt(harness.credentials.privateKeyPem, harness.credentials.applicationId)}`;
const patch = async (uuid: string, body: unknown) =>
  harness.call(`/v1/messages/${uuid}`, body, { method: 'PATCH', authorization: await jwt() });

async function inbound(channel: 'rcs' | 'whatsapp'): Promise<string> {
  const simulated = await harness.emulator.simulateInbound({
    channel,
    messageType: 'text',
    from: '447700900555',
    text: 'hello',
  });
  if (!simulated.ok) throw new Error(simulated.error.message);
  return simulated.value.messageUuid;
}

async function outbound(channel: string): Promise<string> {
  const sent = await harness.call('/v1/messages', template(channel));
  expect(sent.status).toBe(202);
  return String(sent.body?.message_uuid);
}

const invalidNames = (body: Record<string, unknown> | null) =>
  (body?.invalid_parameters as { name: string; reason: string }[]).map((p) => p.name);

describe('accepted PATCH bodies', () => {
  it('marks an inbound RCS message read', async () => {
    expect(await patch(await inbound('rcs'), { status: 'read' })).toMatchObject({ status: 202, body: null });
  });

  it('revokes an outbound RCS message', async () => {
    expect(await patch(await outbound('rcs'), { status: 'revoked' })).toMatchObject({ status: 202, body: null });
  });

  it.each([true, false])('marks an inbound WhatsApp message read with replying_indicator.show %s', async (show) => {
    const answer = await patch(await inbound('whatsapp'), {
      status: 'read',
      replying_indicator: { show, type: 'text' },
    });
    expect(answer).toMatchObject({ status: 202, body: null });
  });
});

describe('refused PATCH bodies name the field', () => {
  it.each([
    ['RCS read on an outbound message', () => outbound('rcs'), { status: 'read' }, 'status', /inbound/],
    ['RCS revoked on an inbound message', () => inbound('rcs'), { status: 'revoked' }, 'status', /outbound/],
    ['WhatsApp read on an outbound message', () => outbound('whatsapp'), { status: 'read' }, 'status', /inbound/],
    ['WhatsApp revoked', () => inbound('whatsapp'), { status: 'revoked' }, 'status', /"read"/],
    ['an SMS message', () => outbound('sms'), { status: 'read' }, 'status', /cannot be updated/],
    [
      'a replying indicator of another type',
      () => inbound('whatsapp'),
      { status: 'read', replying_indicator: { show: true, type: 'audio' } },
      'replying_indicator.type',
      /"text"/,
    ],
    [
      'a replying indicator without show',
      () => inbound('whatsapp'),
      { status: 'read', replying_indicator: { type: 'text' } },
      'replying_indicator.show',
      /show/,
    ],
    [
      'a replying indicator that is not an object',
      () => inbound('whatsapp'),
      { status: 'read', replying_indicator: true },
      'replying_indicator',
      /object/,
    ],
  ] as const)('refuses %s', async (_label, message, body, field, reason) => {
    const answer = await patch(await message(), body);
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.body).toMatchObject({
      type: 'https://developer.vonage.com/api-errors/messages#1150',
      title: 'Invalid params',
    });
    expect(invalidNames(answer.body)).toEqual([field]);
    expect((answer.body?.invalid_parameters as { reason: string }[])[0]?.reason).toMatch(reason);
  });
});
