/**
 * The emulator's HTTP face: a local stand-in for the Vonage Messages API.
 *
 * Accepts, and nothing else (any other route is a 404 problem):
 *   POST  /v1/messages                  send, v1 body; Basic or JWT
 *   PATCH /v1/messages/{message_uuid}   mark an inbound WhatsApp or RCS message
 *                                       read, revoke an outbound RCS one; JWT only
 *   POST  /v0.1/messages[/]             send, v0.1 body; Basic or JWT
 *
 * Authentication, checked before the body is parsed, as Vonage does:
 *   Basic base64(api_key:api_secret) compared in constant time with the
 *   configured pair; or Bearer <JWT>, RS256 only, verified against the
 *   configured application's public key, with `iat` and `application_id`
 *   required, `application_id` equal to the configured one, `exp` honoured
 *   when present (30 s of clock skew allowed). Anything else is a 401 problem.
 *
 * Then: JSON parse (invalid-json problem), validation with the workbench's
 * message model (422 with invalid_parameters for v1, v0.1's single 400),
 * scenario rules (slow, throttle, 402/429/500), then 202 and the webhooks.
 * Bodies are capped at 1 MiB. The Authorization header is never recorded.
 * Every answer carries an X-Request-Id, which is also the id of the
 * emulator.request event that records it (headers: answer-headers.ts).
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { validateRequest, type ApiVersion } from '../../src-shared/messages';
import { decodePath, parseRequest } from '../http/request-target';
import { answerHeaders } from './answer-headers';
import type { ApiAuthenticator, AuthScheme } from './api-auth';
import type { EmulatorRequestEvent } from '../../src-shared/emulator-events';
import { newWorkflowId, type AcceptedMessage } from './message-flow';
import type { MessageRegistry } from './message-registry';
import { judgeUpdate } from './message-update';
import { v01Item, v1Items, v1RequestsOf } from './outbound-message';
import { problems, type ProblemAnswer } from './problems';
import type { RateLimitWindow, ScenarioEngine } from './scenario-engine';
import { v1ValidationProblem } from './validation-problem';

const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpApiOptions {
  auth: ApiAuthenticator;
  scenarios: ScenarioEngine;
  registry: MessageRegistry;
  /** Status webhook version for v1 sends that do not say (the application's "Messages API version"). */
  defaultWebhookVersion: ApiVersion;
  /** Starts playing out an accepted message, given with each item's v1 request (for the phone); must not throw. */
  accept(message: AcceptedMessage, requests: Record<string, unknown>[]): void;
  onRequest(event: EmulatorRequestEvent): void;
  /** Told of each PATCH accepted, with its body; must not throw. */
  onUpdate?(messageUuid: string, update: Record<string, unknown>): void;
  /** Aborted on close: slow answers stop waiting. */
  signal: AbortSignal;
}

interface Answer {
  status: number;
  body?: object;
  messageUuid?: string;
  workflowId?: string;
  scenarioRules?: string[];
  /** The window a 429 reports in its headers. */
  rateLimit?: RateLimitWindow;
  /** Starts playing out an accepted message: run once the 202 is on its way, so its webhooks never delay it. */
  playOut?: () => void;
}

type Route = { kind: 'send'; api: ApiVersion } | { kind: 'update'; messageUuid: string } | { kind: 'unknown' };

function routeOf(method: string, path: string): Route {
  if (method === 'POST' && path === '/v1/messages') return { kind: 'send', api: 'v1' };
  if (method === 'POST' && (path === '/v0.1/messages' || path === '/v0.1/messages/'))
    return { kind: 'send', api: 'v0.1' };
  const update = /^\/v1\/messages\/([^/]+)$/.exec(path);
  const messageUuid = update ? decodePath(update[1]!) : undefined;
  if (method === 'PATCH' && messageUuid !== undefined) return { kind: 'update', messageUuid };
  return { kind: 'unknown' };
}

const fromProblem = (problem: ProblemAnswer, scenarioRules?: string[], rateLimit?: RateLimitWindow): Answer => ({
  status: problem.status,
  body: problem.body,
  ...(scenarioRules ? { scenarioRules } : {}),
  ...(rateLimit ? { rateLimit } : {}),
});

/**
 * The body, or undefined past MAX_BODY_BYTES (the 413 then closes the
 * connection, so a sender cannot keep it busy with an endless body). Events rather than an async iterator: one
 * fewer generator, promise and read() per chunk, on every send.
 */
function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Whichever comes first settles it; what comes after is ignored.
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      settled = true;
      resolve(undefined);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
    request.on('error', reject);
    request.on('close', () => {
      if (!settled) reject(new Error('the request closed before its body ended'));
      settled = true;
    });
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

export function createHttpApi(options: HttpApiOptions) {
  async function send(api: ApiVersion, payload: unknown): Promise<Answer> {
    const report = validateRequest(payload, { api });
    if (report.errors.length > 0)
      return fromProblem(api === 'v1' ? v1ValidationProblem(report) : problems.v01Invalid());
    const body = payload as Record<string, unknown>;
    const items = api === 'v1' ? v1Items(body, options.defaultWebhookVersion) : [v01Item(body)];
    const primary = items[0]!;
    const decision = options.scenarios.decideCall(primary);
    if (decision.delayMs > 0) await sleep(decision.delayMs, undefined, { signal: options.signal });
    if (decision.httpStatus !== undefined) {
      const problem =
        decision.httpStatus === 402
          ? problems.lowBalance()
          : decision.httpStatus === 429
            ? problems.throttled()
            : problems.internal();
      return fromProblem(problem, decision.ruleNames, decision.rateLimit);
    }
    const uuids = items.map(() => crypto.randomUUID());
    items.forEach((item, index) =>
      options.registry.remember(uuids[index]!, { channel: item.channel, direction: 'outbound' }),
    );
    const workflowId = items.length > 1 ? newWorkflowId() : undefined;
    const plans = items.flatMap((item) => options.scenarios.planDelivery(item).ruleNames);
    const requests = v1RequestsOf(api, body);
    const message: AcceptedMessage = { items, uuids, ...(workflowId === undefined ? {} : { workflowId }) };
    const messageUuid = uuids[0]!;
    return {
      status: 202,
      body:
        workflowId === undefined
          ? { message_uuid: messageUuid }
          : { message_uuid: messageUuid, workflow_id: workflowId },
      messageUuid,
      ...(workflowId === undefined ? {} : { workflowId }),
      scenarioRules: [...decision.ruleNames, ...plans],
      playOut: () => options.accept(message, requests),
    };
  }

  function update(messageUuid: string, payload: unknown): Answer {
    const verdict = judgeUpdate(options.registry, messageUuid, payload);
    if (!verdict.ok) return fromProblem(verdict.problem);
    options.onUpdate?.(messageUuid, payload as Record<string, unknown>);
    return { status: 202, messageUuid };
  }

  async function answer(
    route: Route,
    method: string,
    path: string,
    bodyText: string | undefined,
    authorization: string | undefined,
  ) {
    if (route.kind === 'unknown')
      return { scheme: 'none' as const, answer: fromProblem(problems.routeNotFound(method, path)) };
    const verdict = await options.auth.authenticate(authorization, { jwtOnly: route.kind === 'update' });
    if (!verdict.ok) return { scheme: verdict.scheme, answer: fromProblem(verdict.problem) };
    if (bodyText === undefined)
      return { scheme: verdict.scheme, answer: fromProblem(problems.bodyTooLarge(MAX_BODY_BYTES)) };
    const api: ApiVersion = route.kind === 'send' ? route.api : 'v1';
    const parsed = parseJson(bodyText);
    if (!parsed.ok)
      return {
        scheme: verdict.scheme,
        answer: fromProblem(problems.invalidJson(api === 'v1' ? 422 : 400, parsed.message)),
      };
    const result =
      route.kind === 'send' ? await send(route.api, parsed.value) : update(route.messageUuid, parsed.value);
    return { scheme: verdict.scheme, answer: result };
  }

  return async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const began = performance.now();
    const { method, path } = parseRequest(request);
    const route = routeOf(method, path);
    const raw = await readBody(request);
    const bodyText = raw?.toString('utf8');
    let outcome: { scheme: AuthScheme | 'none'; answer: Answer };
    try {
      outcome = await answer(route, method, path, bodyText, request.headers.authorization);
    } catch (error) {
      if (options.signal.aborted) return void response.destroy();
      throw error;
    }
    const text = outcome.answer.body === undefined ? '' : JSON.stringify(outcome.answer.body);
    const requestId = crypto.randomUUID();
    const { status, rateLimit } = outcome.answer;
    // A body cut short at the limit is still arriving: the connection closes once the answer is out.
    if (raw === undefined) response.shouldKeepAlive = false;
    response.writeHead(
      status,
      answerHeaders({ status, hasBody: text !== '', requestId, ...(rateLimit ? { rateLimit } : {}) }),
    );
    response.end(text);
    options.onRequest({
      kind: 'emulator.request',
      id: requestId,
      at: new Date().toISOString(),
      method,
      path,
      api: route.kind === 'send' ? route.api : route.kind === 'update' ? 'v1' : null,
      auth: outcome.scheme,
      status: outcome.answer.status,
      requestBody: bodyText ?? '',
      responseBody: text,
      ...(outcome.answer.messageUuid === undefined ? {} : { messageUuid: outcome.answer.messageUuid }),
      ...(outcome.answer.workflowId === undefined ? {} : { workflowId: outcome.answer.workflowId }),
      scenarioRules: outcome.answer.scenarioRules ?? [],
      durationMs: Math.round(performance.now() - began),
    });
    outcome.answer.playOut?.();
  };
}
