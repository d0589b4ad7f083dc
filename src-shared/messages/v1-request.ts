import { z } from 'zod';
import { v1Channels, type V1Channel } from './channels';
import { emailContent, emailHtml, emailOptions } from './email-request';
import {
  addIssueAt,
  caption,
  clientRef,
  emailAddress,
  httpUrl,
  numericString,
  phoneNumber,
  platformId,
  seconds,
  sender,
  webhookVersion,
  whatsappRecipient,
} from './fields';
import { captionLimit, clientRefLimits, smsTextLimit, ttlRanges } from './limits';
import { messageSuggestions, rcsCard, rcsCarousel, rcsOptions } from './rcs-rich';

/**
 * zod schemas of the 36 v1 send requests of Messages API 1.20.0 (POST
 * /v1/messages), one strict object per channel × message_type. Unknown keys
 * are reported (validate() turns them into warnings: not in this model, maybe
 * newer than it, often a typo). `failover` is checked by validate() item by
 * item, so it is only an array here.
 */

type Shape = Record<string, z.ZodType>;

const recipients: Record<V1Channel, z.ZodType<string>> = {
  sms: phoneNumber,
  mms: phoneNumber,
  rcs: phoneNumber,
  viber_service: phoneNumber,
  whatsapp: whatsappRecipient,
  messenger: platformId,
  email: emailAddress,
};
const senders: Record<V1Channel, z.ZodType<string>> = {
  sms: sender,
  mms: sender,
  rcs: sender,
  viber_service: sender,
  whatsapp: sender,
  messenger: platformId,
  email: emailAddress,
};

function common(channel: V1Channel, messageType: string): Shape {
  return {
    to: recipients[channel],
    from: senders[channel],
    channel: z.literal(channel),
    message_type: z.literal(messageType),
    client_ref: clientRef.max(clientRefLimits.v1).optional(),
    webhook_url: httpUrl.optional(),
    // 1.20.0 moved webhook_version to the fields every channel shares, RCS included.
    webhook_version: webhookVersion.optional(),
    failover: z.array(z.unknown()).min(1).optional(),
  };
}

const text = { text: z.string().min(1) };
/** Carrier-level trust flags of SMS, MMS and RCS; trusted_sender is deprecated (warned in warnings.ts). */
const trust = { trusted_recipient: z.boolean().optional(), trusted_sender: z.boolean().optional() };
const urlOnly = z.strictObject({ url: httpUrl });
const urlWithCaption = z.strictObject({ url: httpUrl, caption: caption.optional() });

const smsOptions = z.strictObject({
  encoding_type: z.enum(['text', 'unicode', 'auto']).optional(),
  content_id: z.string().min(1).optional(),
  entity_id: z.string().min(1).optional(),
  pool_id: z.string().min(1).optional(),
});

/** Group MMS: the numbers taking part besides the sender and `to`. */
const mmsOptions = z.strictObject({ participants: z.array(phoneNumber).optional() });

const whatsappContext = z.strictObject({ message_uuid: z.string().min(1) });

const messengerOptions = z
  .strictObject({
    category: z.enum(['response', 'update', 'message_tag']).optional(),
    tag: z.string().min(1).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.category === 'message_tag' && value.tag === undefined) {
      addIssueAt(
        ctx,
        ['tag'],
        'Messenger category message_tag needs messenger.tag, e.g. ACCOUNT_UPDATE',
        'REQUIRED',
        'Pick the Facebook message tag that fits the message, or use category response within 24 hours of the user writing.',
      );
    }
  });

const viberAction = z.strictObject({ url: httpUrl, text: z.string().min(1).max(30) });
const viberBase = {
  category: z.enum(['transaction', 'promotion']).optional(),
  ttl: seconds(ttlRanges.viber_service).optional(),
  type: z.string().min(1).optional(),
};
const viberWithAction = z.strictObject({ ...viberBase, action: viberAction.optional() });
const viberVideoOptions = z.strictObject({
  ...viberBase,
  duration: numericString(1, 600, 'seconds'),
  file_size: numericString(1, 200, 'MB'),
});

const stickerObject = z
  .strictObject({ url: httpUrl.optional(), id: z.string().min(1).optional() })
  .superRefine((value, ctx) => {
    if ((value.url === undefined) === (value.id === undefined)) {
      addIssueAt(
        ctx,
        [],
        'A WhatsApp sticker needs exactly one of sticker.url or sticker.id',
        'REQUIRED',
        'Give the URL of a .webp sticker; sticker ids are deprecated.',
      );
    }
  });

const reactionObject = z
  .strictObject({ action: z.enum(['react', 'unreact']), emoji: z.string().min(1).optional() })
  .superRefine((value, ctx) => {
    if (value.action === 'react' && value.emoji === undefined) {
      addIssueAt(
        ctx,
        ['emoji'],
        'A WhatsApp reaction with action react needs reaction.emoji, e.g. 👍',
        'REQUIRED',
        'Put the emoji itself in reaction.emoji, or use action unreact to remove a reaction.',
      );
    }
  });

const freeForm = z.record(z.string(), z.unknown());

function leaf<C extends V1Channel, T extends string, S extends Shape>(channel: C, messageType: T, shape: S) {
  return z.strictObject({ ...common(channel, messageType), ...shape });
}

const smsExtras = { ttl: seconds(ttlRanges.sms).optional(), ...trust, sms: smsOptions.optional() };
const mmsExtras = { ttl: seconds(ttlRanges.mms).optional(), ...trust, mms: mmsOptions.optional() };
const rcsExtras = { ttl: seconds(ttlRanges.rcs).optional(), ...trust, rcs: rcsOptions.standard.optional() };
const waExtras = { context: whatsappContext.optional() };
const messengerExtras = { messenger: messengerOptions.optional() };
const viberExtras = { viber_service: viberWithAction.optional() };
const emailExtras = { email: emailOptions };

/** Every v1 send schema, keyed `channel/message_type`. */
export const v1RequestSchemas = {
  'sms/text': leaf('sms', 'text', { ...smsExtras, text: z.string().min(1).max(smsTextLimit) }),
  'mms/text': leaf('mms', 'text', { ...mmsExtras, ...text }),
  'mms/image': leaf('mms', 'image', { ...mmsExtras, image: urlWithCaption }),
  'mms/vcard': leaf('mms', 'vcard', { ...mmsExtras, vcard: urlWithCaption }),
  'mms/audio': leaf('mms', 'audio', { ...mmsExtras, audio: urlWithCaption }),
  'mms/video': leaf('mms', 'video', { ...mmsExtras, video: urlWithCaption }),
  'mms/file': leaf('mms', 'file', { ...mmsExtras, file: urlWithCaption }),
  'mms/content': leaf('mms', 'content', {
    ...mmsExtras,
    content: z
      .array(
        z.strictObject({
          type: z.enum(['image', 'audio', 'video', 'vcard', 'file']),
          url: httpUrl,
          caption: z.string().min(1).max(captionLimit).optional(),
        }),
      )
      .min(1),
  }),
  'rcs/text': leaf('rcs', 'text', { ...rcsExtras, ...text, suggestions: messageSuggestions.optional() }),
  'rcs/image': leaf('rcs', 'image', { ...rcsExtras, image: urlOnly }),
  'rcs/video': leaf('rcs', 'video', { ...rcsExtras, video: urlOnly }),
  'rcs/file': leaf('rcs', 'file', { ...rcsExtras, file: urlOnly }),
  'rcs/card': leaf('rcs', 'card', { ...rcsExtras, rcs: rcsOptions.card.optional(), card: rcsCard }),
  'rcs/carousel': leaf('rcs', 'carousel', {
    ...rcsExtras,
    rcs: rcsOptions.carousel.optional(),
    carousel: rcsCarousel,
    suggestions: messageSuggestions.optional(),
  }),
  'rcs/custom': leaf('rcs', 'custom', { ...rcsExtras, custom: freeForm }),
  'whatsapp/text': leaf('whatsapp', 'text', { ...waExtras, ...text }),
  'whatsapp/image': leaf('whatsapp', 'image', { ...waExtras, image: urlWithCaption }),
  'whatsapp/audio': leaf('whatsapp', 'audio', {
    ...waExtras,
    audio: z.strictObject({ url: httpUrl.min(10).max(2000) }),
  }),
  'whatsapp/video': leaf('whatsapp', 'video', {
    ...waExtras,
    video: z.strictObject({ url: httpUrl, caption: z.string().min(1).optional() }),
  }),
  'whatsapp/file': leaf('whatsapp', 'file', {
    ...waExtras,
    file: z.strictObject({ url: httpUrl, caption: z.string().min(1).optional(), name: z.string().min(1).optional() }),
  }),
  'whatsapp/template': leaf('whatsapp', 'template', {
    ...waExtras,
    template: z.strictObject({ name: z.string().min(1), parameters: z.array(z.string()).optional() }),
    whatsapp: z.strictObject({ policy: z.enum(['deterministic']).optional(), locale: z.string().min(2) }),
  }),
  'whatsapp/sticker': leaf('whatsapp', 'sticker', { ...waExtras, sticker: stickerObject }),
  'whatsapp/reaction': leaf('whatsapp', 'reaction', { context: whatsappContext, reaction: reactionObject }),
  'whatsapp/custom': leaf('whatsapp', 'custom', { ...waExtras, custom: freeForm }),
  'messenger/text': leaf('messenger', 'text', { ...messengerExtras, ...text }),
  'messenger/image': leaf('messenger', 'image', { ...messengerExtras, image: urlOnly }),
  'messenger/audio': leaf('messenger', 'audio', {
    ...messengerExtras,
    audio: z.strictObject({ url: httpUrl.min(10).max(2000) }),
  }),
  'messenger/video': leaf('messenger', 'video', { ...messengerExtras, video: urlOnly }),
  'messenger/file': leaf('messenger', 'file', { ...messengerExtras, file: urlOnly }),
  'viber_service/text': leaf('viber_service', 'text', { ...viberExtras, ...text }),
  'viber_service/image': leaf('viber_service', 'image', {
    ...viberExtras,
    image: z.strictObject({ url: httpUrl, caption: z.string().min(1).optional() }),
  }),
  // Spec defect: the spec requires duration/file_size inside `video`, but defines
  // them (and Vonage reads them) under viber_service. We require them there and
  // tolerate stray copies in `video` with a warning (see warnings.ts).
  'viber_service/video': leaf('viber_service', 'video', {
    viber_service: viberVideoOptions,
    video: z.strictObject({
      url: httpUrl,
      thumb_url: httpUrl.max(1000),
      caption: z.string().min(1).optional(),
      duration: z.unknown().optional(),
      file_size: z.unknown().optional(),
    }),
  }),
  'viber_service/file': leaf('viber_service', 'file', {
    viber_service: z.strictObject(viberBase).optional(),
    file: z.strictObject({ url: httpUrl, name: z.string().min(1).max(25).optional() }),
  }),
  'email/text': leaf('email', 'text', { ...emailExtras, ...text }),
  'email/html': leaf('email', 'html', { ...emailExtras, html: emailHtml }),
  'email/content': leaf('email', 'content', { ...emailExtras, content: emailContent }),
} as const;

export type V1RequestKey = keyof typeof v1RequestSchemas;

/**
 * Fields every v1 channel shares, one schema per channel built once: zod
 * generates an object's parser on its first use, so a schema built per call
 * cost half a millisecond per payload with an unknown message_type.
 */
const commonSchemas = {} as Record<V1Channel, z.ZodType>;
for (const channel of v1Channels) {
  const { message_type: _messageType, ...shape } = common(channel, '');
  commonSchemas[channel] = z.looseObject(shape);
}

/** Fields every v1 channel shares, used when message_type is missing or unknown. */
export function v1CommonSchema(channel: V1Channel): z.ZodType {
  return commonSchemas[channel];
}
