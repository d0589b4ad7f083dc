import { envelope, envelopeRequired, type CombinationFacts } from './facts';

const smsTo = '447700900010';
const sms = (body: Record<string, unknown>) => ({ ...envelope('sms', 'text', smsTo, 'AcmeBank'), ...body });
const mms = (type: string, body: Record<string, unknown>) => ({
  ...envelope('mms', type, '12015550123', '12015550100'),
  ...body,
});
const group = { mms: { participants: ['12015550124', '12015550125'] }, trusted_recipient: false };

export const smsFacts: CombinationFacts[] = [
  {
    channel: 'sms',
    messageType: 'text',
    valid: [
      sms({ text: 'Your one-time code is 482913' }),
      sms({
        text: 'Sale ends tonight',
        ttl: 20,
        sms: { encoding_type: 'text', pool_id: 'a1b2c3' },
        trusted_recipient: true,
      }),
      sms({
        text: 'Reminder: appointment at 10:00',
        ttl: 604_800,
        sms: { entity_id: 'E-1', content_id: 'C-1' },
        client_ref: 'rem-7',
      }),
    ],
    required: [...envelopeRequired, '/text'],
    accepted: [{ pointer: '/text', value: 'x'.repeat(3200) }],
    refused: [
      { pointer: '/text', value: 'x'.repeat(3201), code: 'TOO_LONG' },
      { pointer: '/ttl', value: 19, code: 'OUT_OF_RANGE' },
      { pointer: '/ttl', value: 604_801, code: 'OUT_OF_RANGE' },
      { pointer: '/trusted_recipient', value: 'yes', code: 'WRONG_TYPE' },
      { pointer: '/sms/pool_id', value: '', code: 'TOO_SHORT' },
      { pointer: '/trusted_sender', value: 'no', code: 'WRONG_TYPE' },
    ],
  },
];

export const mmsFacts: CombinationFacts[] = [
  {
    channel: 'mms',
    messageType: 'text',
    valid: [
      mms('text', { text: 'Group dinner at 8?' }),
      mms('text', { text: 'Group dinner at 8?', ...group, ttl: 300 }),
    ],
    required: [...envelopeRequired, '/text'],
    refused: [
      { pointer: '/ttl', value: 299, code: 'OUT_OF_RANGE' },
      { pointer: '/mms/participants', value: ['not a number'], code: 'INVALID_FORMAT', at: '/mms/participants/0' },
    ],
  },
  {
    channel: 'mms',
    messageType: 'image',
    valid: [
      mms('image', { image: { url: 'https://cdn.example.net/a.png' } }),
      mms('image', { image: { url: 'https://cdn.example.net/a.gif', caption: 'Look' }, ...group }),
    ],
    required: [...envelopeRequired, '/image', '/image/url'],
  },
  {
    channel: 'mms',
    messageType: 'vcard',
    valid: [
      mms('vcard', { vcard: { url: 'https://cdn.example.net/card.vcf' } }),
      mms('vcard', { vcard: { url: 'https://cdn.example.net/card.vcf', caption: 'Me' }, ...group }),
    ],
    required: [...envelopeRequired, '/vcard', '/vcard/url'],
  },
  {
    channel: 'mms',
    messageType: 'audio',
    valid: [
      mms('audio', { audio: { url: 'https://cdn.example.net/tune.wav' } }),
      mms('audio', { audio: { url: 'https://cdn.example.net/tune.mp3', caption: 'Hear' }, ...group }),
    ],
    required: [...envelopeRequired, '/audio', '/audio/url'],
  },
  {
    channel: 'mms',
    messageType: 'video',
    valid: [
      mms('video', { video: { url: 'https://cdn.example.net/v.mp4' } }),
      mms('video', { video: { url: 'https://cdn.example.net/v.avi', caption: 'Watch' }, ...group }),
    ],
    required: [...envelopeRequired, '/video', '/video/url'],
  },
  {
    channel: 'mms',
    messageType: 'file',
    valid: [
      mms('file', { file: { url: 'https://cdn.example.net/f.pdf' } }),
      mms('file', { file: { url: 'https://cdn.example.net/f.pdf', caption: 'Read' }, ...group }),
    ],
    required: [...envelopeRequired, '/file', '/file/url'],
  },
  {
    channel: 'mms',
    messageType: 'content',
    valid: [
      mms('content', { content: [{ type: 'file', url: 'https://cdn.example.net/f.pdf' }] }),
      mms('content', {
        content: [
          { type: 'image', url: 'https://cdn.example.net/a.png', caption: 'One' },
          { type: 'audio', url: 'https://cdn.example.net/t.mp3' },
        ],
        ...group,
      }),
    ],
    required: [...envelopeRequired, '/content', '/content/0/type', '/content/0/url'],
  },
];
