/**
 * Replays a stored webhook to any URL, so a developer can re-run a handler
 * without asking Vonage to send it again. Either exactly as received (same
 * method, headers and bytes, including the original Authorization), or
 * re-signed: a fresh HS256 token with a new iat and jti and a payload_hash of
 * the bytes actually sent, keeping the original token's other claims.
 */
import { Agent } from 'undici';
import { fail, ok, type Result } from '../../src-shared/result';
import type { EventStore } from './event-store-interface';
import type { ForwardResult } from './event-types';
import { sendWebhookCopy } from './outgoing-request';
import { readUnverifiedClaims, signWebhookBody } from './signature';

export interface WebhookReplayOptions {
  store: Pick<EventStore, 'get' | 'getRawBody'>;
  /** Longest wait for the target's answer; default 10 s. */
  timeoutMs?: number;
  /** Answer bodies are kept up to this size; default 64 KiB. */
  maxAnswerBytes?: number;
  now?: () => number;
}

export interface ReplayRequest {
  /** The stored event to send again. */
  id: number;
  /** Where to send it: the full URL, path included. */
  url: string;
  /** Re-sign with this signature secret; omit to send the stored Authorization as it came. Never stored or logged. */
  signatureSecret?: string;
}

export interface WebhookReplay {
  /** What the target answered; an unreachable target is an error value with a hint. */
  replay(request: ReplayRequest): Promise<Result<ForwardResult>>;
  close(): Promise<void>;
}

export function createWebhookReplay(options: WebhookReplayOptions): WebhookReplay {
  const dispatcher = new Agent({ connections: 4 });
  const now = options.now ?? Date.now;

  return {
    async replay({ id, url, signatureSecret }) {
      if (!isHttpUrl(url)) {
        return fail(
          'WEBHOOK_REPLAY_URL_INVALID',
          `"${url}" is not an http(s) URL.`,
          'Give the full URL of your webhook handler, e.g. http://localhost:3000/webhooks/status.',
          '/url',
        );
      }
      const [event, body] = await Promise.all([options.store.get(id), options.store.getRawBody(id)]);
      if (!event || !body) {
        return fail(
          'WEBHOOK_EVENT_NOT_FOUND',
          `There is no stored webhook event ${id}.`,
          'Pick an event from the timeline or `workbench events`; old events may have been removed by retention.',
          '/id',
        );
      }
      const headers = { ...event.headers };
      if (signatureSecret !== undefined) {
        const claims = readUnverifiedClaims(event.headers.authorization) ?? {};
        headers.authorization = `Bearer ${await signWebhookBody(body, signatureSecret, claims, now())}`;
      }
      const result = await sendWebhookCopy(
        { url, method: event.method, headers, body },
        { dispatcher, timeoutMs: options.timeoutMs ?? 10_000, maxAnswerBytes: options.maxAnswerBytes ?? 64 * 1024 },
      );
      if (result.status === null) {
        return fail(
          'WEBHOOK_TARGET_UNREACHABLE',
          `No answer from ${url}: ${result.error ?? 'unknown error'}.`,
          'Check that your app is running and listening at that address.',
          '/url',
        );
      }
      return ok(result);
    },
    close: () => dispatcher.close(),
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
