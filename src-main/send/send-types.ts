import type { AppError } from '../../src-shared/result';
import type { ExchangeTimings } from './exchange-timing';
import type { ProblemDetails } from './problem-details';

/** How a request proves who sends it. Secrets here are used for one request and never stored. */
export type SendAuth =
  | { kind: 'basic'; apiKey: string; apiSecret: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'none' };

/** The three Messages API calls: a v1 or v0.1 send, and the v1 PATCH (mark read, revoke). */
export type SendOperation =
  | { kind: 'send'; api: 'v1' | 'v0.1'; payload: unknown }
  | { kind: 'update'; messageUuid: string; payload: unknown };

export type OperationName = 'send-v1' | 'send-v0.1' | 'update-v1';

export interface SendRequest {
  /** Where the API lives, e.g. `https://api.nexmo.com` or the emulator's URL; a path prefix is kept. */
  baseUrl: string;
  auth: SendAuth;
  operation: SendOperation;
  /** Send even though the payload fails validation, to see the API's own answer. */
  override?: boolean;
  /** Overrides the service's timeout for this request, in ms. */
  timeoutMs?: number;
  /** Recorded in history so sends can be filtered by profile; not used to send. */
  profileName?: string | null;
}

/** Checks a payload before it is sent; an empty list means valid. Injected: the message model owns the rules. */
export type PayloadValidator = (payload: unknown, operation: SendOperation) => AppError[];

export interface CapturedRequest {
  method: 'POST' | 'PATCH';
  url: string;
  /** As sent, with Authorization reduced to its scheme and `[redacted]`. */
  headers: Record<string, string>;
  body: string;
}

export interface CapturedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
  /** The body parsed, when it is JSON. */
  json: unknown;
}

/** One request and what came back: the unit the timeline, the CLI and history show. */
export interface SendExchange {
  id: string;
  operation: OperationName;
  profileName: string | null;
  request: CapturedRequest;
  /** Null when no answer came (see `error`). */
  response: CapturedResponse | null;
  /** The parsed problem answer, for a 4xx/5xx with `type` and `title`. */
  problem: ProblemDetails | null;
  /** From a 2xx answer's `message_uuid`. */
  messageUuid: string | null;
  timings: ExchangeTimings;
  /** Why no answer came: NETWORK_REFUSED, NETWORK_DNS, NETWORK_TLS, NETWORK_TIMEOUT, NETWORK_RESET, NETWORK_FAILED. */
  error: AppError | null;
  /** What validation found when the send was overridden; empty otherwise. */
  validationIssues: AppError[];
  /** True for a 2xx answer. */
  succeeded: boolean;
}
