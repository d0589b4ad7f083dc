import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages/catalog';
import { conversionSchema } from '../../../src-shared/messages/conversion';
import { convertRequest } from '../../../src-shared/messages/convert-request';
import { validateRequest } from '../../../src-shared/messages/validate';

function converted(payload: unknown, to: 'v1' | 'v0.1') {
  const result = convertRequest(payload, to);
  if (!result.ok) throw new Error(`conversion failed: ${result.error.message}`);
  return conversionSchema.parse(result.value);
}

const v1Template = (channel: string, type: string, which: 'minimal' | 'full' = 'minimal') =>
  structuredClone(catalog('v1').find((e) => e.channel === channel && e.messageType === type)?.[which] ?? {});

const convertible = catalog('v0.1').filter((e) => !(e.channel === 'viber_service_msg' && e.messageType === 'template'));

describe('convertRequest v0.1 → v1', () => {
  describe.each(convertible)('$channel/$messageType', (entry) => {
    it.each(['minimal', 'full'] as const)(
      '%s: converts without loss into a valid v1 request and back to the original',
      (which) => {
        const forward = converted(entry[which], 'v1');
        expect(forward.losses).toEqual([]);
        expect(validateRequest(forward.payload, { api: 'v1' }).errors).toEqual([]);
        const back = converted(forward.payload, 'v0.1');
        expect(back.losses).toEqual([]);
        expect(back.payload).toEqual(entry[which]);
      },
    );
  });

  it('refuses a Viber template, which v1 lacks', () => {
    const template = catalog('v0.1').find((e) => e.channel === 'viber_service_msg' && e.messageType === 'template');
    const result = convertRequest(template?.minimal, 'v1');
    expect(result).toMatchObject({ ok: false, error: { code: 'CONVERSION_UNSUPPORTED' } });
  });

  it('names fields that are not part of the v0.1 message', () => {
    const payload = { ...structuredClone(convertible[0]?.minimal ?? {}), ttl: 300 };
    expect(converted(payload, 'v1').losses).toEqual([{ path: '/ttl', reason: expect.stringContaining('dropped') }]);
  });
});

describe('convertRequest v1 → v0.1', () => {
  const inBoth = catalog('v1').filter((e) =>
    catalog('v0.1').some((o) => o.messageType === e.messageType && o.channel.replace('_msg', '') === e.channel),
  );

  it('has 15 combinations in common with v0.1', () => {
    expect(inBoth).toHaveLength(15);
  });

  describe.each(inBoth)('$channel/$messageType minimal', (entry) => {
    it('round-trips v1 → v0.1 → v1 without loss', () => {
      const forward = converted(entry.minimal, 'v0.1');
      expect(forward.losses).toEqual([]);
      expect(converted(forward.payload, 'v1').payload).toEqual(entry.minimal);
    });
  });

  it('names every v1-only field of a full SMS with the reason', () => {
    const { losses, payload } = converted(v1Template('sms', 'text', 'full'), 'v0.1');
    expect(losses.map((l) => l.path).sort()).toEqual([
      '/failover',
      '/sms',
      '/trusted_recipient',
      '/ttl',
      '/webhook_url',
      '/webhook_version',
    ]);
    expect(losses.find((l) => l.path === '/failover')?.reason).toBe('v0.1 has no failover');
    expect(losses.find((l) => l.path === '/trusted_recipient')?.reason).toBe('v0.1 has no trusted recipient flag');
    expect(payload).toMatchObject({ to: { type: 'sms', number: '447700900000' }, client_ref: 'order-1234' });
    expect(validateRequest(payload, { api: 'v0.1' }).errors).toEqual([]);
  });

  it('drops media fields v0.1 lacks and keeps the ones it has', () => {
    const video = converted(v1Template('whatsapp', 'video', 'full'), 'v0.1');
    expect(video.losses.map((l) => l.path)).toContain('/video/caption');
    const file = converted(v1Template('whatsapp', 'file', 'full'), 'v0.1');
    expect(file.losses.map((l) => l.path)).toContain('/file/name');
    expect(file.payload).toMatchObject({ message: { content: { file: { caption: 'Your invoice' } } } });
  });

  it('keeps Viber category, ttl and type, and names the action button as lost', () => {
    const { payload, losses } = converted(v1Template('viber_service', 'text', 'full'), 'v0.1');
    expect(payload).toMatchObject({ message: { viber_service_msg: { category: 'transaction', ttl: 600 } } });
    expect(losses.map((l) => l.path)).toContain('/viber_service/action');
    expect(validateRequest(payload, { api: 'v0.1' }).errors).toEqual([]);
  });

  it.each([
    ['rcs', 'text'],
    ['rcs', 'carousel'],
    ['email', 'html'],
    ['mms', 'text'],
    ['whatsapp', 'sticker'],
    ['whatsapp', 'reaction'],
    ['viber_service', 'video'],
  ])('refuses %s %s, which v0.1 lacks', (channel, type) => {
    expect(convertRequest(v1Template(channel, type), 'v0.1')).toMatchObject({
      ok: false,
      error: { code: 'CONVERSION_UNSUPPORTED' },
    });
  });

  it('names the channel v0.1 lacks: email', () => {
    expect(convertRequest(v1Template('email', 'text'), 'v0.1')).toMatchObject({
      ok: false,
      error: { message: 'v0.1 has no email channel' },
    });
  });

  it('refuses a WhatsApp business-scoped user id, which v0.1 cannot address', () => {
    const payload = { ...v1Template('whatsapp', 'text'), to: 'US.13491208655302741918' };
    expect(convertRequest(payload, 'v0.1')).toMatchObject({
      ok: false,
      error: { code: 'CONVERSION_UNSUPPORTED', message: 'v0.1 cannot send to a WhatsApp business-scoped user id' },
    });
  });

  it('returns a payload already in the target version unchanged', () => {
    const payload = v1Template('sms', 'text');
    expect(converted(payload, 'v1')).toEqual({ from: 'v1', to: 'v1', payload, losses: [] });
  });

  it('fails on a non-object without throwing', () => {
    expect(convertRequest('text', 'v1')).toMatchObject({ ok: false, error: { code: 'PAYLOAD_INVALID' } });
  });
});
