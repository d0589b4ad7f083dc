import { describe, expect, it } from 'vitest';
import { v1Channels } from '../../../src-shared/messages/channels';
import { classifyWebhook, webhookClassificationSchema } from '../../../src-shared/messages/classify';
import { v01InboundSchema, v01InboundTypes } from '../../../src-shared/messages/webhooks-v01';
import { v1InboundSchema, v1InboundTypes } from '../../../src-shared/messages/webhooks-v1';
import { UUID, v01Inbound, v01Status, v1Inbound, v1Status } from './fixtures/webhooks';

const v1InboundCases = Object.entries(v1InboundTypes).flatMap(([channel, types]) =>
  types.map((type) => [channel, type] as const),
);
const v01InboundCases = Object.entries(v01InboundTypes).flatMap(([channel, types]) =>
  types.map((type) => [channel, type] as const),
);

describe('classifyWebhook: v1 status', () => {
  it.each([...v1Channels])('%s status', (channel) => {
    const result = classifyWebhook(v1Status(channel));
    expect(result).toEqual({
      kind: 'status',
      version: 'v1',
      channel,
      message_type: null,
      status: 'delivered',
      errorCode: null,
      message_uuid: UUID,
      client_ref: 'order-1234',
      issues: [],
    });
    expect(webhookClassificationSchema.parse(result)).toEqual(result);
  });

  it('reads the error code from error.title', () => {
    expect(classifyWebhook(v1Status('whatsapp', 'rejected'))).toMatchObject({
      status: 'rejected',
      errorCode: 1340,
      issues: [],
    });
  });

  it('falls back to the anchor of error.type when the title is not a code', () => {
    const body = {
      ...v1Status('sms', 'rejected'),
      error: { type: 'https://developer.vonage.com/api-errors/messages#1240', title: 'Illegal Number' },
    };
    expect(classifyWebhook(body).errorCode).toBe(1240);
  });

  it('takes read for the OTT channels (the spec enum intersection is empty)', () => {
    for (const channel of ['rcs', 'whatsapp', 'messenger', 'viber_service']) {
      expect(classifyWebhook(v1Status(channel, 'read'))).toMatchObject({ status: 'read', issues: [] });
    }
  });

  it('accepts the docs spelling sms.total_count with segments as well as count_total', () => {
    const body = { ...v1Status('sms'), sms: { total_count: '2', segments: [{ status: 'delivered' }] } };
    expect(classifyWebhook(body).issues).toEqual([]);
  });

  it('accepts the timestamp formats Vonage uses', () => {
    expect(classifyWebhook({ ...v1Status('sms'), timestamp: '2020-01-01 14:00:00 UTC' }).issues).toEqual([]);
  });

  it('classifies a status with an unknown status value and reports it as an issue', () => {
    const result = classifyWebhook({ ...v1Status('sms'), status: 'exploded' });
    expect(result.kind).toBe('status');
    expect(result.issues).toEqual([expect.objectContaining({ path: '/status', code: 'NOT_ALLOWED_VALUE' })]);
  });
});

describe('classifyWebhook: v1 inbound', () => {
  it('covers the 39 documented combinations', () => {
    expect(v1InboundCases).toHaveLength(39);
  });

  it.each(v1InboundCases)('%s %s', (channel, type) => {
    const result = classifyWebhook(v1Inbound(channel, type));
    expect(result).toMatchObject({
      kind: 'inbound',
      version: 'v1',
      channel,
      message_type: type,
      status: null,
      issues: [],
    });
  });

  it('treats an SMS without message_type as text (the spec gives SMS none)', () => {
    expect(v1Inbound('sms', 'text').message_type).toBeUndefined();
    expect(classifyWebhook(v1Inbound('sms', 'text')).message_type).toBe('text');
  });

  it('wants button on an RCS button and contacts on WhatsApp contacts, not what the spec requires', () => {
    expect(classifyWebhook(v1Inbound('rcs', 'button')).issues).toEqual([]);
    const { button: _button, ...withoutButton } = v1Inbound('rcs', 'button');
    expect(classifyWebhook(withoutButton).issues.map((i) => i.path)).toEqual(['/button']);
    const { contacts: _contacts, ...withoutContacts } = v1Inbound('whatsapp', 'contacts');
    expect(classifyWebhook(withoutContacts).issues.map((i) => i.path)).toEqual(['/contacts']);
  });
});

describe('classifyWebhook: v0.1', () => {
  it.each(['sms', 'mms', 'whatsapp', 'messenger', 'viber_service_msg'])('%s status', (channel) => {
    const result = classifyWebhook(v01Status(channel, 'rejected'));
    expect(result).toMatchObject({
      kind: 'status',
      version: 'v0.1',
      channel: channel === 'viber_service_msg' ? 'viber_service' : channel,
      status: 'rejected',
      errorCode: 1340,
      message_uuid: UUID,
      client_ref: 'order-1234',
      issues: [],
    });
  });

  it('covers the 17 documented inbound combinations', () => {
    expect(v01InboundCases).toHaveLength(17);
  });

  it.each(v01InboundCases)('%s %s inbound', (channel, type) => {
    expect(classifyWebhook(v01Inbound(channel, type))).toMatchObject({
      kind: 'inbound',
      version: 'v0.1',
      message_type: type,
      issues: [],
    });
  });
});

describe('classifyWebhook: unknown shapes', () => {
  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'hello'],
    ['an empty object', {}],
    ['an unknown channel', { channel: 'pigeon', status: 'delivered' }],
    ['an unknown inbound type', { channel: 'whatsapp', message_type: 'hologram' }],
    ['an unknown v0.1 channel', { to: { type: 'fax' }, status: 'delivered' }],
    ['a v0.1 body without content', { to: { type: 'sms', number: '1' }, message: {} }],
  ])('%s is unknown with a reason, never a throw', (_name, body) => {
    const result = classifyWebhook(body);
    expect(result.kind).toBe('unknown');
    expect(result.reason).toMatch(/\w+/);
  });
});

describe('classifyWebhook: fields new in Messages API 1.20.0', () => {
  const bsuid = 'US.13491208655302741918';

  it('a WhatsApp inbound from a business-scoped user id, with whatsapp.sender and profile.username', () => {
    const body = {
      ...v1Inbound('whatsapp', 'text'),
      from: bsuid,
      profile: { name: 'Daisy', username: 'daisy.day' },
      whatsapp: { sender: { user_id: bsuid, parent_user_id: 'US.10000000000000000001', wa_id: '447700900000' } },
    };
    expect(classifyWebhook(body)).toMatchObject({
      kind: 'inbound',
      channel: 'whatsapp',
      message_type: 'text',
      issues: [],
    });
    const wrong = { ...body, whatsapp: { sender: { user_id: 42 } }, profile: { username: 'daisy.day' } };
    expect(
      classifyWebhook(wrong)
        .issues.map((issue) => issue.path)
        .sort(),
    ).toEqual(['/profile/name', '/whatsapp/sender/user_id']);
  });

  it('a WhatsApp status names its recipient and business account', () => {
    const body = {
      ...v1Status('whatsapp'),
      to: bsuid,
      whatsapp: { waba_id: '104996', recipient: { user_id: bsuid, wa_id: '447700900000' } },
    };
    expect(classifyWebhook(body).issues).toEqual([]);
    expect(classifyWebhook({ ...body, whatsapp: { recipient: 'someone' } }).issues.map((issue) => issue.path)).toEqual([
      '/whatsapp/recipient',
    ]);
  });

  it('a group MMS inbound lists its participants', () => {
    const body = { ...v1Inbound('mms', 'image'), mms: { participants: ['447700900002', '447700900003'] } };
    expect(classifyWebhook(body).issues).toEqual([]);
    expect(
      classifyWebhook({ ...body, mms: { participants: '447700900002' } }).issues.map((issue) => issue.path),
    ).toEqual(['/mms/participants']);
  });

  it('an email status, read included', () => {
    const { usage: _usage, ...status } = v1Status('email', 'read');
    const body = { ...status, to: 'grace@example.net', from: 'shop@example.net' };
    expect(classifyWebhook(body)).toMatchObject({ kind: 'status', channel: 'email', status: 'read', issues: [] });
  });

  it('email has no inbound messages', () => {
    expect(classifyWebhook({ channel: 'email', message_type: 'text', text: 'hi', message_uuid: UUID })).toMatchObject({
      kind: 'unknown',
    });
  });
});

describe('classifyWebhook without the shape check', () => {
  const bodies = [
    ...v1Channels.map((channel) => v1Status(channel)),
    { ...v1Status('sms'), status: 'exploded' },
    ...v1InboundCases.map(([channel, type]) => v1Inbound(channel, type)),
    ...v01InboundCases.map(([channel, type]) => v01Inbound(channel, type)),
    { ...v1Inbound('whatsapp', 'text'), text: 42 },
    v01Status('sms'),
    { channel: 'carrier-pigeon', status: 'delivered' },
    'not an object',
  ];

  it('places every body as the full check does, and lists no issues', () => {
    for (const body of bodies) {
      const placed = { ...classifyWebhook(body), issues: [] };
      expect(classifyWebhook(body, { checkShape: false })).toEqual(placed);
    }
    // The full check still finds what the quick one does not look for.
    expect(classifyWebhook({ ...v1Status('sms'), status: 'exploded' }).issues).not.toEqual([]);
    expect(classifyWebhook({ ...v1Inbound('whatsapp', 'text'), text: 42 }).issues).not.toEqual([]);
  });
});

describe('inbound schemas', () => {
  it('are built once per channel and type', () => {
    expect(v1InboundSchema('whatsapp', 'text')).toBe(v1InboundSchema('whatsapp', 'text'));
    expect(v1InboundSchema('whatsapp', 'text')).not.toBe(v1InboundSchema('whatsapp', 'image'));
    expect(v1InboundSchema('messenger', 'text')).not.toBe(v1InboundSchema('whatsapp', 'text'));
    expect(v01InboundSchema('sms', 'text')).toBe(v01InboundSchema('sms', 'text'));
  });
});
