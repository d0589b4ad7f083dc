import { fail, ok, type Result } from '../result';
import {
  isV01Channel,
  isV1Channel,
  v01AddressKind,
  v01ChannelOf,
  v01TypesOf,
  v1ChannelOf,
  type ApiVersion,
} from './channels';
import { isObject, lossRecorder, pick, type Conversion, type Json } from './conversion';

/**
 * Send requests from one API version to the other. Fields with no
 * counterpart are dropped and named in `losses`; a message whose type does
 * not exist in the target fails with CONVERSION_UNSUPPORTED. The mapping is
 * total for v0.1 → v1 (except Viber templates), so v0.1 → v1 → v0.1 gives
 * back the original.
 */

/** Media keys v0.1 takes per channel and type; v1 has more (captions, names). */
const v01MediaKeys: Record<string, readonly string[]> = {
  'whatsapp/image': ['url', 'caption'],
  'whatsapp/file': ['url', 'caption'],
};

function unsupported(what: string, hint: string): Result<Conversion> {
  return fail('CONVERSION_UNSUPPORTED', what, hint);
}

/** Converts a send request to `to`; a payload already in that version comes back unchanged. */
export function convertRequest(payload: unknown, to: ApiVersion): Result<Conversion> {
  if (!isObject(payload))
    return fail('PAYLOAD_INVALID', 'The request is not a JSON object', 'Pass the request body as a JSON object.');
  const isV01 = isObject(payload.to) && 'type' in payload.to;
  const from: ApiVersion = isV01 ? 'v0.1' : 'v1';
  if (from === to) return ok({ from, to, payload: structuredClone(payload), losses: [] });
  return to === 'v1' ? v01ToV1(payload) : v1ToV01(payload);
}

function v01ToV1(source: Json): Result<Conversion> {
  const recorder = lossRecorder();
  const toAddress = source.to as Json;
  const fromAddress = isObject(source.from) ? source.from : {};
  const channelName = toAddress.type;
  if (!isV01Channel(channelName)) {
    return fail(
      'PAYLOAD_INVALID',
      `to.type ${JSON.stringify(channelName)} is not a v0.1 channel`,
      'Validate the request with --api v0.1 first.',
      '/to/type',
    );
  }
  const channel = v1ChannelOf(channelName);
  const message = isObject(source.message) ? source.message : {};
  const content = isObject(message.content) ? message.content : {};
  const type = String(content.type);
  if (channel === 'viber_service' && type === 'template') {
    return unsupported(
      'v1 has no Viber template message',
      'Send it with v0.1, or write the text out as a Viber text message.',
    );
  }
  if (channel === 'messenger' && type === 'custom') {
    return unsupported(
      'v1 has no Messenger custom message',
      'Send it with v0.1, or use a Messenger message type v1 has.',
    );
  }
  const target: Json = {
    channel,
    message_type: type,
    to: toAddress.number ?? toAddress.id,
    from: fromAddress.number ?? fromAddress.id,
  };
  if (type === 'text') target.text = content.text;
  else if (content[type] !== undefined) target[type] = structuredClone(content[type]);
  recorder.loseRest(
    content,
    ['type', type],
    ['message', 'content'],
    'Not a field of this message in v0.1 either; dropped',
  );
  const options: Record<string, string> = {
    whatsapp: 'whatsapp',
    viber_service_msg: 'viber_service',
    messenger: 'messenger',
  };
  for (const [v01Key, v1Key] of Object.entries(options)) {
    if (message[v01Key] !== undefined) target[v1Key] = structuredClone(message[v01Key]);
  }
  recorder.loseRest(message, ['content', ...Object.keys(options)], ['message'], 'Not a v0.1 message option; dropped');
  recorder.loseRest(toAddress, ['type', 'number', 'id'], ['to'], 'Not part of a v0.1 address; dropped');
  recorder.loseRest(fromAddress, ['type', 'number', 'id'], ['from'], 'Not part of a v0.1 address; dropped');
  if (source.client_ref !== undefined) target.client_ref = source.client_ref;
  recorder.loseRest(source, ['to', 'from', 'message', 'client_ref'], [], 'Not a v0.1 request field; dropped');
  return ok({ from: 'v0.1', to: 'v1', payload: target, losses: recorder.losses });
}

function v1ToV01(source: Json): Result<Conversion> {
  const recorder = lossRecorder();
  const channel = source.channel;
  if (!isV1Channel(channel)) {
    return fail(
      'PAYLOAD_INVALID',
      `channel ${JSON.stringify(channel)} is not a v1 channel`,
      'Validate the request with --api v1 first.',
      '/channel',
    );
  }
  const channelName = v01ChannelOf(channel);
  if (channelName === undefined) {
    const name = channel === 'email' ? 'email' : 'RCS';
    return unsupported(
      `v0.1 has no ${name} channel`,
      `${name === 'email' ? 'Email' : 'RCS'} messages can only be sent with v1.`,
    );
  }
  const type = String(source.message_type);
  if (channel === 'whatsapp' && typeof source.to === 'string' && /^[A-Za-z]{2}\./.test(source.to)) {
    return unsupported(
      'v0.1 cannot send to a WhatsApp business-scoped user id',
      "Send it with v1, or to the user's phone number.",
    );
  }
  if (!v01TypesOf(channelName).includes(type) && !(channel === 'whatsapp' && type === 'custom')) {
    return unsupported(
      `v0.1 has no ${channel} ${type} message`,
      `v0.1 ${channelName} takes ${v01TypesOf(channelName).join(', ')}.`,
    );
  }
  const kinds = v01AddressKind[channelName];
  const content: Json = { type };
  if (type === 'text') content.text = source.text;
  else if (isObject(source[type])) {
    const media = source[type] as Json;
    const keys =
      type === 'template' || type === 'custom' ? Object.keys(media) : (v01MediaKeys[`${channel}/${type}`] ?? ['url']);
    content[type] = structuredClone(pick(media, keys));
    recorder.loseRest(media, keys, [type], `v0.1 ${channelName} ${type} has no such field`);
  }
  const message: Json = { content };
  const optionKey =
    channel === 'viber_service'
      ? 'viber_service'
      : channel === 'messenger' || channel === 'whatsapp'
        ? channel
        : undefined;
  const options = optionKey === undefined ? undefined : source[optionKey];
  if (optionKey !== undefined && isObject(options)) {
    const kept = channel === 'viber_service' ? ['category', 'ttl', 'type'] : Object.keys(options);
    message[channel === 'viber_service' ? 'viber_service_msg' : optionKey] = structuredClone(pick(options, kept));
    recorder.loseRest(options, kept, [optionKey], 'v0.1 has no Viber action button, video duration or file size');
  }
  const target: Json = {
    to: { type: channelName, [kinds.to]: source.to },
    from: { type: channelName, [kinds.from]: source.from },
    message,
  };
  if (source.client_ref !== undefined) target.client_ref = source.client_ref;
  const reasons: Record<string, string> = {
    ttl: 'v0.1 has no message ttl for this channel',
    sms: 'v0.1 has no SMS options (encoding_type, content_id, entity_id, pool_id)',
    mms: 'v0.1 has no group MMS participants',
    trusted_recipient: 'v0.1 has no trusted recipient flag',
    trusted_sender: 'v0.1 has no trusted sender flag',
    webhook_url: 'v0.1 has no per-message webhook URL: the application or account setting applies',
    webhook_version: 'v0.1 has no per-message webhook version',
    failover: 'v0.1 has no failover',
    context: 'v0.1 cannot quote or reply to a WhatsApp message',
  };
  const handled = [
    'channel',
    'message_type',
    'to',
    'from',
    'client_ref',
    'text',
    type,
    ...(optionKey ? [optionKey] : []),
  ];
  for (const key of Object.keys(source)) {
    if (!handled.includes(key)) recorder.lose([key], reasons[key] ?? 'Not a field v0.1 knows; dropped');
  }
  return ok({ from: 'v1', to: 'v0.1', payload: target, losses: recorder.losses });
}
