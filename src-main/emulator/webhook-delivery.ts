import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorWebhookEvent } from '../../src-shared/emulator-events';
import type { SignatureFault } from '../../src-shared/emulator-scenarios';
import { createWebhookPoster } from './webhook-poster';
import type { WebhookSignerOptions } from './webhook-signer';

/**
 * Posts signed webhooks and retries them like Vonage. Which failures are
 * retried is a setting because Vonage's own pages disagree: its support
 * article retries 429 and 5xx only (our default), its sandbox page any
 * non-2xx. A connection that fails or times out is always retried.
 */

export type RetryPolicy = 'server-errors' | 'any-non-2xx';

export interface WebhookDeliveryOptions {
  /** How each webhook is signed (webhook-signer.ts); the signing happens on the webhook thread. */
  signing: WebhookSignerOptions;
  /** Waits between attempts; one more attempt than entries. */
  retryDelaysMs: readonly number[];
  retryOn: RetryPolicy;
  /** Sent as User-Agent, honestly naming the emulator. */
  userAgent: string;
  /** The webhook thread's built entry (webhook-thread.js); see webhook-poster.ts. */
  threadScript: string;
  /** Called after every attempt. */
  onAttempt: (event: EmulatorWebhookEvent) => void;
  /** Aborted when the emulator closes: pending retries stop. */
  signal: AbortSignal;
}

export interface WebhookToSend {
  target: 'status' | 'inbound';
  url: string;
  body: object;
  messageUuid: string;
  label: string;
  version: 'v1' | 'v0.1';
  /** Sign badly on purpose (scenario or simulation asked for it). */
  signatureFault?: SignatureFault;
}

/** Vonage gives up connecting after 3 s and waiting for an answer after 15 s. */
const CONNECT_TIMEOUT_MS = 3_000;
const ANSWER_TIMEOUT_MS = 15_000;
/**
 * Unbounded, a burst opened one connection per webhook in flight (eleven thousand in the benchmark's
 * first seconds): enough to run a developer's server out of file descriptors, and the connects cost
 * more than the posts. At 32, sends at 5,000/s left a second of webhooks queued behind the load; 128
 * keeps up and stays far below a default limit of 1,024 descriptors. A receiver that holds this many
 * unanswered delays the rest until they time out.
 */
const CONNECTIONS_PER_RECEIVER = 128;

export function createWebhookDelivery(options: WebhookDeliveryOptions) {
  const poster = createWebhookPoster({
    script: options.threadScript,
    signing: options.signing,
    userAgent: options.userAgent,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    answerTimeoutMs: ANSWER_TIMEOUT_MS,
    connectionsPerReceiver: CONNECTIONS_PER_RECEIVER,
  });
  // One listener for every webhook in flight: closing fails them all, queued or running, and any later one.
  options.signal.addEventListener('abort', () => void poster.close(options.signal.reason), { once: true });

  function shouldRetry(status: number | undefined): boolean {
    if (status === undefined) return true;
    if (status >= 200 && status < 300) return false;
    return options.retryOn === 'any-non-2xx' || status === 429 || status >= 500;
  }

  async function attempt(webhook: WebhookToSend, text: string) {
    if (options.signal.aborted) throw options.signal.reason;
    const outcome = await poster.post(webhook.url, text, webhook.signatureFault);
    return 'failure' in outcome
      ? { status: undefined, error: outcome.failure, durationMs: outcome.durationMs }
      : { status: outcome.status, responseBody: outcome.preview, durationMs: outcome.durationMs };
  }

  return {
    /**
     * Posts one webhook, retrying as configured. Resolves true once the
     * receiver accepted it, false when the retries ran out; rejects only if
     * the emulator closes meanwhile.
     */
    async deliver(webhook: WebhookToSend): Promise<boolean> {
      // The text is fixed once, so every attempt hashes and sends the same body.
      const text = JSON.stringify(webhook.body);
      for (let number = 1; ; number++) {
        const result = await attempt(webhook, text);
        const retryInMs = shouldRetry(result.status) ? options.retryDelaysMs[number - 1] : undefined;
        const accepted = result.status !== undefined && result.status >= 200 && result.status < 300;
        options.onAttempt({
          kind: 'emulator.webhook',
          id: crypto.randomUUID(),
          at: new Date().toISOString(),
          target: webhook.target,
          url: webhook.url,
          attempt: number,
          messageUuid: webhook.messageUuid,
          label: webhook.label,
          version: webhook.version,
          ...(webhook.signatureFault === undefined ? {} : { signatureFault: webhook.signatureFault }),
          body: text,
          ...(result.status === undefined ? {} : { responseStatus: result.status }),
          ...('responseBody' in result ? { responseBody: result.responseBody } : {}),
          ...('error' in result ? { error: result.error } : {}),
          ...(retryInMs === undefined ? {} : { retryInMs }),
          final: retryInMs === undefined,
          durationMs: Math.round(result.durationMs),
        });
        if (retryInMs === undefined) return accepted;
        await sleep(retryInMs, undefined, { signal: options.signal });
      }
    },
    close: () => poster.close(),
  };
}

export type WebhookDelivery = ReturnType<typeof createWebhookDelivery>;
