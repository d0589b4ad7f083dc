/** Webhook bodies shaped like Vonage's (see the v1 and v0.1 webhook schemas), and a store record of one. */
import { classifyWebhookBody } from '../../src-main/webhooks/classify';
import type { NewWebhookRecord } from '../../src-main/webhooks/event-types';

export const messageUuid = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';

export function v1Status(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    message_uuid: messageUuid,
    to: '447700900000',
    from: '447700900001',
    timestamp: '2025-02-03T12:14:25Z',
    status: 'delivered',
    channel: 'sms',
    client_ref: 'order-42',
    usage: { currency: 'EUR', price: '0.0333' },
    ...overrides,
  };
}

export function v1Inbound(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'whatsapp',
    message_uuid: 'bbbbbbbb-bbbb-4ccc-8ddd-0123456789ab',
    to: '447700900001',
    from: '447700900000',
    timestamp: '2025-02-03T12:15:00Z',
    message_type: 'text',
    text: 'yes please',
    context_status: 'none',
    ...overrides,
  };
}

export function v01RejectedStatus(): Record<string, unknown> {
  return {
    message_uuid: messageUuid,
    to: { type: 'whatsapp', number: '447700900000' },
    from: { type: 'whatsapp', number: '447700900001' },
    timestamp: '2020-01-01T14:00:00.000Z',
    status: 'rejected',
    error: { code: 1300, reason: 'Not part of the provider network' },
  };
}

/** What the receiver hands the store for an unsigned JSON webhook posted to the status path. */
export function storedRecord(body: Record<string, unknown>, receivedAt = Date.now()): NewWebhookRecord {
  const text = JSON.stringify(body);
  return {
    receivedAt,
    method: 'POST',
    path: '/webhooks/status',
    query: '',
    headers: { 'content-type': 'application/json' },
    remoteAddress: '127.0.0.1',
    rawBody: Buffer.from(text),
    bytesReceived: text.length,
    bodyText: text,
    bodyIsJson: true,
    bodyTooDeep: false,
    parseError: null,
    truncated: false,
    classification: classifyWebhookBody(body),
    verdict: 'unsigned',
    verdictReason: 'No Authorization header: the webhook is not signed.',
    answerStatus: 200,
  };
}
