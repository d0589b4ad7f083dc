import { envelope, envelopeRequired, type CombinationFacts, type Payload } from './facts';

const wa = (type: string, body: Payload, to = '5511987650000'): Payload => ({
  ...envelope('whatsapp', type, to, '5511912340000'),
  ...body,
});
const quoted = { context: { message_uuid: '0f1e2d3c-4b5a-4697-8877-665544332211' } };
const files = 'https://files.example.com.br';
/** A business-scoped user id, as WhatsApp gives users who picked a username. */
const bsuid = 'BR.90817263544536271809';

export const whatsappFacts: CombinationFacts[] = [
  {
    channel: 'whatsapp',
    messageType: 'text',
    valid: [
      wa('text', { text: 'Olá! Seu pedido saiu para entrega.' }),
      wa('text', { text: 'Obrigado!', ...quoted }, bsuid),
      wa('text', { text: 'Oi' }, '447700900030'),
    ],
    required: [...envelopeRequired, '/text'],
    refused: [
      { pointer: '/to', value: 'BR.9081-7263', code: 'INVALID_FORMAT' },
      { pointer: '/to', value: 'someone', code: 'INVALID_FORMAT' },
      { pointer: '/context', value: {}, code: 'REQUIRED', at: '/context/message_uuid' },
    ],
  },
  {
    channel: 'whatsapp',
    messageType: 'image',
    valid: [
      wa('image', { image: { url: `${files}/nota.jpeg` } }),
      wa('image', { image: { url: `${files}/nota.png`, caption: 'Nota fiscal' }, ...quoted }, bsuid),
    ],
    required: [...envelopeRequired, '/image', '/image/url'],
  },
  {
    channel: 'whatsapp',
    messageType: 'audio',
    valid: [wa('audio', { audio: { url: `${files}/voz.opus` }, ...quoted })],
    required: [...envelopeRequired, '/audio', '/audio/url'],
  },
  {
    channel: 'whatsapp',
    messageType: 'video',
    valid: [
      wa('video', { video: { url: `${files}/demo.mp4` } }),
      wa('video', { video: { url: `${files}/demo.3gpp`, caption: 'Demo' } }),
    ],
    required: [...envelopeRequired, '/video', '/video/url'],
  },
  {
    channel: 'whatsapp',
    messageType: 'file',
    valid: [wa('file', { file: { url: `${files}/boleto.pdf`, caption: 'Boleto', name: 'boleto.pdf' } })],
    required: [...envelopeRequired, '/file', '/file/url'],
  },
  {
    channel: 'whatsapp',
    messageType: 'template',
    valid: [
      wa('template', { template: { name: 'loja:entrega' }, whatsapp: { locale: 'pt_BR' } }),
      wa(
        'template',
        {
          template: { name: 'loja:codigo', parameters: ['123456'] },
          whatsapp: { locale: 'pt_BR', policy: 'deterministic' },
        },
        bsuid,
      ),
    ],
    required: [...envelopeRequired, '/template', '/template/name', '/whatsapp', '/whatsapp/locale'],
    refused: [{ pointer: '/whatsapp/policy', value: 'fallback', code: 'NOT_ALLOWED_VALUE' }],
  },
  {
    channel: 'whatsapp',
    messageType: 'sticker',
    valid: [wa('sticker', { sticker: { url: `${files}/joinha.webp` } })],
    required: [...envelopeRequired, '/sticker'],
  },
  {
    channel: 'whatsapp',
    messageType: 'reaction',
    valid: [
      wa('reaction', { reaction: { action: 'react', emoji: '❤️' }, ...quoted }),
      wa('reaction', { reaction: { action: 'unreact' }, ...quoted }),
    ],
    required: [
      ...envelopeRequired,
      '/reaction',
      '/reaction/action',
      '/reaction/emoji',
      '/context',
      '/context/message_uuid',
    ],
  },
  {
    channel: 'whatsapp',
    messageType: 'custom',
    valid: [
      wa(
        'custom',
        { custom: { type: 'interactive', interactive: { type: 'button', body: { text: 'Confirma?' } } } },
        bsuid,
      ),
    ],
    required: [...envelopeRequired, '/custom'],
  },
];
