import crypto from 'node:crypto';

/**
 * The problem bodies the emulator answers with, shaped like the Messages API's
 * RFC 7807-style errors (`type`, `title`, `detail`, `instance`, and for 422s
 * `invalid_parameters`); answer-headers.ts picks their content type.
 *
 * Type URLs: we use the ones the v1 OpenAPI spec (1.11.0) shows in its
 * examples; 1.20.0 shows only a generic `…/api-errors` for 402/404/429/500,
 * which says less, so the specific ones stay,
 * spelled exactly (including Vonage's "unathorized" anchor), because those are
 * what a client sees from the real API and what the workbench's error
 * catalogue keys its explanations on. Their anchors do not match the numeric
 * codes of the same titles (#1150 "Invalid params" is code 1020 in status
 * webhooks); the catalogue names each twin, so we keep the URLs as sent.
 * v0.1 has a single 400 problem (nexmo.com InvalidParams) that names no field.
 */

const DOCS = 'https://developer.vonage.com/api-errors';

export const problemTypes = {
  unauthorized: `${DOCS}/#unathorized`,
  unprovisioned: `${DOCS}/#unprovisioned`,
  invalidJson: `${DOCS}#invalid-json`,
  channel: `${DOCS}/messages#1100`,
  channelParams: `${DOCS}/messages#1110`,
  sender: `${DOCS}/messages#1120`,
  recipient: `${DOCS}/messages#110`,
  messageType: `${DOCS}/messages#1140`,
  params: `${DOCS}/messages#1150`,
  clientReference: `${DOCS}/messages#1060`,
  lowBalance: `${DOCS}/#low-balance`,
  notFound: `${DOCS}#not-found`,
  throttled: `${DOCS}/messages#1000`,
  internal: `${DOCS}/messages#1000`,
  v01InvalidParams: 'https://www.nexmo.com/messages/Errors#InvalidParams',
} as const;

export interface InvalidParameter {
  name: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  detail: string;
  instance: string;
  invalid_parameters?: InvalidParameter[];
}

/** An HTTP answer the emulator sends: status plus a problem body. */
export interface ProblemAnswer {
  status: number;
  body: Problem;
}

/** A trace id like Vonage's: 32 lowercase hex digits. */
export function newInstanceId(): string {
  return crypto.randomBytes(16).toString('hex');
}

function answer(
  status: number,
  type: string,
  title: string,
  detail: string,
  invalid?: InvalidParameter[],
): ProblemAnswer {
  const body: Problem = { type, title, detail, instance: newInstanceId() };
  if (invalid !== undefined) body.invalid_parameters = invalid;
  return { status, body };
}

// Titles keep Vonage's own spelling ("crendentials"): clients may match on them.
export const problems = {
  missingCredentials: () =>
    answer(
      401,
      problemTypes.unauthorized,
      'You did not provide correct credentials.',
      'Check that you are using the correct credentials, and that your account has this feature enabled',
    ),
  wrongApplication: () =>
    answer(
      401,
      problemTypes.unprovisioned,
      'The crendentials provided do not have access to the requested product',
      'Check that your API key is correct and has been whitelisted',
    ),
  invalidJson: (status: 422 | 400, parserMessage: string) =>
    answer(status, problemTypes.invalidJson, 'The request body did not contain valid JSON', parserMessage),
  notFound: (messageUuid: string) =>
    answer(404, problemTypes.notFound, 'Not Found', `External Id not found for message ${messageUuid}.`),
  throttled: () => answer(429, problemTypes.throttled, 'Rate Limit Hit', 'Please wait, then retry your request'),
  internal: () =>
    answer(500, problemTypes.internal, 'Internal error', 'There was an error processing your request in the Platform.'),
  lowBalance: () =>
    answer(
      402,
      problemTypes.lowBalance,
      'Low balance',
      'This request could not be performed due to your account balance being low.',
    ),
  v01Invalid: () =>
    answer(400, problemTypes.v01InvalidParams, 'Invalid Parameters', 'Your request parameters did not validate.'),
  routeNotFound: (method: string, path: string) =>
    answer(
      404,
      problemTypes.notFound,
      'Not Found',
      `The emulator has no ${method} ${path}; it serves POST /v1/messages, PATCH /v1/messages/{message_uuid} and POST /v0.1/messages.`,
    ),
  bodyTooLarge: (limit: number) =>
    answer(413, problemTypes.params, 'Payload Too Large', `The emulator reads request bodies up to ${limit} bytes.`),
  validation: (status: 422, type: string, title: string, detail: string, invalid: InvalidParameter[]) =>
    answer(status, type, title, detail, invalid),
};
