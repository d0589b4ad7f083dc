/**
 * A send and what came back, as the contract, the CLI and history carry it.
 * The Authorization header is already reduced to its scheme and `[redacted]`.
 */
import { z } from 'zod';
import { apiVersions } from './messages';
import { appErrorSchema } from './result';

/** The three Messages API calls: a v1 or v0.1 send, and the v1 PATCH (mark read, revoke). */
export const sendOperationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('send'), api: z.enum(apiVersions), payload: z.unknown() }),
  z.object({ kind: z.literal('update'), messageUuid: z.string().min(1), payload: z.unknown() }),
]);
export type SendOperation = z.infer<typeof sendOperationSchema>;

export const operationNames = ['send-v1', 'send-v0.1', 'update-v1'] as const;
export type OperationName = (typeof operationNames)[number];

/** Milliseconds per phase; null when it did not happen (a reused connection has no connect phase). */
export const exchangeTimingsSchema = z.object({
  startedAt: z.string(),
  /** Name resolution; null for an IP address or a reused connection. */
  dnsMs: z.number().nullable(),
  connectMs: z.number().nullable(),
  /** TLS handshake; null for http: or a reused connection. */
  tlsMs: z.number().nullable(),
  /** From the request written to the first byte of the response head. */
  firstByteMs: z.number().nullable(),
  /** From the call to the last byte of the body (or the failure). */
  totalMs: z.number(),
  reusedConnection: z.boolean(),
});
export type ExchangeTimings = z.infer<typeof exchangeTimingsSchema>;

/** A Vonage error answer (RFC 7807 style). */
export const problemDetailsSchema = z.object({
  type: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  instance: z.string().nullable(),
  invalidParameters: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

export const capturedRequestSchema = z.object({
  method: z.enum(['POST', 'PATCH']),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});
export type CapturedRequest = z.infer<typeof capturedRequestSchema>;

export const capturedResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  body: z.string(),
  /** The body parsed, when it is JSON. */
  json: z.unknown(),
});
export type CapturedResponse = z.infer<typeof capturedResponseSchema>;

export const sendExchangeSchema = z.object({
  id: z.string(),
  operation: z.enum(operationNames),
  profileName: z.string().nullable(),
  request: capturedRequestSchema,
  /** Null when no answer came (see `error`). */
  response: capturedResponseSchema.nullable(),
  problem: problemDetailsSchema.nullable(),
  /** From a 2xx answer's `message_uuid`. */
  messageUuid: z.string().nullable(),
  timings: exchangeTimingsSchema,
  /** Why no answer came: NETWORK_REFUSED, NETWORK_DNS, NETWORK_TLS, NETWORK_TIMEOUT, NETWORK_RESET, NETWORK_FAILED. */
  error: appErrorSchema.nullable(),
  /** What validation found when the send was overridden; empty otherwise. */
  validationIssues: z.array(appErrorSchema),
  /** What the workbench changed about the send, e.g. CREDENTIALS_WITHHELD for a base URL the profile does not name. */
  warnings: z.array(appErrorSchema).default([]),
  succeeded: z.boolean(),
});
export type SendExchange = z.infer<typeof sendExchangeSchema>;

export const sendHistoryFilterSchema = z.object({
  profileName: z.string().optional(),
  operation: z.enum(operationNames).optional(),
  /** `succeeded`: a 2xx; `failed`: any other status or no answer. */
  outcome: z.enum(['succeeded', 'failed']).optional(),
  status: z.number().int().optional(),
  /** A network failure code such as NETWORK_TIMEOUT. */
  errorCode: z.string().optional(),
  /** The message the send created (from its 2xx answer). */
  messageUuid: z.string().optional(),
  /** Text found in the URL, the request body or the response body. */
  text: z.string().optional(),
  /** Newest first; at most this many (default 50, at most 500). */
  limit: z.number().int().min(1).max(500).optional(),
  /** Only sends that started before this ISO time, for paging. */
  before: z.string().optional(),
});
export type SendHistoryFilter = z.infer<typeof sendHistoryFilterSchema>;

export const sendHistoryEntrySchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  operation: z.enum(operationNames),
  profileName: z.string().nullable(),
  url: z.string(),
  status: z.number().nullable(),
  errorCode: z.string().nullable(),
  messageUuid: z.string().nullable(),
  totalMs: z.number(),
});
export type SendHistoryEntry = z.infer<typeof sendHistoryEntrySchema>;
