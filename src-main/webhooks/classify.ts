/**
 * A small body-based classifier: is this a status or an inbound webhook, and
 * which message does it concern? It reads only what it needs and never throws.
 * The full model lives in src-shared/messages; swap it in behind
 * `classifyWebhookBody` without touching the receiver or the store.
 */
import type { WebhookClassification } from './event-types';

const nothing: WebhookClassification = {
  kind: 'unknown',
  apiVersion: null,
  channel: null,
  messageType: null,
  status: null,
  errorCode: null,
  messageUuid: null,
  clientRef: null,
  from: null,
  to: null,
};

export function classifyWebhookBody(body: unknown): WebhookClassification {
  if (!isRecord(body)) return nothing;
  const isV1 = typeof body.channel === 'string';
  const isV01 = !isV1 && (isRecord(body.to) || isRecord(body.from));
  const apiVersion = isV1 ? 'v1' : isV01 ? 'v0.1' : null;
  const content = isRecord(body.message) && isRecord(body.message.content) ? body.message.content : undefined;

  let kind: WebhookClassification['kind'] = 'unknown';
  if (typeof body.status === 'string') kind = 'status';
  else if (typeof body.message_type === 'string' || typeof body.text === 'string' || content) kind = 'inbound';

  return {
    kind,
    apiVersion,
    channel: isV1 ? text(body.channel) : addressField(body.from, 'type') ?? addressField(body.to, 'type'),
    messageType: kind === 'inbound' ? messageTypeOf(body, content) : null,
    status: text(body.status),
    errorCode: errorCodeOf(body.error),
    messageUuid: text(body.message_uuid),
    clientRef: text(body.client_ref),
    from: addressOf(body.from),
    to: addressOf(body.to),
  };
}

function messageTypeOf(body: Record<string, unknown>, content: Record<string, unknown> | undefined): string | null {
  if (typeof body.message_type === 'string') return body.message_type;
  if (content) return text(content.type);
  // v1 SMS inbound has no message_type, only text.
  return typeof body.text === 'string' ? 'text' : null;
}

function errorCodeOf(error: unknown): string | null {
  if (!isRecord(error)) return null;
  // v1 puts the code in `title` as a string; v0.1 uses an integer `code`.
  return text(error.code) ?? text(error.title);
}

/** v1 addresses are strings; v0.1 ones are `{ type, number | id }`. */
function addressOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return addressField(value, 'number') ?? addressField(value, 'id');
}

function addressField(value: unknown, field: string): string | null {
  return isRecord(value) ? text(value[field]) : null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
