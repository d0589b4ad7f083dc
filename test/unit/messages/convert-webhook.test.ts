import { describe, expect, it } from 'vitest';
import { classifyWebhook } from '../../../src-shared/messages/classify';
import { convertWebhook } from '../../../src-shared/messages/convert-webhook';
import { v01InboundTypes } from '../../../src-shared/messages/webhooks-v01';
import { v01Inbound, v01Status, v1Inbound, v1Status } from './fixtures/webhooks';

function converted(body: unknown, to: 'v1' | 'v0.1') {
  const result = convertWebhook(body, to);
  if (!result.ok) throw new Error(`conversion failed: ${result.error.message}`);
  return result.value;
}

const v01Channels = ['sms', 'mms', 'whatsapp', 'messenger', 'viber_service_msg'];
// v1 has no Viber `unsupported` inbound, so that one shape cannot make the trip.
const v01InboundCases = Object.entries(v01InboundTypes)
  .flatMap(([channel, types]) => types.map((type) => [channel, type] as const))
  .filter(([channel, type]) => !(channel === 'viber_service_msg' && type === 'unsupported'));

describe('convertWebhook v0.1 → v1 → v0.1', () => {
  it.each(
    v01Channels.flatMap((c) => [
      [c, 'delivered'],
      [c, 'rejected'],
    ]),
  )('%s %s status round-trips without loss', (channel, status) => {
    const original = v01Status(channel, status);
    const forward = converted(original, 'v1');
    expect(forward.losses).toEqual([]);
    expect(classifyWebhook(forward.payload)).toMatchObject({ kind: 'status', version: 'v1', issues: [] });
    const back = converted(forward.payload, 'v0.1');
    expect(back.losses).toEqual([]);
    expect(back.payload).toEqual(original);
  });

  it('moves the code into a v1 error title and type', () => {
    expect(converted(v01Status('whatsapp', 'rejected'), 'v1').payload.error).toEqual({
      type: 'https://developer.vonage.com/api-errors/messages#1340',
      title: '1340',
      detail: 'Outside of the allowed window',
    });
  });

  it.each(v01InboundCases)('%s %s inbound round-trips without loss', (channel, type) => {
    const original = v01Inbound(channel, type);
    const forward = converted(original, 'v1');
    expect(forward.losses).toEqual([]);
    expect(classifyWebhook(forward.payload)).toMatchObject({
      kind: 'inbound',
      version: 'v1',
      message_type: type,
      issues: [],
    });
    expect(converted(forward.payload, 'v0.1').payload).toEqual(original);
  });

  it('refuses the v0.1 Viber unsupported inbound, which v1 lacks', () => {
    expect(convertWebhook(v01Inbound('viber_service_msg', 'unsupported'), 'v1')).toMatchObject({
      ok: false,
      error: { code: 'CONVERSION_UNSUPPORTED' },
    });
  });

  it('turns v0.1 location strings into v1 lat/long numbers', () => {
    expect(converted(v01Inbound('whatsapp', 'location'), 'v1').payload.location).toEqual({ lat: 51.5, long: -0.12 });
  });
});

describe('convertWebhook v1 → v0.1', () => {
  it('names what a v1 status carries that v0.1 cannot', () => {
    const { losses, payload } = converted(v1Status('sms', 'rejected'), 'v0.1');
    expect(losses.map((l) => l.path).sort()).toEqual(['/destination', '/error/instance', '/sms']);
    expect(payload.error).toEqual({ code: 1340, reason: 'Outside of the allowed window' });
    expect(classifyWebhook(payload)).toMatchObject({ version: 'v0.1', errorCode: 1340, issues: [] });
  });

  it.each(['mms', 'whatsapp', 'messenger', 'viber_service'])(
    'a plain %s status round-trips v1 → v0.1 → v1',
    (channel) => {
      const { whatsapp: _pricing, ...original } = v1Status(channel);
      const forward = converted(original, 'v0.1');
      expect(forward.losses).toEqual([]);
      expect(converted(forward.payload, 'v1').payload).toEqual(original);
    },
  );

  it('names the WhatsApp inbound extras', () => {
    const { losses } = converted(v1Inbound('whatsapp', 'text'), 'v0.1');
    expect(losses.map((l) => l.path).sort()).toEqual(['/context_status', '/profile']);
  });

  it('refuses RCS and inbound types v0.1 lacks', () => {
    expect(convertWebhook(v1Status('rcs'), 'v0.1')).toMatchObject({
      ok: false,
      error: { code: 'CONVERSION_UNSUPPORTED' },
    });
    expect(convertWebhook(v1Inbound('whatsapp', 'sticker'), 'v0.1')).toMatchObject({
      ok: false,
      error: { code: 'CONVERSION_UNSUPPORTED' },
    });
  });

  it('fails on an unknown body instead of throwing', () => {
    expect(convertWebhook({ hello: 1 }, 'v1')).toMatchObject({ ok: false, error: { code: 'PAYLOAD_INVALID' } });
  });
});
