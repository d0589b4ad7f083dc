import { fail, ok, type Result } from '../result';
import { v01AddressKind, v01ChannelOf, type ApiVersion, type V01Channel, type V1Channel } from './channels';
import { classifyWebhook } from './classify';
import { isObject, lossRecorder, pick, type Conversion, type Json } from './conversion';
import { v01InboundTypes } from './webhooks-v01';
import { v1InboundTypes } from './webhooks-v1';

/**
 * Webhook bodies from one version's shape to the other, so a receiver set to
 * one version can replay or compare events of the other. v0.1 → v1 is total
 * for the shapes both have; v1 → v0.1 names each dropped field.
 */

const ERROR_TYPE = 'https://developer.vonage.com/api-errors/messages#';

export function convertWebhook(body: unknown, to: ApiVersion): Result<Conversion> {
  const found = classifyWebhook(body);
  if (found.kind === 'unknown' || !isObject(body) || found.version === null || found.channel === null) {
    return fail(
      'PAYLOAD_INVALID',
      `Not a webhook body this model knows: ${found.reason ?? 'unclassified'}`,
      'Check the body is a status or inbound webhook of v1 or v0.1.',
    );
  }
  if (found.version === to) return ok({ from: to, to, payload: structuredClone(body), losses: [] });
  const channel = found.channel as V1Channel;
  if (to === 'v1') {
    if (
      found.kind === 'inbound' &&
      !(v1InboundTypes[channel] as readonly string[]).includes(found.message_type ?? '')
    ) {
      return fail(
        'CONVERSION_UNSUPPORTED',
        `v1 has no inbound ${channel} ${String(found.message_type)}`,
        `v1 ${channel} inbound types: ${v1InboundTypes[channel].join(', ')}.`,
      );
    }
    return ok(v01ToV1(body, channel, found.kind));
  }
  const v01Channel = v01ChannelOf(channel);
  if (v01Channel === undefined) {
    const name = channel === 'email' ? 'email' : 'RCS';
    return fail('CONVERSION_UNSUPPORTED', `v0.1 has no ${name} webhooks`, `Keep the application on v1 for ${name}.`);
  }
  if (
    found.kind === 'inbound' &&
    !(v01InboundTypes[v01Channel] as readonly string[]).includes(found.message_type ?? '')
  ) {
    return fail(
      'CONVERSION_UNSUPPORTED',
      `v0.1 has no inbound ${channel} ${String(found.message_type)}`,
      `v0.1 ${v01Channel} inbound types: ${v01InboundTypes[v01Channel].join(', ')}.`,
    );
  }
  return ok(v1ToV01(body, v01Channel, found.kind, found.message_type ?? 'text'));
}

function v01ToV1(body: Json, channel: V1Channel, kind: 'status' | 'inbound'): Conversion {
  const recorder = lossRecorder();
  const toAddress = body.to as Json;
  const fromAddress = isObject(body.from) ? body.from : {};
  const target: Json = {
    ...pick(body, ['message_uuid']),
    channel,
    to: toAddress.number ?? toAddress.id,
    from: fromAddress.number ?? fromAddress.id,
    ...pick(body, ['timestamp', 'status', 'client_ref', 'usage']),
  };
  if (isObject(body.error)) {
    const { code, reason, ...rest } = body.error;
    target.error = {
      type: `${ERROR_TYPE}${String(code)}`,
      title: String(code),
      ...(reason === undefined ? {} : { detail: reason }),
    };
    recorder.loseRest(rest, [], ['error'], 'v1 errors have no such field');
  }
  const handled = ['message_uuid', 'to', 'from', 'timestamp', 'status', 'client_ref', 'usage', 'error'];
  if (kind === 'inbound') {
    const message = isObject(body.message) ? body.message : {};
    const content = isObject(message.content) ? message.content : {};
    const type = String(content.type);
    // v1 SMS inbound carries no message_type (the API omits it); every other channel does.
    if (channel !== 'sms') target.message_type = type;
    if (type === 'text') target.text = content.text;
    else if (type === 'location' && isObject(content.location)) {
      const { latitude, longitude, ...rest } = content.location;
      target.location = { lat: Number(latitude), long: Number(longitude), ...rest };
    } else if (content[type] !== undefined) target[type] = structuredClone(content[type]);
    if (isObject(message.sms)) target.sms = structuredClone(message.sms);
    recorder.loseRest(message, ['content', 'sms'], ['message'], 'v1 inbound has no such field');
    handled.push('message');
  }
  recorder.loseRest(body, handled, [], 'v1 webhooks have no such field');
  return { from: 'v0.1', to: 'v1', payload: target, losses: recorder.losses };
}

/** v1-only webhook fields and why v0.1 cannot carry them. */
const v1OnlyReasons: Record<string, string> = {
  channel: 'v0.1 names the channel in to.type and from.type instead',
  workflow: 'v0.1 has no failover workflows',
  destination: 'v0.1 status webhooks carry no destination network',
  whatsapp: 'v0.1 has no WhatsApp pricing, conversation or referral details',
  context_status: 'v0.1 inbound webhooks do not say whether a quoted message exists',
  context: 'v0.1 inbound webhooks carry no quoted message',
  profile: 'v0.1 inbound webhooks carry no sender profile',
  provider_message: 'v0.1 inbound webhooks carry no provider message',
  _self: 'v0.1 has no PATCH endpoint, so no self link',
};

function v1ToV01(body: Json, channel: V01Channel, kind: 'status' | 'inbound', messageType: string): Conversion {
  const recorder = lossRecorder();
  const kinds = v01AddressKind[channel];
  // The user is `to` on a status and `from` on an inbound message.
  const user = kind === 'status' ? 'to' : 'from';
  const business = kind === 'status' ? 'from' : 'to';
  const target: Json = {
    ...pick(body, ['message_uuid']),
    [user]: { type: channel, [kinds.to]: body[user] },
    [business]: { type: channel, [kinds.from]: body[business] },
    ...pick(body, ['timestamp', 'status', 'client_ref', 'usage']),
  };
  const handled = [
    'message_uuid',
    'to',
    'from',
    'timestamp',
    'status',
    'client_ref',
    'usage',
    'channel',
    'message_type',
  ];
  if (isObject(body.error)) {
    const { title, detail, type, ...rest } = body.error;
    const code = Number(title ?? /#(\d+)$/.exec(String(type ?? ''))?.[1]);
    target.error = { ...(Number.isInteger(code) ? { code } : {}), ...(detail === undefined ? {} : { reason: detail }) };
    recorder.loseRest(rest, [], ['error'], 'v0.1 errors carry only code and reason');
    handled.push('error');
  }
  if (kind === 'inbound') {
    const content: Json = { type: messageType };
    if (messageType === 'text') content.text = body.text;
    else if (messageType === 'location' && isObject(body.location)) {
      const { lat, long, ...rest } = body.location;
      content.location = { latitude: String(lat), longitude: String(long), ...rest };
    } else if (body[messageType] !== undefined) content[messageType] = structuredClone(body[messageType]);
    const message: Json = { content };
    if (isObject(body.sms)) {
      message.sms = pick(body.sms, ['num_messages']);
      recorder.loseRest(body.sms, ['num_messages'], ['sms'], 'v0.1 SMS inbound has only num_messages');
    }
    target.message = message;
    handled.push('text', messageType, 'sms');
  }
  for (const key of Object.keys(body)) {
    if (!handled.includes(key) && key !== 'channel')
      recorder.lose([key], v1OnlyReasons[key] ?? 'v0.1 webhooks have no such field');
  }
  return { from: 'v1', to: 'v0.1', payload: target, losses: recorder.losses };
}
