/**
 * Channels, message types and API versions as data: every other module of the
 * message model (schemas, templates, conversion, the builder's pickers) reads
 * these lists instead of spelling channel names again.
 */

export const apiVersions = ['v1', 'v0.1'] as const;
export type ApiVersion = (typeof apiVersions)[number];

export const v1Channels = ['sms', 'mms', 'rcs', 'whatsapp', 'messenger', 'viber_service', 'email'] as const;
export type V1Channel = (typeof v1Channels)[number];

/** The 36 v1 send combinations of Messages API 1.20.0, per channel, in the order the spec lists them. */
export const v1MessageTypes = {
  sms: ['text'],
  mms: ['text', 'image', 'vcard', 'audio', 'video', 'file', 'content'],
  rcs: ['text', 'image', 'video', 'file', 'card', 'carousel', 'custom'],
  whatsapp: ['text', 'image', 'audio', 'video', 'file', 'template', 'sticker', 'reaction', 'custom'],
  messenger: ['text', 'image', 'audio', 'video', 'file'],
  viber_service: ['text', 'image', 'video', 'file'],
  email: ['text', 'html', 'content'],
} as const satisfies Record<V1Channel, readonly string[]>;
export type V1MessageType<C extends V1Channel = V1Channel> = (typeof v1MessageTypes)[C][number];

/** v0.1 names Viber differently and carries the channel in `to.type` / `from.type`. */
export const v01Channels = ['sms', 'mms', 'whatsapp', 'messenger', 'viber_service_msg'] as const;
export type V01Channel = (typeof v01Channels)[number];

/** The 16 v0.1 send combinations (`message.content.type` per channel). */
export const v01MessageTypes = {
  sms: ['text'],
  mms: ['image'],
  whatsapp: ['text', 'template', 'image', 'video', 'audio', 'file'],
  messenger: ['text', 'image', 'video', 'audio', 'file'],
  viber_service_msg: ['text', 'image', 'template'],
} as const satisfies Record<V01Channel, readonly string[]>;
export type V01MessageType<C extends V01Channel = V01Channel> = (typeof v01MessageTypes)[C][number];

/** Whether `to`/`from` carry a phone number or a platform id in v0.1. */
export const v01AddressKind: Record<V01Channel, { to: 'number' | 'id'; from: 'number' | 'id' }> = {
  sms: { to: 'number', from: 'number' },
  mms: { to: 'number', from: 'number' },
  whatsapp: { to: 'number', from: 'number' },
  messenger: { to: 'id', from: 'id' },
  viber_service_msg: { to: 'number', from: 'id' },
};

export const channelLabels: Record<V1Channel | V01Channel, string> = {
  sms: 'SMS',
  mms: 'MMS',
  rcs: 'RCS',
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  viber_service: 'Viber',
  viber_service_msg: 'Viber',
  email: 'Email',
};

export interface Combination {
  api: ApiVersion;
  channel: string;
  messageType: string;
}

/** Every send combination of both versions: 36 for v1, 16 for v0.1. */
export function combinations(api?: ApiVersion): Combination[] {
  const v1 = v1Channels.flatMap((channel) =>
    v1MessageTypes[channel].map((messageType) => ({ api: 'v1' as const, channel, messageType })),
  );
  const v01 = v01Channels.flatMap((channel) =>
    v01MessageTypes[channel].map((messageType) => ({ api: 'v0.1' as const, channel, messageType })),
  );
  if (api === 'v1') return v1;
  if (api === 'v0.1') return v01;
  return [...v1, ...v01];
}

export function isV1Channel(value: unknown): value is V1Channel {
  return typeof value === 'string' && (v1Channels as readonly string[]).includes(value);
}

export function isV01Channel(value: unknown): value is V01Channel {
  return typeof value === 'string' && (v01Channels as readonly string[]).includes(value);
}

export function v1TypesOf(channel: V1Channel): readonly string[] {
  return v1MessageTypes[channel];
}

export function v01TypesOf(channel: V01Channel): readonly string[] {
  return v01MessageTypes[channel];
}

/** The v1 name of a v0.1 channel. */
export function v1ChannelOf(channel: V01Channel): V1Channel {
  return channel === 'viber_service_msg' ? 'viber_service' : channel;
}

/** The v0.1 name of a v1 channel, or undefined for RCS and email, which v0.1 lacks. */
export function v01ChannelOf(channel: V1Channel): V01Channel | undefined {
  if (channel === 'rcs' || channel === 'email') return undefined;
  return channel === 'viber_service' ? 'viber_service_msg' : channel;
}
