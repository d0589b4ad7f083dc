/**
 * Judges one request's assertions against its exchange. Response checks are
 * immediate; webhook checks await the store and live feed, all at once, so a
 * 10 s and a 30 s wait overlap instead of adding up.
 */
import { readJsonPath, type Assertion, type AssertionOutcome } from '../../src-shared/collections';
import type { SendExchange } from '../../src-shared/send-exchange';
import { awaitWebhook, inboundText, type WebhookSource } from './webhook-waiter';

export interface AssertionContext {
  exchange: SendExchange;
  /** The payload's `to`, which a reply comes from. */
  recipient: string | null;
  sentAtMs: number;
  webhooks: WebhookSource;
}

export function labelOf(assertion: Assertion): string {
  switch (assertion.kind) {
    case 'httpStatus':
      return `HTTP status ${assertion.equals}`;
    case 'jsonPath':
      if (assertion.equals !== undefined) return `${assertion.path} equals ${JSON.stringify(assertion.equals)}`;
      if (assertion.matches !== undefined) return `${assertion.path} matches /${assertion.matches}/`;
      return `${assertion.path} ${assertion.exists === false ? 'is absent' : 'exists'}`;
    case 'webhookStatus':
      return `status ${assertion.status} within ${assertion.withinMs} ms`;
    case 'inboundReply':
      return `an inbound reply matching /${assertion.matches}/${assertion.flags} within ${assertion.withinMs} ms`;
    default: {
      const unreachable: never = assertion;
      throw new Error(`unknown assertion ${JSON.stringify(unreachable)}`);
    }
  }
}

function checkJsonPath(
  assertion: Extract<Assertion, { kind: 'jsonPath' }>,
  body: unknown,
): { passed: boolean; detail: string } {
  const read = readJsonPath(body, assertion.path);
  if (!read.ok) return { passed: false, detail: read.error.message };
  const { found, value } = read.value;
  const shown = found ? JSON.stringify(value) : 'nothing';
  if (assertion.equals !== undefined)
    return { passed: found && JSON.stringify(value) === JSON.stringify(assertion.equals), detail: `found ${shown}` };
  if (assertion.matches !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(assertion.matches);
    } catch (error) {
      return { passed: false, detail: `the pattern is not valid: ${(error as Error).message}` };
    }
    return {
      passed: found && pattern.test(typeof value === 'string' ? value : JSON.stringify(value)),
      detail: `found ${shown}`,
    };
  }
  return { passed: found === (assertion.exists ?? true), detail: `found ${shown}` };
}

async function checkOne(assertion: Assertion, context: AssertionContext): Promise<{ passed: boolean; detail: string }> {
  const { exchange, sentAtMs } = context;
  const status = exchange.response?.status ?? null;
  switch (assertion.kind) {
    case 'httpStatus':
      return {
        passed: status === assertion.equals,
        detail: status === null ? `no answer: ${exchange.error?.message ?? 'unknown'}` : `got ${status}`,
      };
    case 'jsonPath':
      return checkJsonPath(assertion, exchange.response?.json ?? null);
    case 'webhookStatus': {
      const messageUuid = exchange.messageUuid;
      if (!messageUuid) return { passed: false, detail: 'the answer had no message_uuid to follow' };
      const event = await awaitWebhook(context.webhooks, {
        query: { messageUuid, kind: 'status' },
        matches: (candidate) =>
          candidate.kind === 'status' && candidate.messageUuid === messageUuid && candidate.status === assertion.status,
        sinceMs: sentAtMs,
        deadlineMs: sentAtMs + assertion.withinMs,
      });
      if (event) return { passed: true, detail: `after ${Date.parse(event.receivedAt) - sentAtMs} ms` };
      const seen = await context.webhooks.list({ messageUuid, kind: 'status', limit: 20 });
      const statuses = seen.ok
        ? seen.value.events
            .map((candidate) => candidate.status)
            .reverse()
            .join(', ')
        : '';
      return { passed: false, detail: `not within ${assertion.withinMs} ms; statuses seen: ${statuses || 'none'}` };
    }
    case 'inboundReply': {
      let pattern: RegExp;
      try {
        pattern = new RegExp(assertion.matches, assertion.flags);
      } catch (error) {
        return { passed: false, detail: `the pattern is not valid: ${(error as Error).message}` };
      }
      const event = await awaitWebhook(context.webhooks, {
        query: { kind: 'inbound' },
        matches: (candidate) =>
          candidate.kind === 'inbound' &&
          (context.recipient === null || candidate.from === context.recipient) &&
          pattern.test(inboundText(candidate)),
        sinceMs: sentAtMs,
        deadlineMs: sentAtMs + assertion.withinMs,
      });
      return event
        ? {
            passed: true,
            detail: `"${inboundText(event).slice(0, 80)}" after ${Date.parse(event.receivedAt) - sentAtMs} ms`,
          }
        : {
            passed: false,
            detail: `no matching reply${context.recipient ? ` from ${context.recipient}` : ''} within ${assertion.withinMs} ms`,
          };
    }
    default: {
      const unreachable: never = assertion;
      throw new Error(`unknown assertion ${JSON.stringify(unreachable)}`);
    }
  }
}

/** With no HTTP status assertion, a request must at least get a 2xx. */
export async function checkAssertions(assertions: Assertion[], context: AssertionContext): Promise<AssertionOutcome[]> {
  const implicit: AssertionOutcome[] = assertions.some((assertion) => assertion.kind === 'httpStatus')
    ? []
    : [
        {
          label: 'HTTP status 2xx',
          passed: context.exchange.succeeded,
          detail: context.exchange.response
            ? `got ${context.exchange.response.status}`
            : `no answer: ${context.exchange.error?.message ?? 'unknown'}`,
        },
      ];
  const judged = await Promise.all(
    assertions.map(async (assertion) => ({ label: labelOf(assertion), ...(await checkOne(assertion, context)) })),
  );
  return [...implicit, ...judged];
}
