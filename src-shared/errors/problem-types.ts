import type { ErrorEntry } from './entry';

/**
 * The problem types of API responses (RFC 7807-style bodies) and the HTTP
 * statuses they come with. The 422 type URLs carry anchors that do not match
 * the numeric codes with the same titles (#1100 is "Unsupported channel"
 * here but "Communication Failed" as a status-webhook code), so each entry
 * names its numeric twin in `related`.
 */

const DOCS = 'https://developer.vonage.com/api-errors';

type Row = [
  key: string,
  status: number | undefined,
  title: string,
  temporary: boolean,
  explanation: string,
  next: string,
  related?: string[],
];

const rows: Row[] = [
  [
    `${DOCS}/#unathorized`,
    401,
    'Unauthorized',
    false,
    'No credentials, or wrong ones, came with the request (Vonage spells the anchor "unathorized").',
    'Check the API key and secret, or that the JWT is signed with the application private key and not expired.',
  ],
  [
    `${DOCS}/#unprovisioned`,
    401,
    'Credentials lack access',
    false,
    'The credentials are valid but not for this product, often an application without the Messages capability.',
    'Enable Messages on the application, or use credentials of an account that has it.',
  ],
  [
    `${DOCS}/#low-balance`,
    402,
    'Low balance',
    false,
    'The account balance is too low to send.',
    'Top up the account, then resend.',
  ],
  [
    `${DOCS}#invalid-json`,
    422,
    'Invalid JSON',
    false,
    'The body is not valid JSON; detail quotes the parser.',
    'Fix the JSON syntax (the builder marks the position).',
  ],
  [
    `${DOCS}/messages#1100`,
    422,
    'Unsupported channel',
    false,
    'The channel is not one the API knows.',
    'Use one of sms, mms, rcs, whatsapp, messenger, viber_service, email.',
    ['1400'],
  ],
  [
    `${DOCS}/messages#1110`,
    422,
    'Invalid channel parameters',
    false,
    'A channel option has a bad value; invalid_parameters names it.',
    'Fix the named option.',
    ['1410'],
  ],
  [
    `${DOCS}/messages#1120`,
    422,
    'Invalid sender',
    false,
    'The from value is not valid for this channel.',
    'Use a sender linked to the application for this channel.',
    ['1420'],
  ],
  [
    `${DOCS}/messages#110`,
    422,
    'Invalid recipient',
    false,
    'The to value is not valid for this channel.',
    'Send to in E.164 digits, or the platform user id.',
    ['1430'],
  ],
  [
    `${DOCS}/messages#1140`,
    422,
    'Invalid message type',
    false,
    'The message_type does not exist on this channel.',
    'Pick a message type the channel supports.',
    ['1440'],
  ],
  [
    `${DOCS}/messages#1150`,
    422,
    'Invalid params',
    false,
    'A message field is missing or wrong; invalid_parameters lists each one with the reason.',
    'Fix each listed field; validate in the builder first.',
    ['1020'],
  ],
  [
    `${DOCS}/messages#1060`,
    422,
    'Invalid client reference',
    false,
    'client_ref is too long.',
    'Shorten client_ref (100 characters in v1, 40 in v0.1).',
    ['1450'],
  ],
  [
    `${DOCS}#not-found`,
    404,
    'Not Found',
    false,
    'The message_uuid in the PATCH URL is unknown in that region.',
    'Use the _self.href of the inbound webhook, which carries the right regional host.',
  ],
  [
    '',
    422,
    'Operation not supported',
    false,
    'The PATCH asked for a change the message does not allow (Vonage sends this with an empty type).',
    'Only inbound WhatsApp messages can be marked read and only outbound RCS messages revoked.',
  ],
  [
    `${DOCS}/messages#1000`,
    429,
    'Rate Limit Hit',
    true,
    'Too many requests in a short time.',
    'Wait, then retry with backoff.',
    ['1000'],
  ],
  [
    `${DOCS}/messages#1000`,
    500,
    'Internal error',
    true,
    'Vonage failed to handle the request (the spec gives it the same type URL as 429).',
    'Retry later; report the instance id to Vonage if it persists.',
  ],
  // Spec 1.20.0 gives 402, 404, 429 and 500 one generic problem type; only the status tells them apart.
  [
    DOCS,
    undefined,
    'An error occurred',
    false,
    'The generic problem type of spec 1.20.0, used for low balance (402), unknown message (404), rate limit (429) and internal errors (500) alike.',
    'Read the HTTP status and the detail: top up on 402, check the URL and region on 404, back off on 429 (Retry-After says how long), retry later on 500.',
    ['402', '404', '429', '500'],
  ],
  [
    'https://www.nexmo.com/messages/Errors#InvalidParams',
    400,
    'Invalid Parameters (v0.1)',
    false,
    'v0.1 answers every validation failure with this single 400 problem, without naming the field.',
    'Validate the payload with --api v0.1 to find the field, or send with v1 for field-level errors.',
  ],
];

export const problemTypeEntries: ErrorEntry[] = rows.map(
  ([key, status, title, temporary, explanation, next, related]) => ({
    kind: 'problem-type',
    key,
    title,
    explanation,
    temporary,
    next,
    ...(status === undefined ? {} : { httpStatus: status }),
    ...(related ? { related } : {}),
  }),
);

export const httpStatusEntries: ErrorEntry[] = (
  [
    [
      400,
      'Bad Request (v0.1)',
      false,
      'v0.1 rejected the request as invalid.',
      'Validate the payload and fix the fields.',
    ],
    [
      401,
      'Unauthorized',
      false,
      'The credentials are missing, wrong, or lack access to Messages.',
      'Check the profile credentials; PATCH needs a JWT.',
    ],
    [402, 'Payment Required', false, 'The account balance is too low.', 'Top up the account.'],
    [
      404,
      'Not Found',
      false,
      'A PATCH named a message that region does not know (spec 1.20.0 lists 404 for sends too: a wrong path or host).',
      'Use the _self.href host from the inbound webhook; check the path is /v1/messages.',
    ],
    [
      422,
      'Unprocessable Entity',
      false,
      'The JSON parsed but a field, channel, sender or recipient is invalid.',
      'Read the problem type and invalid_parameters; fix and resend.',
    ],
    [
      429,
      'Too Many Requests',
      true,
      'Rate limit hit (the sandbox allows 1 message per second and 100 per month).',
      'Wait the seconds Retry-After gives (X-RateLimit-Reset says when the window reopens), then retry with backoff.',
    ],
    [500, 'Internal Server Error', true, 'Vonage failed on its side.', 'Retry later.'],
  ] as const
).map(([status, title, temporary, explanation, next]) => ({
  kind: 'http-status' as const,
  key: String(status),
  title,
  explanation,
  temporary,
  next,
  httpStatus: status,
}));

/**
 * A type URL in one canonical spelling: Vonage mixes developer.nexmo.com and
 * developer.vonage.com, and "/#" and "#".
 */
export function normalizeTypeUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^http:/, 'https:')
    .replace('developer.nexmo.com', 'developer.vonage.com')
    .replace(/\/#/, '#')
    .replace(/\/$/, '');
}
