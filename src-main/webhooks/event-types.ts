/**
 * The shape of one recorded webhook, as the store keeps it and as the live
 * feed, the contract and the CLI hand it on. Vonage's own field names stay in
 * `bodyText` / `bodyJson` exactly as they arrived; these fields are ours.
 */

import type { SignatureVerdict, WebhookKind } from '../../src-shared/webhook-events';

export type { ForwardResult, SignatureVerdict, WebhookEvent, WebhookKind } from '../../src-shared/webhook-events';

/** What the body says about the message it concerns; every field is optional because bodies lie. */
export interface WebhookClassification {
  kind: WebhookKind;
  /** `v1` when the body carries `channel`, `v0.1` for the older `to/from` object shape. */
  apiVersion: 'v1' | 'v0.1' | null;
  channel: string | null;
  messageType: string | null;
  status: string | null;
  /** Vonage error code as a string (`error.title` in v1, `error.code` in v0.1). */
  errorCode: string | null;
  messageUuid: string | null;
  clientRef: string | null;
  /** Sender number or id (the user, for inbound; the business, for status). */
  from: string | null;
  /** Recipient number or id. */
  to: string | null;
}

/** Everything the receiver learnt about one request, before the store gives it an id. */
export interface NewWebhookRecord {
  receivedAt: number;
  method: string;
  path: string;
  /** The raw query string without `?`, empty when there was none. */
  query: string;
  /** Lower-cased names; repeated headers joined with ", " as HTTP allows. */
  headers: Record<string, string>;
  remoteAddress: string | null;
  /** The exact bytes received (cut at the body limit when `truncated`). */
  rawBody: Buffer;
  /** How many body bytes the client sent in all, including any beyond the limit. */
  bytesReceived: number;
  /** The body decoded as UTF-8, invalid sequences replaced; what text search sees. */
  bodyText: string;
  /** True when the body parsed as JSON (even if something else about it was wrong). */
  bodyIsJson: boolean;
  /** True when the body nests too deeply to be parsed (body-depth.ts); only its bytes are kept. */
  bodyTooDeep: boolean;
  /**
   * The body as the caller already parsed it (body-inspection.ts), so the
   * stored event does not parse it again; absent, the event parses `bodyText`.
   */
  bodyJson?: unknown;
  /** Why the body is not a clean JSON webhook; null when it is. */
  parseError: string | null;
  truncated: boolean;
  classification: WebhookClassification;
  verdict: SignatureVerdict;
  verdictReason: string;
  /** The status code the receiver answered with. */
  answerStatus: number;
}
