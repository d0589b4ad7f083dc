/**
 * Forwards each received webhook to the developer's app (`--forward-to`) and
 * keeps the app's answer next to the event. The request's path and query are
 * appended to the app URL, since Vonage's status and inbound webhooks go to
 * different paths. Copies carry a marker header and a receiver never forwards
 * a request that has it, so forwarding to the receiver itself cannot loop.
 */
import { Agent } from 'undici';
import type { EventStore } from './event-store-interface';
import type { ForwardResult, WebhookEvent } from './event-types';
import { sendWebhookCopy } from './outgoing-request';

export const forwardedMarkerHeader = 'x-workbench-forwarded-from';

export interface WebhookForwarderOptions {
  store: EventStore;
  /** Longest wait for the app's answer. */
  timeoutMs: number;
  /** Answer bodies are kept up to this size. */
  maxAnswerBytes: number;
  /** Cancels forwards in flight, when the receiver closes. */
  signal: AbortSignal;
  /** Told about each result once it is stored. */
  onForwarded(event: WebhookEvent): void;
  onError(message: string, error: unknown): void;
}

export interface WebhookForwarder {
  /** Resolves when the app has answered (or failed to) and the result is stored. */
  forward(event: WebhookEvent, rawBody: Buffer, appUrl: string): Promise<void>;
  close(): Promise<void>;
}

export function createWebhookForwarder(options: WebhookForwarderOptions): WebhookForwarder {
  const dispatcher = new Agent({ connections: 16 });

  async function forward(event: WebhookEvent, rawBody: Buffer, appUrl: string): Promise<void> {
    if (event.headers[forwardedMarkerHeader] !== undefined) return;
    const target = targetUrl(appUrl, event);
    const result: ForwardResult =
      target === undefined
        ? {
            url: appUrl,
            status: null,
            body: null,
            durationMs: 0,
            error: 'the forward URL is not a valid http(s) URL',
            at: new Date().toISOString(),
          }
        : await sendWebhookCopy(
            {
              url: target,
              method: event.method,
              headers: { ...event.headers, [forwardedMarkerHeader]: String(event.id) },
              body: rawBody,
            },
            {
              dispatcher,
              timeoutMs: options.timeoutMs,
              maxAnswerBytes: options.maxAnswerBytes,
              signal: options.signal,
            },
          );
    try {
      await options.store.setForward(event.id, result);
    } catch (error) {
      options.onError('A forward result could not be stored.', error);
    }
    options.onForwarded({ ...event, forward: result });
  }

  return { forward, close: () => dispatcher.close() };
}

function targetUrl(appUrl: string, event: WebhookEvent): string | undefined {
  try {
    const url = new URL(appUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.pathname = url.pathname.replace(/\/$/, '') + event.path;
    url.search = event.query;
    return url.toString();
  } catch {
    return undefined;
  }
}
