import { envelope, envelopeRequired, type CombinationFacts, type Payload } from './facts';

const mail = (type: string, body: Payload): Payload => ({
  ...envelope('email', type, 'grace@example.net', 'no-reply@shop.example.net'),
  ...body,
});
const subject = { subject: 'Receipt 1042' };
const everyOption = {
  ...subject,
  to_name: 'Grace Hopper',
  from_name: 'Shop',
  importance: 'High',
  priority: 'Urgent',
  sensitivity: 'Company-Confidential',
  cc: [{ address: 'finance@example.net', name: 'Finance' }, { address: 'ops@example.net' }],
  bcc: [{ address: 'audit@example.net', name: 'Audit' }],
};

export const emailFacts: CombinationFacts[] = [
  {
    channel: 'email',
    messageType: 'text',
    valid: [
      mail('text', { text: 'Thank you for your order.', email: subject }),
      mail('text', { text: 'Thank you.', email: everyOption, client_ref: 'r-1042', webhook_version: 'v1' }),
    ],
    required: [...envelopeRequired, '/text', '/email', '/email/subject', '/email/cc/0/address', '/email/bcc/0/address'],
    refused: [
      { pointer: '/to', value: 'grace at example', code: 'INVALID_FORMAT' },
      { pointer: '/email/to_name', value: 'x'.repeat(101), code: 'TOO_LONG' },
      { pointer: '/email/importance', value: 'high', code: 'NOT_ALLOWED_VALUE' },
      { pointer: '/email/cc', value: [{ address: 'nobody' }], code: 'INVALID_FORMAT', at: '/email/cc/0/address' },
    ],
  },
  {
    channel: 'email',
    messageType: 'html',
    valid: [
      mail('html', { html: { body: '<h1>Receipt</h1>' }, email: subject }),
      mail('html', { html: { body: '<p>Thanks</p>' }, email: everyOption }),
    ],
    required: [...envelopeRequired, '/html', '/html/body', '/email', '/email/subject'],
  },
  {
    channel: 'email',
    messageType: 'content',
    valid: [
      mail('content', { content: [{ type: 'html', body: '<p>Receipt</p>' }], email: subject }),
      mail('content', {
        content: [
          { type: 'text', text: 'Receipt' },
          { type: 'html', body: '<p>Receipt</p>' },
        ],
        email: everyOption,
      }),
    ],
    required: [
      ...envelopeRequired,
      '/content',
      '/content/0/type',
      '/content/0/body',
      '/content/0/text',
      '/content/1/body',
      '/email',
      '/email/subject',
    ],
    refused: [
      {
        pointer: '/content',
        value: [{ type: 'markdown', text: '*hi*' }],
        code: 'NOT_ALLOWED_VALUE',
        at: '/content/0/type',
      },
    ],
  },
];
