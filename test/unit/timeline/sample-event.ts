import type { WebhookEvent } from '../../../src-shared/webhook-events';

/** A stored status webhook as the contract carries it, with any field replaced. */
export function sampleEvent(overrides: Partial<WebhookEvent> = {}): WebhookEvent {
  const bodyText = JSON.stringify({
    message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
    status: 'delivered',
    channel: 'sms',
  });
  return {
    id: 7,
    receivedAt: '2025-02-03T12:14:25.000Z',
    method: 'POST',
    path: '/webhooks/status',
    query: '',
    headers: {
      host: '127.0.0.1:4000',
      'content-type': 'application/json',
      'content-length': String(bodyText.length),
      authorization: 'Bearer abc',
    },
    remoteAddress: '127.0.0.1',
    bodySize: bodyText.length,
    bytesReceived: bodyText.length,
    bodyText,
    bodyJson: JSON.parse(bodyText),
    bodyTooDeep: false,
    parseError: null,
    truncated: false,
    kind: 'status',
    apiVersion: 'v1',
    channel: 'sms',
    messageType: null,
    status: 'delivered',
    errorCode: null,
    messageUuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
    clientRef: null,
    from: '447700900001',
    to: '447700900000',
    verdict: 'verified',
    verdictReason: 'signed with the configured secret',
    answerStatus: 200,
    forward: null,
    ...overrides,
  };
}
