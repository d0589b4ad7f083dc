import { classifyWebhookBody } from '../src-main/webhooks/classify';
import type { NewWebhookRecord } from '../src-main/webhooks/event-types';

/** A status webhook as the receiver would have recorded it, for filling a store directly. */
export function storedWebhookRecord(
  body: string,
  receivedAt: number,
  verdict: NewWebhookRecord['verdict'],
  path = '/webhooks/status',
): NewWebhookRecord {
  return {
    receivedAt,
    method: 'POST',
    path,
    query: '',
    headers: { 'content-type': 'application/json' },
    remoteAddress: '127.0.0.1',
    rawBody: Buffer.from(body),
    bytesReceived: body.length,
    bodyText: body,
    bodyIsJson: true,
    bodyTooDeep: false,
    parseError: null,
    truncated: false,
    classification: classifyWebhookBody(JSON.parse(body)),
    verdict,
    verdictReason: 'bench',
    answerStatus: 200,
  };
}
