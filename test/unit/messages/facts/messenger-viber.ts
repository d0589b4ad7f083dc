import { envelope, envelopeRequired, type CombinationFacts, type Payload } from './facts';

const fb = (type: string, body: Payload): Payload => ({
  ...envelope('messenger', type, '6021744312345678', '112233445566778'),
  ...body,
});
const viber = (type: string, body: Payload): Payload => ({
  ...envelope('viber_service', type, '380671234567', 'CoffeeBar'),
  ...body,
});
const host = 'https://media.example.ua';
const tagged = { messenger: { category: 'message_tag', tag: 'CONFIRMED_EVENT_UPDATE' } };

export const messengerFacts: CombinationFacts[] = [
  {
    channel: 'messenger',
    messageType: 'text',
    valid: [
      fb('text', { text: 'Thanks for your message!' }),
      fb('text', { text: 'The event starts at 7pm.', ...tagged }),
    ],
    required: [...envelopeRequired, '/text', '/messenger/tag'],
  },
  {
    channel: 'messenger',
    messageType: 'image',
    valid: [fb('image', { image: { url: 'https://m.example.com/p.gif' } })],
    required: [...envelopeRequired, '/image', '/image/url'],
  },
  {
    channel: 'messenger',
    messageType: 'audio',
    valid: [fb('audio', { audio: { url: 'https://m.example.com/a.mp3' }, messenger: { category: 'update' } })],
    required: [...envelopeRequired, '/audio', '/audio/url'],
  },
  {
    channel: 'messenger',
    messageType: 'video',
    valid: [fb('video', { video: { url: 'https://m.example.com/v.mp4' } })],
    required: [...envelopeRequired, '/video', '/video/url'],
  },
  {
    channel: 'messenger',
    messageType: 'file',
    valid: [fb('file', { file: { url: 'https://m.example.com/menu.zip' } })],
    required: [...envelopeRequired, '/file', '/file/url'],
  },
];

export const viberFacts: CombinationFacts[] = [
  {
    channel: 'viber_service',
    messageType: 'text',
    valid: [
      viber('text', { text: 'Coffee is ready' }),
      viber('text', {
        text: 'Happy hour!',
        viber_service: { category: 'promotion', ttl: 30, action: { url: 'https://bar.example.ua', text: 'Menu' } },
      }),
    ],
    required: [...envelopeRequired, '/text', '/viber_service/action/url', '/viber_service/action/text'],
    refused: [{ pointer: '/viber_service/ttl', value: 259_201, code: 'OUT_OF_RANGE' }],
  },
  {
    channel: 'viber_service',
    messageType: 'image',
    valid: [viber('image', { image: { url: `${host}/cup.jpg`, caption: 'Latte' } })],
    required: [...envelopeRequired, '/image', '/image/url'],
  },
  {
    channel: 'viber_service',
    messageType: 'video',
    valid: [
      viber('video', {
        video: { url: `${host}/pour.mp4`, thumb_url: `${host}/pour.jpg` },
        viber_service: { duration: '12', file_size: '3' },
      }),
    ],
    required: [
      ...envelopeRequired,
      '/video',
      '/video/url',
      '/video/thumb_url',
      '/viber_service',
      '/viber_service/duration',
      '/viber_service/file_size',
    ],
    refused: [{ pointer: '/viber_service/duration', value: '601', code: 'OUT_OF_RANGE' }],
  },
  {
    channel: 'viber_service',
    messageType: 'file',
    valid: [viber('file', { file: { url: `${host}/menu.xlsx`, name: 'menu.xlsx' } })],
    required: [...envelopeRequired, '/file', '/file/url'],
  },
];
