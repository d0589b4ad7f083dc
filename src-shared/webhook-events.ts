/**
 * A recorded webhook as the contract, the timeline and the CLI carry it.
 * Vonage's own field names stay inside `bodyText` / `bodyJson`, exactly as
 * they arrived; the fields around them are the workbench's.
 */
import { z } from 'zod';

/**
 * What the signature check concluded about an event, naming the first thing
 * wrong. `malformed-token`: the Bearer value is not a readable JWT.
 * `malformed-claim`: the signature is valid but a claim is missing or of the
 * wrong type (`iat` as a string). `not-yet-valid`: the signature is valid but
 * `nbf` or `iat` lies in the future. `not-a-webhook` marks an API call the
 * built-in emulator answered: it carries the caller's credentials, not a
 * webhook signature, so there is nothing to judge.
 */
export const signatureVerdicts = [
  'verified',
  'unsigned',
  'bad-signature',
  'malformed-token',
  'malformed-claim',
  'not-yet-valid',
  'payload-mismatch',
  'stale',
  'no-secret-configured',
  'not-a-webhook',
] as const;
export type SignatureVerdict = (typeof signatureVerdicts)[number];

/**
 * Which webhook the body looks like, decided from the body, never from the
 * path; `api-call` is a call the built-in emulator answered, recorded so the
 * timeline shows both sides of a message.
 */
export const webhookKinds = ['status', 'inbound', 'unknown', 'api-call'] as const;
export type WebhookKind = (typeof webhookKinds)[number];

/** What the app at the forward URL answered, kept next to the event. */
export const forwardResultSchema = z.object({
  url: z.string(),
  /** Null when no answer came (see `error`). */
  status: z.number().int().nullable(),
  /** The answer body as text, cut at a size limit. */
  body: z.string().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
  at: z.string(),
});
export type ForwardResult = z.infer<typeof forwardResultSchema>;

export const webhookEventSchema = z.object({
  id: z.number().int(),
  /** ISO 8601 time the request's headers arrived. */
  receivedAt: z.string(),
  method: z.string(),
  path: z.string(),
  query: z.string(),
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: z.record(z.string(), z.string()),
  remoteAddress: z.string().nullable(),
  bodySize: z.number().int(),
  /** Every byte the client sent, including any beyond the body limit. */
  bytesReceived: z.number().int(),
  bodyText: z.string(),
  /** The parsed body when it is JSON and not too deep to parse; absent otherwise (JSON over the WebSocket drops it). */
  bodyJson: z.unknown().optional(),
  /**
   * True when the body nests deeper than the receiver parses (256 levels):
   * `bodyJson` is absent and only `bodyText` holds it, because walking such a
   * body would overflow the stack of whatever serialises or renders it.
   */
  bodyTooDeep: z.boolean(),
  /** Why the body is not a clean JSON webhook; null when it is. */
  parseError: z.string().nullable(),
  truncated: z.boolean(),
  kind: z.enum(webhookKinds),
  apiVersion: z.enum(['v1', 'v0.1']).nullable(),
  channel: z.string().nullable(),
  messageType: z.string().nullable(),
  status: z.string().nullable(),
  errorCode: z.string().nullable(),
  messageUuid: z.string().nullable(),
  clientRef: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  verdict: z.enum(signatureVerdicts),
  verdictReason: z.string(),
  /** The status code the receiver answered with. */
  answerStatus: z.number().int(),
  forward: forwardResultSchema.nullable(),
  /** Where the event is stored: absent for this app's own store, 'team' for the shared team inbox. */
  source: z.literal('team').optional(),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** The stores a timeline reads: this app's own (SQLite) and the team inbox (PostgreSQL). */
export const eventSources = ['local', 'team'] as const;
export type EventSource = (typeof eventSources)[number];
export const eventSourceSchema = z.enum(eventSources);

export const sourceOf = (event: Pick<WebhookEvent, 'source'>): EventSource => event.source ?? 'local';

/** Ids are per store, so a local and a team event may share one: this names an event across both. */
export const eventKey = (event: Pick<WebhookEvent, 'id' | 'source'>): string => `${sourceOf(event)}:${event.id}`;

/** Filters of the timeline; every one is optional and they combine with AND. */
export const eventListQuerySchema = z.object({
  kind: z.enum(webhookKinds).optional(),
  channel: z.string().optional(),
  status: z.string().optional(),
  verdict: z.enum(signatureVerdicts).optional(),
  errorCode: z.string().optional(),
  messageUuid: z.string().optional(),
  clientRef: z.string().optional(),
  /** One store only; both (merged by received time) when absent. */
  source: eventSourceSchema.optional(),
  /** Full-text search in bodies. */
  text: z.string().max(500).optional(),
  sinceMs: z.number().optional(),
  untilMs: z.number().optional(),
  /** From the previous page's nextCursor. */
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventPageSchema = z.object({
  /** Newest first. */
  events: z.array(webhookEventSchema),
  nextCursor: z.string().nullable(),
});
export type EventPage = z.infer<typeof eventPageSchema>;

export const threadEntrySchema = z.object({
  event: webhookEventSchema,
  /** Milliseconds from the send to this webhook; null when the send time is unknown. */
  sinceSendMs: z.number().nullable(),
});
export type ThreadEntry = z.infer<typeof threadEntrySchema>;

/** One feed batch: events received or updated (forward answer) since the last, and how many a slow reader missed. */
export const webhookFeedBatchSchema = z.object({
  items: z.array(z.object({ change: z.enum(['received', 'forwarded']), event: webhookEventSchema })),
  missed: z.number().int(),
});
export type WebhookFeedBatch = z.infer<typeof webhookFeedBatchSchema>;
