import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, errors, type Dispatcher } from 'undici';
import type { EmulatorWebhookEvent } from '../../src-shared/emulator-events';
import type { SignatureFault } from '../../src-shared/emulator-scenarios';
import type { WebhookSigner } from './webhook-signer';

/**
 * Posts signed webhooks and retries them like Vonage. Which failures are
 * retried is a setting because Vonage's own pages disagree: its support
 * article retries 429 and 5xx only (our default), its sandbox page any
 * non-2xx. A connection that fails or times out is always retried.
 */

export type RetryPolicy = 'server-errors' | 'any-non-2xx';

export interface WebhookDeliveryOptions {
  signer: WebhookSigner;
  /** Waits between attempts; one more attempt than entries. */
  retryDelaysMs: readonly number[];
  retryOn: RetryPolicy;
  /** Sent as User-Agent, honestly naming the emulator. */
  userAgent: string;
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
const RESPONSE_PREVIEW_BYTES = 2_048;

/** The answer to one POST: its status and the start of its body ('' when the body broke off). */
interface Answered {
  status: number;
  preview: string;
}

/**
 * A request target as undici's `request(url)` reads it, kept for the last URL
 * seen: nearly every webhook of a run goes to the same status URL.
 */
function targetReader() {
  let last: { url: string; origin: string; path: string } | undefined;
  return (url: string): { origin: string; path: string } => {
    if (last?.url === url) return last;
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new errors.InvalidArgumentError('Invalid URL protocol: the URL must start with `http:` or `https:`.');
    last = { url, origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    return last;
  };
}

/**
 * Posts through undici's dispatcher directly rather than its `request()`: no
 * body stream, no abort listener and no URL parse per webhook, which under
 * load was a tenth of the emulator's CPU. The answer's body is read only as
 * far as the preview needs, and drained.
 */
function post(agent: Agent, target: { origin: string; path: string }, headers: Record<string, string>, body: Buffer) {
  return new Promise<Answered>((resolve, reject) => {
    let status: number | undefined;
    const chunks: Buffer[] = [];
    let kept = 0;
    const handler: Dispatcher.DispatchHandler = {
      // Present so undici takes this as a handler of its current interface.
      onRequestStart() {},
      onResponseStart(_controller, statusCode) {
        // An informational answer (1xx) comes before the real one.
        if (statusCode >= 200) status = statusCode;
      },
      onResponseData(_controller, chunk) {
        if (kept >= RESPONSE_PREVIEW_BYTES) return;
        chunks.push(chunk);
        kept += chunk.length;
      },
      onResponseEnd() {
        const preview = Buffer.concat(chunks).subarray(0, RESPONSE_PREVIEW_BYTES).toString('utf8');
        resolve({ status: status ?? 0, preview });
      },
      onResponseError(_controller, error) {
        // The receiver has answered: a break now cuts only the preview, and the attempt is still reported.
        if (status === undefined) reject(error);
        else resolve({ status, preview: '' });
      },
    };
    agent.dispatch({ ...target, method: 'POST', headers, body }, handler);
  });
}

export function createWebhookDelivery(options: WebhookDeliveryOptions) {
  const agent = new Agent({
    connect: { timeout: CONNECT_TIMEOUT_MS },
    headersTimeout: ANSWER_TIMEOUT_MS,
    bodyTimeout: ANSWER_TIMEOUT_MS,
  });
  // One listener for every webhook in flight: closing fails them all, queued or running, and any later one.
  options.signal.addEventListener('abort', () => void agent.destroy(options.signal.reason as Error), { once: true });
  const targetOf = targetReader();

  function shouldRetry(status: number | undefined): boolean {
    if (status === undefined) return true;
    if (status >= 200 && status < 300) return false;
    return options.retryOn === 'any-non-2xx' || status === 429 || status >= 500;
  }

  async function attempt(webhook: WebhookToSend, bytes: Buffer) {
    const began = performance.now();
    try {
      if (options.signal.aborted) throw options.signal.reason;
      const authorization = options.signer.authorization(bytes, webhook.signatureFault);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization !== undefined) headers.authorization = authorization;
      headers['user-agent'] = options.userAgent;
      const answer = await post(agent, targetOf(webhook.url), headers, bytes);
      return { status: answer.status, responseBody: answer.preview, durationMs: performance.now() - began };
    } catch (error) {
      if (options.signal.aborted) throw error;
      const reason = (error as { code?: string }).code ?? (error as Error).message;
      return { status: undefined, error: reason, durationMs: performance.now() - began };
    }
  }

  return {
    /**
     * Posts one webhook, retrying as configured. Resolves true once the
     * receiver accepted it, false when the retries ran out; rejects only if
     * the emulator closes meanwhile.
     */
    async deliver(webhook: WebhookToSend): Promise<boolean> {
      // The bytes are fixed once, so every attempt hashes and sends the same body.
      const text = JSON.stringify(webhook.body);
      const bytes = Buffer.from(text);
      for (let number = 1; ; number++) {
        const result = await attempt(webhook, bytes);
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
    async close(): Promise<void> {
      await agent.destroy();
    },
  };
}

export type WebhookDelivery = ReturnType<typeof createWebhookDelivery>;
