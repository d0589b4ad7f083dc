/**
 * The receiver's view of a body: the message model's classification (status or
 * inbound, version, channel, type, status, error code, ids) plus the two
 * addresses the timeline and threads need. Never throws.
 */
import { classifyWebhook } from '../../src-shared/messages';
import type { WebhookClassification } from './event-types';

export function classifyWebhookBody(body: unknown): WebhookClassification {
  // Only the placement is kept: the schema check would cost the answer path and be thrown away.
  const model = classifyWebhook(body, { checkShape: false });
  const record = isRecord(body) ? body : {};
  return {
    kind: model.kind,
    apiVersion: model.version,
    channel: model.channel,
    messageType: model.message_type,
    status: model.status,
    errorCode: model.errorCode === null ? null : String(model.errorCode),
    messageUuid: model.message_uuid,
    clientRef: model.client_ref,
    from: addressOf(record.from),
    to: addressOf(record.to),
  };
}

/** v1 addresses are strings; v0.1 ones are `{ type, number | id }`. */
function addressOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return null;
  const address = value.number ?? value.id;
  return typeof address === 'string' || typeof address === 'number' ? String(address) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
