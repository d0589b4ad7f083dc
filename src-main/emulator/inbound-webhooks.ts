import crypto from 'node:crypto';
import {
  smsInfo,
  v01ChannelOf,
  v01InboundTypes,
  v1Channels,
  v1InboundTypes,
  type ApiVersion,
  type V1Channel,
} from '../../src-shared/messages';
import { v01AddressKind } from '../../src-shared/messages/channels';
import { fail, ok, type Result } from '../../src-shared/result';
import type { InboundSimulation } from '../../src-shared/emulator-events';

/**
 * Builds the inbound webhook a user's message produces, per channel, type
 * and version, as the message model's inbound schemas describe them. Content
 * not given is filled with a plausible sample, so "send me an image" is one
 * call.
 */

export interface BuiltInbound {
  body: Record<string, unknown>;
  messageUuid: string;
  version: ApiVersion;
  channel: V1Channel;
}

const businessSamples: Record<V1Channel, string> = {
  sms: '447700900001',
  mms: '447700900001',
  rcs: 'VonageBrand',
  whatsapp: '447700900001',
  messenger: '107083064136738',
  viber_service: '16273',
  email: 'support@example.com',
};

const MEDIA = 'https://example.com/inbound';

/** Sample content per type, in v1 wire form. */
function sampleContent(channel: V1Channel, type: string): unknown {
  switch (type) {
    case 'image':
      return {
        url: `${MEDIA}/photo.jpg`,
        ...(channel === 'mms' || channel === 'whatsapp' ? { caption: 'A photo' } : {}),
      };
    case 'video':
      return { url: `${MEDIA}/clip.mp4` };
    case 'audio':
      return { url: `${MEDIA}/voice.mp3` };
    case 'file':
      return { url: `${MEDIA}/document.pdf`, name: 'document.pdf' };
    case 'vcard':
      return { url: `${MEDIA}/contact.vcf` };
    case 'sticker':
      return { url: `${MEDIA}/sticker.webp` };
    case 'location':
      return channel === 'whatsapp'
        ? { lat: 51.5074, long: -0.1278, name: 'Trafalgar Square', address: 'London WC2N 5DN' }
        : { lat: 51.5074, long: -0.1278 };
    case 'reply':
      return channel === 'whatsapp'
        ? { id: 'row-1', title: 'Yes please', description: 'Confirm the order' }
        : { id: 'reply-1', title: 'Yes please' };
    case 'button':
      return channel === 'whatsapp'
        ? { payload: { choice: 'yes' }, text: 'Yes', subtype: 'quick_reply' }
        : { payload: 'yes', text: 'Yes' };
    case 'contacts':
      return [
        {
          name: { formatted_name: 'Ada Lovelace', first_name: 'Ada', last_name: 'Lovelace' },
          phones: [{ phone: '447700900123', type: 'work' }],
        },
      ];
    case 'order':
      return {
        catalog_id: '1267260820787549',
        product_items: [{ product_retailer_id: 'sku-1', quantity: '1', item_price: '9.99', currency: 'EUR' }],
      };
    case 'reaction':
      return { action: 'react', emoji: '👍' };
    default:
      return undefined;
  }
}

function contentOf(simulation: InboundSimulation): unknown {
  const sample = sampleContent(simulation.channel, simulation.messageType);
  const given = simulation.content;
  if (given === undefined) return sample;
  return Array.isArray(given) || typeof sample !== 'object' || Array.isArray(sample) ? given : { ...sample, ...given };
}

function v1Body(
  simulation: InboundSimulation,
  messageUuid: string,
  emulatorUrl: string,
  to: string,
): Record<string, unknown> {
  const { channel, messageType, from, contextMessageUuid } = simulation;
  const body: Record<string, unknown> = {
    channel,
    message_uuid: messageUuid,
    to,
    from,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    message_type: messageType,
  };
  if (messageType === 'text') body.text = simulation.text ?? 'Hello from a simulated user';
  else if (messageType !== 'unsupported') body[messageType] = contentOf(simulation);
  if (channel === 'sms') {
    const text = String(body.text);
    body.sms = {
      num_messages: String(smsInfo(text).segments),
      keyword: (text.trim().split(/\s+/)[0] ?? '').toUpperCase(),
    };
    body.usage = { currency: 'EUR', price: '0.0057' };
  }
  if (channel === 'sms' || channel === 'mms') body.origin = { network_code: '23415' };
  if (channel === 'rcs') body.context_status = 'none';
  if (channel === 'whatsapp') {
    body.context_status = contextMessageUuid === undefined ? 'none' : 'available';
    if (contextMessageUuid !== undefined) body.context = { message_uuid: contextMessageUuid, message_from: to };
    body.profile = { name: simulation.profileName ?? 'Simulated User' };
    // _self is where a PATCH marking this message read goes; Vonage omits it on reactions and unsupported.
    if (messageType !== 'reaction' && messageType !== 'unsupported')
      body._self = { href: `${emulatorUrl}/v1/messages/${messageUuid}` };
  }
  if (channel === 'viber_service' && contextMessageUuid !== undefined)
    body.context = { message_uuid: contextMessageUuid };
  return body;
}

function v01Body(simulation: InboundSimulation, messageUuid: string, to: string): Result<Record<string, unknown>> {
  const channel = v01ChannelOf(simulation.channel);
  if (channel === undefined)
    return fail('INBOUND_INVALID', 'RCS has no v0.1 webhooks', 'Simulate RCS with version v1.');
  const types: readonly string[] = v01InboundTypes[channel];
  const type = simulation.messageType;
  if (!types.includes(type)) {
    return fail(
      'INBOUND_INVALID',
      `v0.1 has no inbound ${type} on ${simulation.channel}`,
      `Use one of ${types.join(', ')}, or version v1.`,
      '/messageType',
    );
  }
  const kinds = v01AddressKind[channel];
  const content: Record<string, unknown> = { type };
  if (type === 'text') content.text = simulation.text ?? 'Hello from a simulated user';
  else if (type === 'location') {
    // v0.1 names them latitude/longitude and sends strings.
    const { lat, long, ...rest } = contentOf(simulation) as { lat: unknown; long: unknown };
    content.location = { ...rest, latitude: String(lat), longitude: String(long) };
  } else if (type !== 'unsupported') content[type] = contentOf(simulation);
  const message: Record<string, unknown> = { content };
  if (channel === 'sms') message.sms = { num_messages: String(smsInfo(String(content.text)).segments) };
  const body: Record<string, unknown> = {
    message_uuid: messageUuid,
    timestamp: new Date().toISOString(),
    // Inbound flips the outbound roles: the business is `to`, the user `from`.
    to: { type: channel, [kinds.from]: to },
    from: { type: channel, [kinds.to]: simulation.from },
    message,
  };
  if (channel === 'sms') body.usage = { currency: 'EUR', price: '0.0057' };
  return ok(body);
}

export function buildInbound(simulation: InboundSimulation, emulatorUrl: string): Result<BuiltInbound> {
  const { channel, messageType } = simulation;
  if (!(v1Channels as readonly string[]).includes(channel)) {
    return fail(
      'INBOUND_INVALID',
      `${String(channel)} is not a channel`,
      `Use one of ${v1Channels.join(', ')}.`,
      '/channel',
    );
  }
  const version = simulation.version ?? 'v1';
  const messageUuid = crypto.randomUUID();
  const to = simulation.to ?? businessSamples[channel];
  if (version === 'v1') {
    const types: readonly string[] = v1InboundTypes[channel];
    if (!types.includes(messageType)) {
      return fail(
        'INBOUND_INVALID',
        `${channel} has no inbound ${messageType} in v1`,
        `Use one of ${types.join(', ')}.`,
        '/messageType',
      );
    }
    return ok({ body: v1Body(simulation, messageUuid, emulatorUrl, to), messageUuid, version, channel });
  }
  const body = v01Body(simulation, messageUuid, to);
  return body.ok ? ok({ body: body.value, messageUuid, version, channel }) : body;
}
