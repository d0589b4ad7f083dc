import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src-shared/messages/catalog';
import { validateRequest, validateUpdate } from '../../../src-shared/messages/validate';

const v1 = (channel: string, messageType: string) => {
  const entry = catalog('v1').find((e) => e.channel === channel && e.messageType === messageType);
  if (!entry) throw new Error(`no template ${channel}/${messageType}`);
  return structuredClone(entry.minimal);
};
const check = (payload: unknown, api: 'v1' | 'v0.1' = 'v1') => validateRequest(payload, { api });

describe('validate v1: discriminating first', () => {
  it('reports a missing channel once, not a union failure per schema', () => {
    const { errors } = check({ to: '447700900000', from: 'x', text: 'hi' });
    expect(errors).toEqual([expect.objectContaining({ path: '/channel', code: 'REQUIRED' })]);
  });

  it('points a v0.1 channel name to its v1 spelling', () => {
    const { errors } = check({ ...v1('viber_service', 'text'), channel: 'viber_service_msg' });
    expect(errors[0]).toMatchObject({ path: '/channel', code: 'UNKNOWN_CHANNEL' });
    expect(errors[0]?.hint).toContain('viber_service');
  });

  it('still checks the common fields when the message_type is unknown', () => {
    const { errors } = check({ ...v1('sms', 'text'), message_type: 'image', to: 'abc' });
    expect(errors.map((e) => e.path)).toEqual(['/message_type', '/to']);
  });

  it("says when a payload has the other version's shape", () => {
    const v01 = catalog('v0.1')[0]?.minimal;
    expect(check(v01).errors[0]?.code).toBe('WRONG_API_VERSION');
    expect(check(v1('sms', 'text'), 'v0.1').errors[0]?.code).toBe('WRONG_API_VERSION');
  });

  it('rejects non-objects without throwing', () => {
    for (const value of [null, 3, 'text', [], undefined]) {
      expect(check(value).errors[0]?.code).toBe('NOT_AN_OBJECT');
      expect(check(value, 'v0.1').errors[0]?.code).toBe('NOT_AN_OBJECT');
    }
  });
});

describe('validate v1: messages a developer understands', () => {
  it('asks for whatsapp.locale on a template', () => {
    const payload = { ...v1('whatsapp', 'template'), whatsapp: {} };
    expect(check(payload).errors).toEqual([
      expect.objectContaining({
        path: '/whatsapp/locale',
        code: 'REQUIRED',
        message: 'WhatsApp template needs whatsapp.locale, e.g. en_GB',
      }),
    ]);
  });

  it('points at the exact template parameter', () => {
    const payload = { ...v1('whatsapp', 'template'), template: { name: 'n', parameters: ['a', 'b', 3] } };
    expect(check(payload).errors).toEqual([
      expect.objectContaining({ path: '/template/parameters/2', code: 'WRONG_TYPE' }),
    ]);
  });

  it('returns every problem at once', () => {
    const payload = { ...v1('mms', 'image'), to: '12', ttl: 5, image: { url: 'not a url', caption: '' } };
    expect(
      check(payload)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['/image/caption', '/image/url', '/to', '/ttl']);
  });

  it('names the bound of a ttl out of range', () => {
    const { errors } = check({ ...v1('rcs', 'text'), ttl: 259_201 });
    expect(errors[0]).toMatchObject({ path: '/ttl', code: 'OUT_OF_RANGE' });
    expect(errors[0]?.message).toContain('259200');
  });

  it('says a fractional ttl must be a whole number', () => {
    expect(check({ ...v1('sms', 'text'), ttl: 1.5 }).errors[0]?.message).toBe('ttl must be a whole number, not 1.5');
  });

  it('quotes a string where a number belongs', () => {
    expect(check({ ...v1('mms', 'text'), ttl: '300' }).errors[0]?.message).toBe(
      'ttl must be a number, not the string "300"',
    );
  });

  it('needs messenger.tag with category message_tag', () => {
    const { errors } = check({ ...v1('messenger', 'text'), messenger: { category: 'message_tag' } });
    expect(errors).toEqual([expect.objectContaining({ path: '/messenger/tag', code: 'REQUIRED' })]);
  });

  it('needs an emoji to react and the quoted message in context', () => {
    const { errors } = check({ ...v1('whatsapp', 'reaction'), reaction: { action: 'react' }, context: undefined });
    expect(errors.map((e) => e.path).sort()).toEqual(['/context', '/reaction/emoji']);
  });

  it('needs exactly one of sticker.url and sticker.id, and warns that ids are deprecated', () => {
    expect(check({ ...v1('whatsapp', 'sticker'), sticker: {} }).errors[0]).toMatchObject({
      path: '/sticker',
      code: 'REQUIRED',
    });
    const byId = check({ ...v1('whatsapp', 'sticker'), sticker: { id: 'abc' } });
    expect(byId.errors).toEqual([]);
    expect(byId.warnings).toEqual([expect.objectContaining({ path: '/sticker/id', code: 'DEPRECATED' })]);
  });

  it('limits the Viber action button text to 30 characters', () => {
    const payload = {
      ...v1('viber_service', 'text'),
      viber_service: { action: { url: 'https://example.com', text: 'x'.repeat(31) } },
    };
    expect(check(payload).errors).toEqual([
      expect.objectContaining({ path: '/viber_service/action/text', code: 'TOO_LONG' }),
    ]);
  });

  it.each([
    ['whatsapp', 'audio', { audio: { url: 'https://a' } }, '/audio/url', 'TOO_SHORT'],
    ['messenger', 'audio', { audio: { url: `https://example.com/${'x'.repeat(2000)}.mp3` } }, '/audio/url', 'TOO_LONG'],
    [
      'viber_service',
      'file',
      { file: { url: 'https://example.com/a.pdf', name: `${'x'.repeat(22)}.pdf` } },
      '/file/name',
      'TOO_LONG',
    ],
    ['viber_service', 'text', { viber_service: { ttl: 29 } }, '/viber_service/ttl', 'OUT_OF_RANGE'],
    [
      'mms',
      'image',
      { image: { url: 'https://example.com/a.jpg', caption: 'x'.repeat(3001) } },
      '/image/caption',
      'TOO_LONG',
    ],
    ['messenger', 'text', { to: 'x'.repeat(51) }, '/to', 'TOO_LONG'],
    ['sms', 'text', { sms: { encoding_type: 'binary' } }, '/sms/encoding_type', 'NOT_ALLOWED_VALUE'],
    ['sms', 'text', { ttl: 1.5 }, '/ttl', 'WRONG_TYPE'],
  ])('%s %s: documented limit at %s', (channel, type, change, path, code) => {
    expect(check({ ...v1(channel, type), ...change }).errors).toEqual([expect.objectContaining({ path, code })]);
  });

  it('validates each failover item at its own path and refuses nested failover', () => {
    const sms = v1('sms', 'text');
    const payload = {
      ...v1('whatsapp', 'text'),
      failover: [
        { ...sms, text: undefined },
        { ...sms, failover: [sms] },
      ],
    };
    const { errors } = check(payload);
    expect(errors.map((e) => e.path)).toEqual(['/failover/0/text', '/failover/1/failover']);
    expect(errors[0]?.message).toBe('SMS text needs text, e.g. "Hello from Vonage"');
  });

  it('names a field it does not know as outside the 1.20.0 model, never as ignored by Vonage', () => {
    const { errors, warnings } = check({ ...v1('whatsapp', 'text'), whatsapp: { locale: 'en_GB' } });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ path: '/whatsapp', code: 'UNKNOWN_FIELD' })]);
    expect(warnings[0]?.message).toBe(
      'whatsapp is not in the Messages API 1.20.0 model of WhatsApp text (it may be newer than this version)',
    );
    expect(warnings[0]?.message).not.toContain('ignores');
  });

  it('gives each string format its own advice: URL, date and time, email address', () => {
    const url = check({ ...v1('mms', 'image'), image: { url: 'picture.jpg' } }).errors[0];
    expect(url?.hint).toBe('Write a full URL with https://, e.g. https://example.com/media/picture.jpg.');
    const chip = {
      type: 'create_calendar_event',
      text: 'Save',
      postback_data: 's',
      start_time: 'soon',
      end_time: '2026-01-01T10:00:00Z',
      title: 't',
      description: 'd',
    };
    expect(check({ ...v1('rcs', 'text'), suggestions: [chip] }).errors[0]).toMatchObject({
      path: '/suggestions/0/start_time',
      message: 'suggestions[0].start_time is not a valid date and time',
    });
    expect(check({ ...v1('email', 'text'), to: 'grace' }).errors[0]).toMatchObject({
      path: '/to',
      message: 'to is not a valid email address',
    });
  });

  it('takes trusted_sender with a warning that it is deprecated', () => {
    for (const channel of ['sms', 'mms', 'rcs']) {
      const type = channel === 'sms' ? 'text' : 'image';
      const { errors, warnings } = check({ ...v1(channel, type), trusted_sender: true });
      expect(errors).toEqual([]);
      expect(warnings).toEqual([expect.objectContaining({ path: '/trusted_sender', code: 'DEPRECATED' })]);
    }
  });

  it('asks an RCS suggestion for its type, listing the seven kinds', () => {
    const { errors } = check({ ...v1('rcs', 'text'), suggestions: [{ text: 'Yes', postback_data: 'yes' }] });
    expect(errors).toEqual([expect.objectContaining({ path: '/suggestions/0/type', code: 'REQUIRED' })]);
    expect(errors[0]?.message).toContain(
      '"reply", "dial", "view_location", "share_location", "open_url", "open_url_in_webview", "create_calendar_event"',
    );
  });

  it('escapes JSON pointer characters in unknown keys', () => {
    const { warnings } = check({ ...v1('sms', 'text'), 'a/b~c': 1 });
    expect(warnings).toEqual([expect.objectContaining({ path: '/a~1b~0c', code: 'UNKNOWN_FIELD' })]);
  });
});

describe('validate v1: spec defects handled as the API behaves', () => {
  it('Viber video: duration and file_size are required under viber_service, tolerated (with a warning) in video', () => {
    const payload = v1('viber_service', 'video');
    const misplaced = { ...payload, video: { ...(payload.video as object), duration: '30', file_size: '5' } };
    const report = check(misplaced);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.path)).toEqual(['/video/duration', '/video/file_size']);
    const onlyInVideo = { ...misplaced, viber_service: {} };
    expect(check(onlyInVideo).errors.map((e) => e.path)).toEqual([
      '/viber_service/duration',
      '/viber_service/file_size',
    ]);
  });

  it('Viber video: duration and file_size are strings with numeric bounds', () => {
    const payload = { ...v1('viber_service', 'video'), viber_service: { duration: '601', file_size: 5 } };
    expect(check(payload).errors).toEqual([
      expect.objectContaining({ path: '/viber_service/duration', code: 'OUT_OF_RANGE' }),
      expect.objectContaining({ path: '/viber_service/file_size', code: 'WRONG_TYPE' }),
    ]);
  });

  it('custom needs its custom object (1.20.0 requires it); an empty one passes with a warning', () => {
    for (const channel of ['whatsapp', 'rcs']) {
      expect(check({ ...v1(channel, 'custom'), custom: undefined }).errors).toEqual([
        expect.objectContaining({ path: '/custom', code: 'REQUIRED' }),
      ]);
      const empty = check({ ...v1(channel, 'custom'), custom: {} });
      expect(empty.errors).toEqual([]);
      expect(empty.warnings).toEqual([expect.objectContaining({ path: '/custom', code: 'EMPTY_CUSTOM' })]);
    }
  });

  it('RCS category: the SDK spelling acknoledgement is refused with a hint', () => {
    const { errors } = check({ ...v1('rcs', 'text'), rcs: { category: 'acknoledgement' } });
    expect(errors[0]).toMatchObject({ path: '/rcs/category', code: 'NOT_ALLOWED_VALUE' });
    expect(errors[0]?.hint).toContain('acknowledgement');
  });

  it('RCS takes webhook_version since 1.20.0 moved it to the shared fields', () => {
    expect(check({ ...v1('rcs', 'text'), webhook_version: 'v0.1' })).toEqual({ errors: [], warnings: [] });
    expect(check({ ...v1('rcs', 'image'), webhook_version: 'v2' }).errors).toEqual([
      expect.objectContaining({ path: '/webhook_version', code: 'NOT_ALLOWED_VALUE' }),
    ]);
  });

  it('client_ref: 100 characters pass in v1, 101 do not', () => {
    expect(check({ ...v1('sms', 'text'), client_ref: 'x'.repeat(100) }).errors).toEqual([]);
    expect(check({ ...v1('sms', 'text'), client_ref: 'x'.repeat(101) }).errors).toHaveLength(1);
  });
});

describe('validate: warnings', () => {
  it('text over the channel limit', () => {
    expect(check({ ...v1('messenger', 'text'), text: 'x'.repeat(640) }).warnings).toEqual([]);
    expect(check({ ...v1('messenger', 'text'), text: 'x'.repeat(641) }).warnings).toEqual([
      expect.objectContaining({ path: '/text', code: 'TEXT_OVER_LIMIT' }),
    ]);
  });

  it('a media URL extension the channel does not take, including inside MMS content', () => {
    expect(check({ ...v1('whatsapp', 'image'), image: { url: 'https://example.com/a.gif' } }).warnings).toEqual([
      expect.objectContaining({ path: '/image/url', code: 'MEDIA_EXTENSION' }),
    ]);
    const content = { ...v1('mms', 'content'), content: [{ type: 'vcard', url: 'https://example.com/a.txt' }] };
    expect(check(content).warnings).toEqual([
      expect.objectContaining({ path: '/content/0/url', code: 'MEDIA_EXTENSION' }),
    ]);
    expect(check({ ...v1('whatsapp', 'image'), image: { url: 'https://example.com/media?id=7' } }).warnings).toEqual(
      [],
    );
  });

  it('a phone number with + is accepted with a warning; other symbols are errors', () => {
    const plus = check({ ...v1('sms', 'text'), to: '+447700900000' });
    expect(plus.errors).toEqual([]);
    expect(plus.warnings).toEqual([expect.objectContaining({ path: '/to', code: 'PHONE_PREFIX' })]);
    expect(check({ ...v1('sms', 'text'), to: '44 7700 900000' }).errors[0]).toMatchObject({
      path: '/to',
      code: 'INVALID_FORMAT',
    });
  });

  it('SMS characters that encoding_type text cannot carry, named with their positions', () => {
    const payload = { ...v1('sms', 'text'), text: 'Hi “you” 😀', sms: { encoding_type: 'text' } };
    const { errors, warnings } = check(payload);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ path: '/text', code: 'SMS_ENCODING' })]);
    expect(warnings[0]?.message).toContain('“ at 3');
    expect(check({ ...payload, sms: { encoding_type: 'auto' } }).warnings).toEqual([]);
  });

  it('SMS text running past six parts', () => {
    const { warnings } = check({ ...v1('sms', 'text'), text: 'ж'.repeat(500) });
    expect(warnings).toEqual([expect.objectContaining({ path: '/text', code: 'SMS_ENCODING' })]);
    expect(warnings[0]?.message).toContain('8 SMS parts');
  });

  it('client_ref over 40 characters in v0.1', () => {
    const entry = structuredClone(catalog('v0.1')[0]?.full ?? {});
    const report = check({ ...entry, client_ref: 'x'.repeat(41) }, 'v0.1');
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ path: '/client_ref', code: 'CLIENT_REF_LONG' })]);
  });
});

describe('validate v0.1', () => {
  const wa = () =>
    structuredClone(catalog('v0.1').find((e) => e.channel === 'whatsapp' && e.messageType === 'text')?.minimal ?? {});

  it('needs to.type and names RCS as v1-only', () => {
    expect(check({ ...wa(), to: { number: '447700900000' } }, 'v0.1').errors[0]).toMatchObject({
      path: '/to/type',
      code: 'REQUIRED',
    });
    const rcs = check({ ...wa(), to: { type: 'rcs', number: '447700900000' } }, 'v0.1');
    expect(rcs.errors[0]?.hint).toContain('v1');
  });

  it('enforces the schema text limits of WhatsApp (4096) and Viber (1000)', () => {
    const long = { ...wa(), message: { content: { type: 'text', text: 'x'.repeat(4097) } } };
    expect(check(long, 'v0.1').errors).toEqual([
      expect.objectContaining({ path: '/message/content/text', code: 'TOO_LONG' }),
    ]);
  });

  it('refuses the fallback policy on templates', () => {
    const payload = {
      ...wa(),
      message: {
        content: { type: 'template', template: { name: 'n' } },
        whatsapp: { policy: 'fallback', locale: 'en_GB' },
      },
    };
    expect(check(payload, 'v0.1').errors).toEqual([expect.objectContaining({ path: '/message/whatsapp/policy' })]);
  });

  it('accepts the documented custom content with a not-in-spec warning', () => {
    const payload = { ...wa(), message: { content: { type: 'custom', custom: { type: 'interactive' } } } };
    const report = check(payload, 'v0.1');
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toEqual(['NOT_IN_SPEC']);
  });
});

describe('validateUpdate (PATCH bodies)', () => {
  it('takes read for WhatsApp and revoked for RCS only', () => {
    expect(validateUpdate({ status: 'read' }, 'whatsapp').errors).toEqual([]);
    expect(validateUpdate({ status: 'revoked' }, 'rcs').errors).toEqual([]);
    expect(validateUpdate({ status: 'revoked' }, 'whatsapp').errors[0]).toMatchObject({
      path: '/status',
      code: 'NOT_ALLOWED_VALUE',
    });
    expect(validateUpdate({ status: 'read' }, 'sms').errors[0]?.code).toBe('UNKNOWN_CHANNEL');
  });
});
