import type { RateLimitWindow } from './scenario-engine';

/**
 * The headers of every emulator answer, as spec 1.20.0 gives them:
 * `X-Request-Id` on every answer, 202s included; problem answers as
 * `application/problem+json` except validation 422s (and v0.1's 400), which
 * stay `application/json`; and on a 429 the rate-limit window. The spec's
 * example X-RateLimit-Reset (1769182705723) is in Unix milliseconds, so that
 * is what we send; Retry-After is in whole seconds.
 */

export interface AnswerFacts {
  status: number;
  /** False for a 202 to a PATCH, which has no body. */
  hasBody: boolean;
  /** A fresh UUID per request. */
  requestId: string;
  /** Present on a 429. */
  rateLimit?: RateLimitWindow;
  now?: number;
}

const plainJsonStatuses = new Set([200, 202, 400, 422]);

export function answerHeaders(facts: AnswerFacts): Record<string, string> {
  const headers: Record<string, string> = { 'x-request-id': facts.requestId };
  if (facts.hasBody)
    headers['content-type'] = plainJsonStatuses.has(facts.status) ? 'application/json' : 'application/problem+json';
  if (facts.rateLimit !== undefined) {
    const { limit, remaining, resetAtMs } = facts.rateLimit;
    const waitMs = Math.max(0, resetAtMs - (facts.now ?? Date.now()));
    headers['x-ratelimit-limit'] = String(limit);
    headers['x-ratelimit-remaining'] = String(remaining);
    headers['x-ratelimit-reset'] = String(resetAtMs);
    headers['retry-after'] = String(Math.max(1, Math.ceil(waitMs / 1000)));
  }
  return headers;
}
