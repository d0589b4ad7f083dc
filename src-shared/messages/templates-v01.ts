import type { V01RequestKey } from './v01-request';

/**
 * Starting points for v0.1 payloads: a minimal and a full one per
 * combination, the same people and media as the v1 templates so a
 * conversion of one lands on the other.
 */

type Json = Record<string, unknown>;

const TO = '447700900000';
const FROM = '447700900001';
const MEDIA = 'https://example.com/media';
const MESSENGER_USER = '3997553136967935';
const MESSENGER_PAGE = '107083064136738';
const VIBER_SERVICE = '16273';

function addresses(channel: string): Json {
  switch (channel) {
    case 'messenger':
      return { to: { type: channel, id: MESSENGER_USER }, from: { type: channel, id: MESSENGER_PAGE } };
    case 'viber_service_msg':
      return { to: { type: channel, number: TO }, from: { type: channel, id: VIBER_SERVICE } };
    default:
      return { to: { type: channel, number: TO }, from: { type: channel, number: FROM } };
  }
}

function message(channel: string, content: Json, options: Json = {}, clientRef = false): Json {
  return {
    ...addresses(channel),
    message: { content, ...options },
    ...(clientRef ? { client_ref: 'order-1234' } : {}),
  };
}

const messengerOptions = { messenger: { category: 'message_tag', tag: 'ACCOUNT_UPDATE' } };
const viberOptions = { viber_service_msg: { category: 'transaction', ttl: 600, type: 'template' } };
const optionsOf: Record<string, Json> = { messenger: messengerOptions, viber_service_msg: viberOptions };

function pair(channel: string, content: Json, fullContent: Json = content, required: Json = {}) {
  return {
    minimal: message(channel, content, required),
    full: message(channel, fullContent, { ...(optionsOf[channel] ?? {}), ...required }, true),
  };
}

const text = { type: 'text', text: 'Hello from Vonage' };
const media = (type: string, file: string, caption?: string): Json => ({
  type,
  [type]: caption === undefined ? { url: `${MEDIA}/${file}` } : { url: `${MEDIA}/${file}`, caption },
});
const template = (parameters: boolean): Json => ({
  type: 'template',
  template: parameters
    ? { name: 'my_namespace:order_ready', parameters: ['Daisy', '12345'] }
    : { name: 'my_namespace:welcome' },
});

/** The minimal and full v0.1 payloads of every combination. */
export const v01Templates: Record<V01RequestKey, { minimal: Json; full: Json }> = {
  'sms/text': pair('sms', text),
  'mms/image': pair('mms', media('image', 'picture.jpg')),
  'whatsapp/text': pair('whatsapp', text),
  'whatsapp/template': {
    minimal: message('whatsapp', template(false), { whatsapp: { locale: 'en_GB' } }),
    full: message('whatsapp', template(true), { whatsapp: { policy: 'deterministic', locale: 'en_GB' } }, true),
  },
  'whatsapp/image': pair('whatsapp', media('image', 'picture.jpg'), media('image', 'picture.jpg', 'The picture')),
  'whatsapp/video': pair('whatsapp', media('video', 'clip.mp4')),
  'whatsapp/audio': pair('whatsapp', media('audio', 'sound.mp3')),
  'whatsapp/file': pair('whatsapp', media('file', 'document.pdf'), media('file', 'document.pdf', 'Your invoice')),
  'messenger/text': pair('messenger', text),
  'messenger/image': pair('messenger', media('image', 'picture.jpg')),
  'messenger/video': pair('messenger', media('video', 'clip.mp4')),
  'messenger/audio': pair('messenger', media('audio', 'sound.mp3')),
  'messenger/file': pair('messenger', media('file', 'document.pdf')),
  'viber_service_msg/text': pair('viber_service_msg', text),
  'viber_service_msg/image': pair('viber_service_msg', media('image', 'picture.jpg')),
  'viber_service_msg/template': pair('viber_service_msg', template(false), template(true)),
};
