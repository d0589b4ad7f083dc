/**
 * A call the built-in emulator answered, as a timeline event: kept in the same
 * store as the webhooks it causes, so the timeline shows both sides of the loop.
 * No Authorization header is ever part of it (the emulator never reports one).
 * A refused call keeps its problem type as the error code, so the timeline can
 * mark it failed and explain it like a status webhook's code.
 */
import type { EmulatorRequestEvent } from '../../src-shared/emulator-events';
import { parseProblem } from '../send/problem-details';
import { bodyTooDeepProblem, nestsDeeperThan } from './body-depth';
import type { NewWebhookRecord } from './event-types';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** v1 addresses are strings; v0.1 ones are `{ type, number | id }`. */
function address(value: unknown): string | null {
  if (!isRecord(value)) return text(value);
  return text(value.number) ?? text(value.id);
}

/** The problem a refused call was answered with; null for a success or a body that is not a problem. */
function answerProblem(call: EmulatorRequestEvent) {
  if (call.status < 400) return null;
  try {
    return parseProblem(call.status, JSON.parse(call.responseBody));
  } catch {
    return null;
  }
}

export function apiCallRecord(call: EmulatorRequestEvent): NewWebhookRecord {
  const problem = answerProblem(call);
  // Measured first: a request body of any depth is recorded, but only a shallow one is parsed.
  const tooDeep = nestsDeeperThan(call.requestBody);
  let body: unknown;
  try {
    body = tooDeep ? undefined : JSON.parse(call.requestBody);
  } catch {
    body = undefined;
  }
  const request = isRecord(body) ? body : {};
  const content = isRecord(request.message) && isRecord(request.message.content) ? request.message.content : {};
  const [path = call.path, query = ''] = call.path.split('?');
  return {
    receivedAt: Date.parse(call.at) - Math.round(call.durationMs),
    method: call.method,
    path,
    query,
    headers: {},
    remoteAddress: null,
    rawBody: Buffer.from(call.requestBody),
    bytesReceived: Buffer.byteLength(call.requestBody),
    bodyText: call.requestBody,
    bodyIsJson: body !== undefined,
    bodyTooDeep: tooDeep,
    parseError: tooDeep
      ? bodyTooDeepProblem
      : body === undefined && call.requestBody !== ''
        ? 'The request body is not JSON.'
        : null,
    truncated: false,
    classification: {
      kind: 'api-call',
      apiVersion: call.api,
      channel: text(request.channel) ?? (isRecord(request.to) ? text(request.to.type) : null),
      messageType: text(request.message_type) ?? text(content.type),
      status: null,
      errorCode: problem?.type ?? null,
      messageUuid: call.messageUuid ?? null,
      clientRef: text(request.client_ref),
      from: address(request.from),
      to: address(request.to),
    },
    verdict: 'not-a-webhook',
    verdictReason: `An API call (${call.auth} auth) the built-in emulator answered with ${call.status}${problem ? ` (${problem.title})` : ''}${call.scenarioRules.length ? `, shaped by: ${call.scenarioRules.join(', ')}` : ''}.`,
    answerStatus: call.status,
  };
}
