import { z } from 'zod';
import { builtOnce } from './built-once';
import { v1Channels, type V1Channel } from './channels';

/**
 * Tolerant zod schemas of the v1 webhooks Vonage posts. Loose objects: Vonage
 * adds fields over time (docs-only WhatsApp profile, waba_id...), and a
 * receiver must keep what it does not know. Spec defects are read as the
 * API behaves; each is named where it is handled.
 */

export const messageStatuses = ['submitted', 'delivered', 'read', 'rejected', 'undeliverable'] as const;

/** v1 error: `title` carries the numeric code as a string ("1340"); some senders send a number. */
const v1Error = z.looseObject({
  type: z.string().optional(),
  title: z.union([z.string(), z.number()]).optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
});

const usage = z.looseObject({ currency: z.string(), price: z.union([z.string(), z.number()]) });

/**
 * A WhatsApp user as Meta identifies them since business-scoped user ids
 * (BSUIDs): `whatsapp.sender` on inbound messages, `whatsapp.recipient` on
 * statuses. Any of the three may be absent.
 */
const whatsappUserIdentity = z.looseObject({
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
  wa_id: z.string().optional(),
});

/** The WhatsApp profile of the user: display name and, when they chose one, their username. */
const whatsappProfile = z.looseObject({ name: z.string(), username: z.string().optional() });

export const v1StatusSchema = z.looseObject({
  message_uuid: z.string(),
  channel: z.enum(v1Channels),
  to: z.string(),
  from: z.string(),
  // Timestamps come as 2025-02-03T12:14:25Z, with milliseconds, or "2020-01-01 14:00:00 UTC": any string.
  timestamp: z.string(),
  // Spec defect: channels add `read` through an allOf enum that strictly
  // intersects to nothing; the API sends all five, so we take the union.
  status: z.enum(messageStatuses),
  error: v1Error.optional(),
  client_ref: z.string().optional(),
  workflow: z
    .looseObject({
      workflow_id: z.string(),
      items_number: z.union([z.string(), z.number()]),
      items_total: z.union([z.string(), z.number()]),
    })
    .optional(),
  usage: usage.optional(),
  destination: z.looseObject({ network_code: z.string() }).optional(),
  // Spec says sms.count_total; the docs show total_count and segments[]. Both pass.
  sms: z
    .looseObject({
      count_total: z.string().optional(),
      total_count: z.string().optional(),
      segments: z.array(z.looseObject({})).optional(),
    })
    .optional(),
  whatsapp: z.looseObject({ waba_id: z.string().optional(), recipient: whatsappUserIdentity.optional() }).optional(),
  profile: whatsappProfile.optional(),
});
export type V1Status = z.infer<typeof v1StatusSchema>;

/** v1 inbound message types per channel: 39 combinations (SMS carries none, see below; email has none). */
export const v1InboundTypes = {
  sms: ['text'],
  mms: ['text', 'image', 'vcard', 'audio', 'video', 'file'],
  rcs: ['text', 'image', 'video', 'audio', 'file', 'vcard', 'location', 'reply', 'button'],
  whatsapp: [
    'text',
    'image',
    'video',
    'file',
    'audio',
    'location',
    'contacts',
    'reply',
    'button',
    'order',
    'sticker',
    'reaction',
    'unsupported',
  ],
  messenger: ['text', 'image', 'video', 'file', 'audio', 'unsupported'],
  viber_service: ['text', 'image', 'video', 'file'],
  // Email has status webhooks only: nobody can write back to the API.
  email: [],
} as const satisfies Record<V1Channel, readonly string[]>;

const media = z.looseObject({ url: z.string() });

/**
 * The field each inbound type carries. Spec defects: the RCS button leaf
 * requires `reply` and the WhatsApp contacts leaf requires `button`; the API
 * sends `button` and `contacts`, so those are what we require.
 */
export const v1InboundContent: Record<string, z.ZodType | undefined> = {
  text: z.string(),
  image: media,
  video: media,
  audio: media,
  file: media,
  vcard: media,
  sticker: media,
  location: z.looseObject({ lat: z.number(), long: z.number() }),
  reply: z.looseObject({ id: z.string(), title: z.string() }),
  button: z.looseObject({ text: z.string().optional() }),
  contacts: z.array(z.looseObject({})),
  order: z.looseObject({ product_items: z.array(z.looseObject({})) }),
  reaction: z.looseObject({ action: z.string() }),
  unsupported: undefined,
};

/** Channel objects an inbound message may carry besides its content. */
const inboundChannelExtras: Partial<Record<V1Channel, Record<string, z.ZodType>>> = {
  // A WhatsApp `from` may be a BSUID (US.13491208655302741918) instead of a number: any string passes.
  whatsapp: {
    profile: whatsappProfile.optional(),
    whatsapp: z.looseObject({ sender: whatsappUserIdentity.optional() }).optional(),
  },
  // Group MMS: every number in the conversation.
  mms: { mms: z.looseObject({ participants: z.array(z.string()).optional() }).optional() },
};

/** The tolerant schema of a v1 inbound message of one channel and type. */
export const v1InboundSchema = builtOnce((channel: V1Channel, messageType: string) => {
  const content = v1InboundContent[messageType];
  return z.looseObject({
    message_uuid: z.string(),
    channel: z.literal(channel),
    to: z.string(),
    from: z.string(),
    timestamp: z.string(),
    // Spec defect: SMS inbound has no message_type at all; it is always text.
    message_type: channel === 'sms' ? z.literal('text').optional() : z.literal(messageType),
    ...(content === undefined ? {} : { [messageType === 'text' ? 'text' : messageType]: content }),
    context_status:
      channel === 'whatsapp' ? z.enum(['none', 'available', 'unavailable']).optional() : z.string().optional(),
    ...inboundChannelExtras[channel],
  });
});
