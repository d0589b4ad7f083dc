import {
  commonOptional,
  CONTEXT,
  MEDIA,
  messenger,
  mms,
  rcs,
  rcsFull,
  sms,
  viber,
  whatsapp,
  type Json,
} from './template-parts';
import { everySuggestionKind, richPairs } from './templates-v1-rich';
import type { V1RequestKey } from './v1-request';

/**
 * Starting points for the builder: for each of the 36 v1 combinations a
 * minimal payload (required fields only) and a full one (every optional
 * field), both valid with no warning.
 */

const mmsMedia = (type: string, file: string) => ({
  minimal: mms(type, { [type]: { url: `${MEDIA}/${file}` } }),
  full: mms(type, { [type]: { url: `${MEDIA}/${file}`, caption: `A ${type} for you` }, ...mmsFull }),
});
const mmsFull = { ttl: 600, trusted_recipient: true, mms: { participants: ['447700900002', '447700900003'] } };
const rcsStandard = { ...rcsFull, rcs: { category: 'transaction' } };
const messengerFull = { messenger: { category: 'message_tag', tag: 'ACCOUNT_UPDATE' } };
const viberFull = { category: 'transaction', ttl: 600, type: 'template' };

const pairs: Record<V1RequestKey, { minimal: Json; full: Json }> = {
  'sms/text': {
    minimal: sms({ text: 'Hello from Vonage' }),
    full: sms({
      text: 'Hello from Vonage',
      ttl: 90_000,
      trusted_recipient: true,
      sms: {
        encoding_type: 'auto',
        content_id: '1107457532145798767',
        entity_id: '1101456324675322134',
        pool_id: 'pool-uk-1',
      },
    }),
  },
  'mms/text': {
    minimal: mms('text', { text: 'Hello from Vonage' }),
    full: mms('text', { text: 'Hello from Vonage', ...mmsFull }),
  },
  'mms/image': mmsMedia('image', 'picture.jpg'),
  'mms/vcard': mmsMedia('vcard', 'contact.vcf'),
  'mms/audio': mmsMedia('audio', 'sound.mp3'),
  'mms/video': mmsMedia('video', 'clip.mp4'),
  'mms/file': mmsMedia('file', 'document.pdf'),
  'mms/content': {
    minimal: mms('content', { content: [{ type: 'image', url: `${MEDIA}/picture.jpg` }] }),
    full: mms('content', {
      content: [
        { type: 'image', url: `${MEDIA}/picture.jpg`, caption: 'The picture' },
        { type: 'vcard', url: `${MEDIA}/contact.vcf`, caption: 'Our contact card' },
      ],
      ...mmsFull,
    }),
  },
  'rcs/text': {
    minimal: rcs('text', { text: 'Hello from Vonage' }),
    full: rcs('text', { text: 'Hello from Vonage', suggestions: everySuggestionKind, ...rcsStandard }),
  },
  'rcs/image': {
    minimal: rcs('image', { image: { url: `${MEDIA}/picture.jpg` } }),
    full: rcs('image', { image: { url: `${MEDIA}/picture.jpg` }, ...rcsStandard }),
  },
  'rcs/video': {
    minimal: rcs('video', { video: { url: `${MEDIA}/clip.mp4` } }),
    full: rcs('video', { video: { url: `${MEDIA}/clip.mp4` }, ...rcsStandard }),
  },
  'rcs/file': {
    minimal: rcs('file', { file: { url: `${MEDIA}/document.pdf` } }),
    full: rcs('file', { file: { url: `${MEDIA}/document.pdf` }, ...rcsStandard }),
  },
  'rcs/custom': {
    minimal: rcs('custom', { custom: { contentMessage: { text: 'Hello from Vonage' } } }),
    full: rcs('custom', {
      custom: { contentMessage: { text: 'Pick one', suggestions: [{ reply: { text: 'Yes', postbackData: 'yes' } }] } },
      ...rcsStandard,
    }),
  },
  'whatsapp/text': {
    minimal: whatsapp('text', { text: 'Hello from Vonage' }),
    // A business-scoped user id, as 1.20.0 allows for users who chose a WhatsApp username.
    full: whatsapp('text', { text: 'Hello from Vonage', to: 'US.13491208655302741918', context: CONTEXT }),
  },
  'whatsapp/image': {
    minimal: whatsapp('image', { image: { url: `${MEDIA}/picture.jpg` } }),
    full: whatsapp('image', { image: { url: `${MEDIA}/picture.jpg`, caption: 'The picture' }, context: CONTEXT }),
  },
  'whatsapp/audio': {
    minimal: whatsapp('audio', { audio: { url: `${MEDIA}/sound.mp3` } }),
    full: whatsapp('audio', { audio: { url: `${MEDIA}/sound.mp3` }, context: CONTEXT }),
  },
  'whatsapp/video': {
    minimal: whatsapp('video', { video: { url: `${MEDIA}/clip.mp4` } }),
    full: whatsapp('video', { video: { url: `${MEDIA}/clip.mp4`, caption: 'The clip' }, context: CONTEXT }),
  },
  'whatsapp/file': {
    minimal: whatsapp('file', { file: { url: `${MEDIA}/document.pdf` } }),
    full: whatsapp('file', {
      file: { url: `${MEDIA}/document.pdf`, caption: 'Your invoice', name: 'invoice.pdf' },
      context: CONTEXT,
    }),
  },
  'whatsapp/template': {
    minimal: whatsapp('template', { template: { name: 'my_namespace:welcome' }, whatsapp: { locale: 'en_GB' } }),
    full: whatsapp('template', {
      template: { name: 'my_namespace:order_ready', parameters: ['Daisy', '12345'] },
      whatsapp: { policy: 'deterministic', locale: 'en_GB' },
      context: CONTEXT,
    }),
  },
  'whatsapp/sticker': {
    minimal: whatsapp('sticker', { sticker: { url: `${MEDIA}/sticker.webp` } }),
    full: whatsapp('sticker', { sticker: { url: `${MEDIA}/sticker.webp` }, context: CONTEXT }),
  },
  'whatsapp/reaction': {
    minimal: whatsapp('reaction', { reaction: { action: 'unreact' }, context: CONTEXT }),
    full: whatsapp('reaction', { reaction: { action: 'react', emoji: '👍' }, context: CONTEXT }),
  },
  'whatsapp/custom': {
    minimal: whatsapp('custom', { custom: { type: 'location', location: { latitude: 51.5, longitude: -0.12 } } }),
    full: whatsapp('custom', {
      custom: {
        type: 'location',
        location: { latitude: 51.5, longitude: -0.12, name: 'Office', address: '1 Example Street' },
      },
      context: CONTEXT,
    }),
  },
  'messenger/text': {
    minimal: messenger('text', { text: 'Hello from Vonage' }),
    full: messenger('text', { text: 'Hello from Vonage', ...messengerFull }),
  },
  'messenger/image': {
    minimal: messenger('image', { image: { url: `${MEDIA}/picture.jpg` } }),
    full: messenger('image', { image: { url: `${MEDIA}/picture.jpg` }, ...messengerFull }),
  },
  'messenger/audio': {
    minimal: messenger('audio', { audio: { url: `${MEDIA}/sound.mp3` } }),
    full: messenger('audio', { audio: { url: `${MEDIA}/sound.mp3` }, ...messengerFull }),
  },
  'messenger/video': {
    minimal: messenger('video', { video: { url: `${MEDIA}/clip.mp4` } }),
    full: messenger('video', { video: { url: `${MEDIA}/clip.mp4` }, ...messengerFull }),
  },
  'messenger/file': {
    minimal: messenger('file', { file: { url: `${MEDIA}/document.pdf` } }),
    full: messenger('file', { file: { url: `${MEDIA}/document.pdf` }, ...messengerFull }),
  },
  'viber_service/text': {
    minimal: viber('text', { text: 'Hello from Vonage' }),
    full: viber('text', {
      text: 'Hello from Vonage',
      viber_service: { ...viberFull, action: { url: 'https://example.com/offer', text: 'See the offer' } },
    }),
  },
  'viber_service/image': {
    minimal: viber('image', { image: { url: `${MEDIA}/picture.jpg` } }),
    full: viber('image', {
      image: { url: `${MEDIA}/picture.jpg`, caption: 'The picture' },
      viber_service: { ...viberFull, action: { url: 'https://example.com/offer', text: 'See the offer' } },
    }),
  },
  'viber_service/video': {
    minimal: viber('video', {
      video: { url: `${MEDIA}/clip.mp4`, thumb_url: `${MEDIA}/thumb.jpg` },
      viber_service: { duration: '30', file_size: '5' },
    }),
    full: viber('video', {
      video: { url: `${MEDIA}/clip.mp4`, thumb_url: `${MEDIA}/thumb.jpg`, caption: 'The clip' },
      viber_service: { ...viberFull, duration: '30', file_size: '5' },
    }),
  },
  'viber_service/file': {
    minimal: viber('file', { file: { url: `${MEDIA}/document.pdf` } }),
    full: viber('file', { file: { url: `${MEDIA}/document.pdf`, name: 'invoice.pdf' }, viber_service: viberFull }),
  },
  ...richPairs,
};

/** The minimal and full v1 payloads of every combination, common optional fields included in the full one. */
export const v1Templates: Record<V1RequestKey, { minimal: Json; full: Json }> = Object.fromEntries(
  Object.entries(pairs).map(([key, pair]) => {
    return [key, { minimal: pair.minimal, full: { ...pair.full, ...commonOptional } }];
  }),
) as Record<V1RequestKey, { minimal: Json; full: Json }>;
