import { randomUUID } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { buildConnector, Pool } from 'undici';
import { fail, ok, type AppError, type Result } from '../../src-shared/result';
import { basicAuthorization } from '../auth/basic';
import { createExchangeTimer } from './exchange-timing';
import { describeNetworkFailure } from './network-failure';
import { parseProblem } from './problem-details';
import type { SendHistory } from './send-history';
import type {
  CapturedRequest,
  CapturedResponse,
  OperationName,
  SendExchange,
  SendOperation,
} from '../../src-shared/send-exchange';
import type { PayloadValidator, SendAuth, SendRequest } from './send-types';

export interface SendServiceOptions {
  /** Validates payloads before sending (the message model's rules). */
  validatePayload: PayloadValidator;
  /** Where every exchange is recorded; none when absent. */
  history?: SendHistory;
  /** Longest wait for a whole exchange, in ms (default 30 000). */
  timeoutMs?: number;
  /** Open connections per origin (default 16). */
  connectionsPerOrigin?: number;
  /**
   * Extra CA certificates (PEM) trusted on top of Node's roots, for a custom
   * base URL behind a private CA. The public roots stay trusted; verification
   * is never switched off.
   */
  extraCertificates?: string[];
  /** The User-Agent header (default `messages-workbench`). */
  userAgent?: string;
}

export interface SendService {
  /** Sends one request; network failures come back inside the exchange, refusals before sending as errors. */
  send(request: SendRequest): Promise<Result<SendExchange>>;
  close(): Promise<void>;
}

interface Route {
  method: 'POST' | 'PATCH';
  url: URL;
  name: OperationName;
}

function routeFor(baseUrl: string, operation: SendOperation): Result<Route> {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return fail(
      'BASE_URL_INVALID',
      'The base URL is not a valid URL.',
      'Use a URL such as https://api.nexmo.com.',
      '/baseUrl',
    );
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    return fail(
      'BASE_URL_INVALID',
      `The base URL uses ${base.protocol}.`,
      'Use an http:// or https:// URL.',
      '/baseUrl',
    );
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  switch (operation.kind) {
    case 'send': {
      const url = new URL(`${prefix}/${operation.api}/messages`, base.origin);
      return ok({ method: 'POST', url, name: operation.api === 'v1' ? 'send-v1' : 'send-v0.1' });
    }
    case 'update': {
      if (!operation.messageUuid.trim()) {
        return fail(
          'MESSAGE_UUID_MISSING',
          'An update needs the message_uuid.',
          'Copy it from the inbound webhook.',
          '/messageUuid',
        );
      }
      const url = new URL(`${prefix}/v1/messages/${encodeURIComponent(operation.messageUuid.trim())}`, base.origin);
      return ok({ method: 'PATCH', url, name: 'update-v1' });
    }
    default: {
      const unreachable: never = operation;
      throw new Error(`unknown operation ${JSON.stringify(unreachable)}`);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function messageUuidOf(status: number, json: unknown): string | null {
  if (status < 200 || status > 299 || typeof json !== 'object' || json === null) return null;
  const uuid = (json as { message_uuid?: unknown }).message_uuid;
  return typeof uuid === 'string' ? uuid : null;
}

function payloadRefusal(issues: AppError[]): Result<never> {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return fail(
    'PAYLOAD_INVALID',
    `The payload is not valid: ${first.message}${more}`,
    `${first.hint} To see what the API itself answers, send again with override.`,
    first.path,
  );
}

export function createSendService(options: SendServiceOptions): SendService {
  const timer = createExchangeTimer();
  const pools = new Map<string, Pool>();
  const defaultTimeoutMs = options.timeoutMs ?? 30_000;
  const userAgent = options.userAgent ?? 'messages-workbench';
  // The connect timeout is the service's; a per-request timeoutMs bounds the wait for the answer.
  const connector = timer.wrapConnector(
    buildConnector({
      timeout: defaultTimeoutMs,
      ...(options.extraCertificates?.length ? { ca: [...rootCertificates, ...options.extraCertificates] } : {}),
    }),
  );

  // Nearly every send of a session goes to one base URL with one account: their route and header are
  // made once, not per send (two URL parses and a base64 encoding; bench/send-path.ts).
  let lastRoute: { baseUrl: string; api: string; route: Result<Route> } | undefined;
  let lastBasic: { apiKey: string; apiSecret: string; header: string } | undefined;

  function routeOf(baseUrl: string, operation: SendOperation): Result<Route> {
    if (operation.kind !== 'send') return routeFor(baseUrl, operation);
    if (lastRoute?.baseUrl === baseUrl && lastRoute.api === operation.api) return lastRoute.route;
    const route = routeFor(baseUrl, operation);
    lastRoute = { baseUrl, api: operation.api, route };
    return route;
  }

  function authorizationHeader(auth: SendAuth): { sent: string; shown: string } | null {
    switch (auth.kind) {
      case 'basic': {
        const { apiKey, apiSecret } = auth;
        if (lastBasic?.apiKey !== apiKey || lastBasic.apiSecret !== apiSecret)
          lastBasic = { apiKey, apiSecret, header: basicAuthorization(apiKey, apiSecret) };
        return { sent: lastBasic.header, shown: 'Basic [redacted]' };
      }
      case 'bearer':
        return { sent: `Bearer ${auth.token}`, shown: 'Bearer [redacted]' };
      case 'none':
        return null;
      default: {
        const unreachable: never = auth;
        throw new Error(`unknown auth ${JSON.stringify(unreachable)}`);
      }
    }
  }

  function poolFor(origin: string): Pool {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: options.connectionsPerOrigin ?? 16, connect: connector });
      pools.set(origin, pool);
    }
    return pool;
  }

  async function exchange(route: Route, request: SendRequest, issues: AppError[]): Promise<SendExchange> {
    const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
    const bodyText = JSON.stringify(request.operation.payload ?? null);
    // A fresh Buffer per request: the exchange timer recognises the request by this very object.
    const body = Buffer.from(bodyText, 'utf8');
    const authorization = authorizationHeader(request.auth);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': userAgent,
    };
    const captured: CapturedRequest = {
      method: route.method,
      url: route.url.href,
      headers: { ...headers },
      body: bodyText,
    };
    if (authorization) {
      headers.authorization = authorization.sent;
      captured.headers.authorization = authorization.shown;
    }

    const timing = timer.start(body);
    let response: CapturedResponse | null = null;
    let error: AppError | null = null;
    try {
      const answer = await poolFor(route.url.origin).request({
        method: route.method,
        path: `${route.url.pathname}${route.url.search}`,
        headers,
        body,
        // undici's own timers: an AbortSignal.timeout per request made loopback sends ~25% slower (bench/send-path.ts).
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await answer.body.text();
      response = {
        status: answer.statusCode,
        headers: answer.headers as CapturedResponse['headers'],
        body: text,
        json: parseJson(text),
      };
    } catch (failure) {
      error = describeNetworkFailure(failure, route.url, timeoutMs);
    }
    const status = response?.status ?? 0;
    return {
      id: randomUUID(),
      operation: route.name,
      profileName: request.profileName ?? null,
      request: captured,
      response,
      problem: response ? parseProblem(status, response.json) : null,
      messageUuid: response ? messageUuidOf(status, response.json) : null,
      timings: timing.finish(),
      error,
      validationIssues: issues,
      warnings: request.warnings ?? [],
      succeeded: status >= 200 && status <= 299,
    };
  }

  return {
    async send(request) {
      const route = routeOf(request.baseUrl, request.operation);
      if (!route.ok) return route;
      const issues = options.validatePayload(request.operation.payload, request.operation);
      if (issues.length > 0 && !request.override) return payloadRefusal(issues);
      const result = await exchange(route.value, request, issues);
      options.history?.record(result);
      return ok(result);
    },
    async close() {
      timer.close();
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      pools.clear();
    },
  };
}
