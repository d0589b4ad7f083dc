/**
 * The one-line JSON form of a stored event, shared by `workbench listen`,
 * `workbench events` and the timeline's export, so `jq` sees one shape. Keys are
 * snake_case like the Vonage payloads they sit next to; `id` is on every line,
 * and `source: "team"` on an event from the team inbox (ids are per store).
 */
import type { WebhookEvent } from './event-types';

export function toEventJsonLine(event: WebhookEvent): Record<string, unknown> {
  return {
    id: event.id,
    ...(event.source === undefined ? {} : { source: event.source }),
    received_at: event.receivedAt,
    kind: event.kind,
    api_version: event.apiVersion,
    channel: event.channel,
    message_type: event.messageType,
    status: event.status,
    error_code: event.errorCode,
    verdict: event.verdict,
    verdict_reason: event.verdictReason,
    message_uuid: event.messageUuid,
    client_ref: event.clientRef,
    from: event.from,
    to: event.to,
    method: event.method,
    path: event.path,
    query: event.query,
    headers: event.headers,
    parse_error: event.parseError,
    truncated: event.truncated,
    answer_status: event.answerStatus,
    // Parsed JSON when the body is JSON, so `jq .body.status` works; the text as received otherwise,
    // which is also how a body too deep to parse comes (body_too_deep says so).
    body: event.bodyJson === undefined ? event.bodyText : event.bodyJson,
    body_too_deep: event.bodyTooDeep,
    forward: event.forward,
  };
}
