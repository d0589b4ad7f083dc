/**
 * The shape of one recorded webhook, as the store keeps it and as the live
 * feed, the contract and the CLI hand it on. Vonage's own field names stay in
 * `bodyText` / `bodyJson` exactly as they arrived; these fields are ours.
 */

/** What the signature check concluded about an event. */
export type SignatureVerdict =
  | 'verified'
  | 'unsigned'
  | 'bad-signature'
  | 'payload-mismatch'
  | 'stale'
  | 'no-secret-configured';

/** Which webhook the body looks like; decided from the body, never from the path. */
export type WebhookKind = 'status' | 'inbound' | 'unknown';

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

/** What the app at `forwardTo` answered, kept next to the event. */
export interface ForwardResult {
  url: string;
  /** HTTP status of the app's answer; null when no answer came (see `error`). */
  status: number | null;
  /** The app's answer body as text, cut at a size limit. */
  body: string | null;
  durationMs: number;
  /** Why there is no answer: connection refused, timeout... */
  error: string | null;
  at: string;
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
  /** Why the body is not a clean JSON webhook; null when it is. */
  parseError: string | null;
  truncated: boolean;
  classification: WebhookClassification;
  verdict: SignatureVerdict;
  verdictReason: string;
  /** The status code the receiver answered with. */
  answerStatus: number;
}

/** A stored event, as every reader sees it (raw bytes are fetched separately). */
export interface WebhookEvent {
  id: number;
  /** ISO 8601 time the request's headers arrived. */
  receivedAt: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  remoteAddress: string | null;
  bodySize: number;
  bytesReceived: number;
  bodyText: string;
  /** The parsed body when it is JSON; undefined otherwise. */
  bodyJson: unknown;
  parseError: string | null;
  truncated: boolean;
  kind: WebhookKind;
  apiVersion: 'v1' | 'v0.1' | null;
  channel: string | null;
  messageType: string | null;
  status: string | null;
  errorCode: string | null;
  messageUuid: string | null;
  clientRef: string | null;
  from: string | null;
  to: string | null;
  verdict: SignatureVerdict;
  verdictReason: string;
  answerStatus: number;
  forward: ForwardResult | null;
}
