/**
 * The webhook receiver: an HTTP/1.1 server (node:http) that records every
 * request it gets, whatever the method, path, headers or body, then answers
 * with the status, delay and body the developer configured.
 *
 * What it accepts: any request. Nothing is rejected for being malformed;
 * invalid JSON, a wrong or missing Content-Type, an empty body or invalid
 * UTF-8 are stored with a parse error, because a broken webhook is the one a
 * developer most needs to see.
 *
 * What guards it:
 * - It binds 127.0.0.1 unless told otherwise; the public side is the tunnel.
 * - Bodies are capped (`bodyLimitBytes`, default 1 MiB): the first bytes are
 *   kept and flagged `truncated`, the client gets 413, the rest is discarded.
 * - Slow or stalled clients hit `headersTimeoutMs` and `requestTimeoutMs`;
 *   the connection is closed (408) and what arrived is recorded.
 * - An event is committed to the store before any 2xx goes out, so a crash
 *   never loses a webhook the sender believes was delivered. If the store
 *   fails the answer is 503, which makes Vonage retry.
 * - The signature secret is read through a function at each request and is
 *   never logged or stored; only the verdict and its reason are.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fail, ok, type Result } from '../../src-shared/result';
import { apiSecurityHeaders } from '../content-security-policy';
import { hardenServer, serverOptions } from '../http/hardened-server';
import { parseRequestTarget } from '../http/request-target';
import { answerTunnelProbe } from '../tunnel/tunnel-probe';
import { inspectBody } from './body-inspection';
import { classifyWebhookBody } from './classify';
import type { NewWebhookRecord, WebhookClassification, WebhookEvent } from './event-types';
import type { EventStore } from './event-store-interface';
import { createLiveFeed, type FeedListener, type LiveFeedOptions } from './live-feed';
import { createWebhookForwarder } from './forwarder';
import { readRequestBody } from './request-body';
import { jsonBody, sendAnswer, withContentType, type ReceiverAnswer } from './receiver-answer';
import { createSignatureChecker } from './signature';

/** The paths shown to users when they configure their Vonage application. */
export type { ReceiverAnswer } from './receiver-answer';

export const defaultWebhookPaths = { inbound: '/webhooks/inbound', status: '/webhooks/status' } as const;

export interface WebhookReceiverOptions {
  store: EventStore;
  /** Default 0: any free port (see the URL `start` resolves with). */
  port?: number;
  /** Default 127.0.0.1. Binding another address exposes the receiver to that network. */
  host?: string;
  /**
   * Read at each request: the secret to check its signature with, or undefined
   * when none is set. Given the token's claims (unverified), so a sender can be
   * told apart by its `api_key`, e.g. the built-in emulator from a real account.
   */
  signatureSecret?: (unverifiedClaims: JWTPayload | undefined) => string | undefined;
  answer?: Partial<ReceiverAnswer>;
  /** Largest body kept; default 1 MiB. */
  bodyLimitBytes?: number;
  /** Time allowed for the request headers; default 10 s. */
  headersTimeoutMs?: number;
  /** Time allowed for the whole request, headers and body; default 30 s. */
  requestTimeoutMs?: number;
  /** Oldest signed `iat` accepted as fresh; default 300 s. */
  signatureMaxAgeSeconds?: number;
  /** How far in the future an `iat` may be; default 60 s. */
  clockSkewSeconds?: number;
  /** Copy every complete webhook to this app URL + the request's path and query (see forwarder.ts). */
  forwardTo?: string;
  /** Default 10 s. */
  forwardTimeoutMs?: number;
  /** Batching of the live feed; defaults 50 ms / 1000 events. */
  feed?: LiveFeedOptions;
  /** Swap point for the full classifier of src-shared/messages. */
  classify?: (body: unknown) => WebhookClassification;
  /** Told about failures that have no caller to return to (store errors); never given secrets. */
  onError?: (message: string, error: unknown) => void;
  now?: () => number;
}

/** One entry of the live feed: a new event, or an event whose forward result just arrived. */
export type WebhookFeedItem =
  { change: 'received'; event: WebhookEvent } | { change: 'forwarded'; event: WebhookEvent };

export interface ReceiverAddress {
  url: string;
  port: number;
  inboundUrl: string;
  statusUrl: string;
}

export interface WebhookReceiver {
  /** Resolves once listening. A port in use is a returned error. */
  start(): Promise<Result<ReceiverAddress>>;
  /** Batches of feed items, at most every 50 ms or 1000 items. Returns unsubscribe. */
  subscribe(listener: FeedListener<WebhookFeedItem>): () => void;
  /** Changes the answer for requests that arrive from now on. */
  setAnswer(answer: Partial<ReceiverAnswer>): void;
  setForwardTo(url: string | undefined): void;
  /** Stops listening, waits for in-flight requests to be stored, closes connections. Leaves the store open. */
  close(): Promise<void>;
}

const maxForwardAnswerBytes = 64 * 1024;
const closeGraceMs = 1000;

export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const { store } = options;
  const host = options.host ?? '127.0.0.1';
  const bodyLimitBytes = options.bodyLimitBytes ?? 1024 * 1024;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const headersTimeoutMs = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeoutMs);
  const now = options.now ?? Date.now;
  const classify = options.classify ?? classifyWebhookBody;
  const onError = options.onError ?? (() => undefined);
  let answer = withContentType({ status: 200, delayMs: 0, body: '', ...options.answer });
  let forwardTo = options.forwardTo;
  const signatures = createSignatureChecker({
    maxAgeSeconds: options.signatureMaxAgeSeconds ?? 300,
    maxClockSkewSeconds: options.clockSkewSeconds ?? 60,
  });

  const feed = createLiveFeed<WebhookFeedItem>({
    onListenerError: (error) => onError('A live feed listener failed.', error),
    ...options.feed,
  });
  const closing = new AbortController();
  const forwarder = createWebhookForwarder({
    store,
    timeoutMs: options.forwardTimeoutMs ?? 10_000,
    maxAnswerBytes: maxForwardAnswerBytes,
    signal: closing.signal,
    onForwarded: (event) => feed.publish({ change: 'forwarded', event }),
    onError,
  });
  const inFlight = new Set<Promise<void>>();

  const server = http.createServer({
    ...serverOptions,
    requestTimeout: requestTimeoutMs,
    headersTimeout: headersTimeoutMs,
    // Node checks the two timeouts above only this often; keep it a fraction of the shorter one.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
  });
  hardenServer(server, apiSecurityHeaders());
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // The tunnel's liveness probe comes through the public URL; it is answered, not recorded.
    if (answerTunnelProbe(request, response)) return;
    const handling = handle(request, response).catch((error: unknown) => onError('A webhook request failed.', error));
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = now();
    const { path, query } = parseRequestTarget(request.url);
    const body = await readRequestBody(request, { limitBytes: bodyLimitBytes, drainAllowanceBytes: bodyLimitBytes });
    const headers = joinHeaders(request.rawHeaders);
    const incomplete = !body.complete && !body.truncated;
    const inspected = inspectBody({
      raw: body.raw,
      contentType: headers['content-type'],
      truncated: body.truncated,
      bytesReceived: body.bytesReceived,
      incomplete,
    });
    const signature = signatures.check({
      authorization: headers.authorization,
      rawBody: body.raw,
      secret: options.signatureSecret,
      nowMs: now(),
    });
    const answerNow = answer;
    const answerStatus = body.truncated ? 413 : incomplete ? 408 : answerNow.status;
    const record: NewWebhookRecord = {
      receivedAt,
      method: request.method ?? 'GET',
      path,
      query,
      headers,
      remoteAddress: request.socket.remoteAddress ?? null,
      rawBody: body.raw,
      bytesReceived: body.bytesReceived,
      bodyText: inspected.text,
      bodyIsJson: inspected.isJson,
      bodyTooDeep: inspected.tooDeep,
      bodyJson: inspected.json,
      parseError: inspected.parseError,
      truncated: body.truncated,
      classification: classify(inspected.isJson ? inspected.json : undefined),
      verdict: signature.verdict,
      verdictReason: signature.reason,
      answerStatus,
    };

    let event: WebhookEvent;
    try {
      event = await store.append(record);
    } catch (error) {
      onError('A webhook could not be stored; answered 503 so the sender retries.', error);
      sendAnswer(response, 503, jsonBody({ error: 'the event could not be stored' }), true);
      return;
    }
    feed.publish({ change: 'received', event });

    if (incomplete) return; // the server has already answered 408 and closed the connection
    if (body.truncated) {
      sendAnswer(response, 413, jsonBody({ error: `body larger than ${bodyLimitBytes} bytes` }), body.abandoned);
      return;
    }
    if (answerNow.delayMs > 0)
      await delay(answerNow.delayMs, undefined, { signal: closing.signal }).catch(() => undefined);
    sendAnswer(response, answerNow.status, answerNow, false);
    if (forwardTo) await forwarder.forward(event, body.raw, forwardTo);
  }

  async function shutDown(): Promise<void> {
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    closing.abort();
    // Give requests being stored a moment to get their answer, then cut whatever still hangs.
    const settled = Promise.allSettled([...inFlight]);
    await Promise.race([settled, delay(closeGraceMs, undefined, { ref: false })]);
    server.closeAllConnections();
    await settled;
    await stopped;
    feed.close();
    await forwarder.close();
  }

  let closed: Promise<void> | undefined;
  return {
    start() {
      return new Promise((resolve) => {
        const onListenError = (error: NodeJS.ErrnoException): void => {
          const port = options.port ?? 0;
          resolve(
            error.code === 'EADDRINUSE'
              ? fail(
                  'WEBHOOK_PORT_IN_USE',
                  `Port ${port} on ${host} is already in use.`,
                  'Stop the other program or pass another --port (0 picks a free one).',
                )
              : fail(
                  'WEBHOOK_LISTEN_FAILED',
                  `The webhook receiver could not listen on ${host}:${port}: ${error.message}`,
                  'Check the --host address and port.',
                ),
          );
        };
        server.once('error', onListenError);
        server.listen(options.port ?? 0, host, () => {
          server.off('error', onListenError);
          server.on('error', (error) => onError('The webhook server reported an error.', error));
          const { port } = server.address() as AddressInfo;
          const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
          resolve(
            ok({
              url,
              port,
              inboundUrl: url + defaultWebhookPaths.inbound,
              statusUrl: url + defaultWebhookPaths.status,
            }),
          );
        });
      });
    },
    subscribe: (listener) => feed.subscribe(listener),
    setAnswer(next) {
      answer = withContentType({ ...answer, ...next });
    },
    setForwardTo(url) {
      forwardTo = url;
    },
    close() {
      closed ??= shutDown();
      return closed;
    },
  };
}

/** Header names lower-cased; repeats joined with ", " (RFC 9110 5.3). */
function joinHeaders(rawHeaders: string[]): Record<string, string> {
  // No prototype: a header named __proto__ is recorded like any other.
  const headers = Object.create(null) as Record<string, string>;
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = rawHeaders[index + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}
