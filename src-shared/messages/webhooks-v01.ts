import { z } from 'zod';
import { builtOnce } from './built-once';
import { v01Channels, type V01Channel } from './channels';
import { messageStatuses } from './webhooks-v1';

/**
 * Tolerant zod schemas of v0.1 webhooks: no `channel` field, the channel is
 * in to.type / from.type, content sits in message.content.
 */

const address = z.looseObject({
  type: z.enum(v01Channels),
  number: z.string().min(1).max(50).optional(),
  id: z.string().min(1).max(50).optional(),
});

export const v01StatusSchema = z.looseObject({
  message_uuid: z.string(),
  to: address,
  from: address,
  timestamp: z.string(),
  status: z.enum(messageStatuses),
  // v0.1 carries the code as an integer; a string is tolerated.
  error: z
    .looseObject({ code: z.union([z.number(), z.string()]).optional(), reason: z.string().optional() })
    .optional(),
  usage: z.looseObject({ currency: z.string(), price: z.union([z.string(), z.number()]) }).optional(),
  client_ref: z.string().optional(),
});
export type V01Status = z.infer<typeof v01StatusSchema>;

/** v0.1 inbound content types per channel: 17 combinations. */
export const v01InboundTypes = {
  sms: ['text'],
  mms: ['image'],
  whatsapp: ['text', 'image', 'video', 'audio', 'file', 'location', 'unsupported'],
  messenger: ['text', 'image', 'video', 'audio', 'file', 'unsupported'],
  viber_service_msg: ['text', 'unsupported'],
} as const satisfies Record<V01Channel, readonly string[]>;

const media = z.looseObject({ url: z.string() });
const content: Record<string, z.ZodType | undefined> = {
  text: z.string(),
  image: media,
  video: media,
  audio: media,
  file: media,
  // v0.1 sends coordinates as strings; v1 renamed them lat/long and made them numbers.
  location: z.looseObject({
    latitude: z.union([z.string(), z.number()]),
    longitude: z.union([z.string(), z.number()]),
  }),
  unsupported: undefined,
};

export const v01InboundSchema = builtOnce((channel: V01Channel, type: string) => {
  const field = content[type];
  return z.looseObject({
    message_uuid: z.string(),
    timestamp: z.string(),
    to: address.extend({ type: z.literal(channel) }),
    from: address.extend({ type: z.literal(channel) }),
    message: z.looseObject({
      content: z.looseObject({ type: z.literal(type), ...(field === undefined ? {} : { [type]: field }) }),
      ...(channel === 'sms' ? { sms: z.looseObject({ num_messages: z.string() }) } : {}),
    }),
  });
});
