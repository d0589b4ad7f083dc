import { z } from 'zod';
import { v01AddressKind, v01Channels, type V01Channel } from './channels';
import { clientRef, httpUrl, phoneNumber, platformId, seconds, sender } from './fields';
import { ttlRanges } from './limits';

/**
 * zod schemas of the 16 v0.1 send requests (POST /v0.1/messages): the channel
 * lives in `to.type` / `from.type`, the content in `message.content`, and the
 * channel options beside it in `message`.
 */

type Shape = Record<string, z.ZodType>;

function address(channel: V01Channel, side: 'to' | 'from') {
  const kind = v01AddressKind[channel][side];
  const value = kind === 'id' ? platformId : side === 'to' ? phoneNumber : sender;
  return z.strictObject({ type: z.literal(channel), [kind]: value });
}

const whatsappOptions = z.strictObject({
  // WhatsApp dropped the `fallback` policy in January 2020; Vonage answers it with 400.
  policy: z.enum(['deterministic']).optional(),
  locale: z.string().min(2),
});
const viberOptions = z.strictObject({
  category: z.enum(['transaction', 'promotion']).optional(),
  ttl: seconds(ttlRanges.viber_service).optional(),
  type: z.string().min(1).optional(),
});
const messengerOptions = z.strictObject({
  category: z.enum(['response', 'update', 'message_tag']).optional(),
  tag: z.string().min(1).optional(),
});

const channelOptions: Record<V01Channel, Shape> = {
  sms: {},
  mms: {},
  whatsapp: {},
  messenger: { messenger: messengerOptions.optional() },
  viber_service_msg: { viber_service_msg: viberOptions.optional() },
};

function leaf<T extends string>(
  channel: V01Channel,
  type: T,
  content: Shape,
  options: Shape = channelOptions[channel],
) {
  return z.strictObject({
    to: address(channel, 'to'),
    from: address(channel, 'from'),
    message: z.strictObject({
      content: z.strictObject({ type: z.literal(type), ...content }),
      ...options,
    }),
    client_ref: clientRef.optional(),
  });
}

const text = (max?: number) => ({ text: max === undefined ? z.string().min(1) : z.string().min(1).max(max) });
const media = (name: string, withCaption = false) => ({
  [name]: z.strictObject(withCaption ? { url: httpUrl, caption: z.string().min(1).optional() } : { url: httpUrl }),
});
const template = { template: z.strictObject({ name: z.string().min(1), parameters: z.array(z.string()).optional() }) };

/** Every v0.1 send schema, keyed `channel/type` with the v0.1 channel name. */
export const v01RequestSchemas = {
  'sms/text': leaf('sms', 'text', text()),
  'mms/image': leaf('mms', 'image', media('image')),
  'whatsapp/text': leaf('whatsapp', 'text', text(4096)),
  'whatsapp/template': leaf('whatsapp', 'template', template, { whatsapp: whatsappOptions }),
  'whatsapp/image': leaf('whatsapp', 'image', media('image', true)),
  'whatsapp/video': leaf('whatsapp', 'video', media('video')),
  'whatsapp/audio': leaf('whatsapp', 'audio', media('audio')),
  'whatsapp/file': leaf('whatsapp', 'file', media('file', true)),
  'messenger/text': leaf('messenger', 'text', text()),
  'messenger/image': leaf('messenger', 'image', media('image')),
  'messenger/video': leaf('messenger', 'video', media('video')),
  'messenger/audio': leaf('messenger', 'audio', media('audio')),
  'messenger/file': leaf('messenger', 'file', media('file')),
  'viber_service_msg/text': leaf('viber_service_msg', 'text', text(1000)),
  'viber_service_msg/image': leaf('viber_service_msg', 'image', media('image')),
  'viber_service_msg/template': leaf('viber_service_msg', 'template', template),
} as const;

/**
 * `custom` content is documented for WhatsApp and Messenger on v0.1 but is
 * absent from the v0.1 spec file; the API takes it, so we accept it and warn.
 */
export const v01CustomSchemas = {
  'whatsapp/custom': leaf('whatsapp', 'custom', { custom: z.record(z.string(), z.unknown()) }),
  'messenger/custom': leaf('messenger', 'custom', { custom: z.record(z.string(), z.unknown()) }),
} as const;

export type V01RequestKey = keyof typeof v01RequestSchemas;

/** One envelope schema per channel, built once (see v1CommonSchema for why). */
const commonSchemas = {} as Record<V01Channel, z.ZodType>;
for (const channel of v01Channels) {
  commonSchemas[channel] = z.looseObject({
    to: address(channel, 'to'),
    from: address(channel, 'from'),
    message: z.looseObject({ content: z.looseObject({}) }),
    client_ref: clientRef.optional(),
  });
}

/** The envelope every v0.1 channel shares, used when the content type is missing or unknown. */
export function v01CommonSchema(channel: V01Channel): z.ZodType {
  return commonSchemas[channel];
}
