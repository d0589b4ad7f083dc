/**
 * Sends a copy of a webhook to another URL (forward to the developer's app,
 * or replay) with undici, and reports what came back. Never throws: a refused
 * connection or a timeout is part of the result, because "my app was down" is
 * exactly what the developer wants to see next to the event.
 */
import { request, type Dispatcher } from 'undici';
import type { ForwardResult } from './event-types';
import { isRedactedHeaderValue } from './header-redaction';

/** Headers that describe one hop, not the message; a copy gets its own. */
const hopByHopHeaders = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'proxy-authorization',
  'proxy-connection',
]);

export interface OutgoingWebhook {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface OutgoingLimits {
  dispatcher: Dispatcher;
  timeoutMs: number;
  /** Answer bodies are kept up to this size. */
  maxAnswerBytes: number;
  /** Aborts the request early, e.g. when the service closes. */
  signal?: AbortSignal;
}

/** Hop-by-hop headers and masked credentials (header-redaction.ts) stay behind: a mask sent on would pose as a value. */
function copyableHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name, value]) => !hopByHopHeaders.has(name) && !isRedactedHeaderValue(value)),
  );
}

export async function sendWebhookCopy(copy: OutgoingWebhook, limits: OutgoingLimits): Promise<ForwardResult> {
  const startedAt = performance.now();
  const at = new Date().toISOString();
  const signals = [AbortSignal.timeout(limits.timeoutMs), ...(limits.signal ? [limits.signal] : [])];
  try {
    const canHaveBody = copy.method !== 'GET' && copy.method !== 'HEAD';
    const answer = await request(copy.url, {
      method: copy.method as Dispatcher.HttpMethod,
      headers: copyableHeaders(copy.headers),
      body: canHaveBody ? copy.body : undefined,
      dispatcher: limits.dispatcher,
      signal: AbortSignal.any(signals),
    });
    const body = await readCapped(answer.body, limits.maxAnswerBytes);
    return { url: copy.url, status: answer.statusCode, body, durationMs: elapsed(startedAt), error: null, at };
  } catch (error) {
    return {
      url: copy.url,
      status: null,
      body: null,
      durationMs: elapsed(startedAt),
      error: describe(error, limits.timeoutMs),
      at,
    };
  }
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 10) / 10;
}

function describe(error: unknown, timeoutMs: number): string {
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (name === 'AbortError') return 'cancelled: the receiver is closing';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [code ?? cause?.code, message ?? cause?.message].filter(Boolean).join(': ') || 'request failed';
}
