import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OutboundChannel, OutboundItem } from './outbound-message';
import type { DeliveryPlan, ScenarioEngine } from './scenario-engine';
import { statusBody, type StatusName, type Workflow } from './status-webhooks';
import type { WebhookDelivery } from './webhook-delivery';

/**
 * Plays an accepted message out as status webhooks, one after another:
 * SMS and MMS go submitted → delivered; RCS, WhatsApp, Messenger, Viber and
 * email go on to read. A scenario may reject a message (SMS and MMS are submitted
 * first, as carriers reject after submission) or mark it undeliverable. With
 * failover, a rejected item hands over to the next, each item reporting its
 * place in the workflow.
 *
 * Unlike Vonage, which retries each webhook on its own, a message's next
 * status waits until the previous webhook was accepted or given up, so a
 * receiver always sees a message's statuses in order.
 */

export interface Timings {
  /** From the 202 to `submitted`. */
  submittedMs: number;
  /** From `submitted` to `delivered` (or to `rejected` / `undeliverable`). */
  deliveredMs: number;
  /** From `delivered` to `read`. */
  readMs: number;
}

export const defaultTimings: Timings = { submittedMs: 150, deliveredMs: 900, readMs: 2_500 };

const readsReported: Record<OutboundChannel, boolean> = {
  sms: false,
  mms: false,
  rcs: true,
  whatsapp: true,
  messenger: true,
  viber_service: true,
  // The email status schema of spec 1.20.0 adds read, as the chat channels' do.
  email: true,
};

interface Step {
  status: StatusName;
  waitMs: number;
  errorCode?: number;
}

function stepsFor(channel: OutboundChannel, plan: DeliveryPlan, timings: Timings): Step[] {
  if (plan.kind === 'deliver') {
    const steps: Step[] = [
      { status: 'submitted', waitMs: timings.submittedMs },
      { status: 'delivered', waitMs: timings.deliveredMs },
    ];
    if (readsReported[channel] && plan.read) steps.push({ status: 'read', waitMs: timings.readMs });
    return steps;
  }
  const failure: Step = {
    status: plan.kind === 'reject' ? 'rejected' : 'undeliverable',
    waitMs: timings.deliveredMs,
    errorCode: plan.code,
  };
  return channel === 'sms' || channel === 'mms'
    ? [{ status: 'submitted', waitMs: timings.submittedMs }, failure]
    : [failure];
}

/** A workflow id shaped like Vonage's: 55 characters of base58. */
export function newWorkflowId(): string {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  return Array.from(crypto.randomBytes(55), (byte) => alphabet[byte % alphabet.length]).join('');
}

export interface MessageFlowOptions {
  timings: Timings;
  /** Where status webhooks go when the message names no webhook_url; none are sent without either. */
  statusUrl?: string;
  scenarios: ScenarioEngine;
  delivery: WebhookDelivery;
  signal: AbortSignal;
  /** Told of each status as it is played, before its webhook goes (or when there is nowhere to send it). */
  onStep?: (step: { messageUuid: string; itemIndex: number; status: StatusName; errorCode?: number }) => void;
}

export interface AcceptedMessage {
  items: OutboundItem[];
  /** One per item; the first is the message_uuid of the 202. */
  uuids: string[];
  workflowId?: string;
}

/**
 * Where a message's status webhooks go: its own webhook_url, except one on a
 * name reserved for examples (RFC 2606: example.com/.net/.org, *.example,
 * *.test, *.invalid), which can never receive anything; those fall back to the
 * emulator's status URL, so a template copied as is still closes the loop.
 */
export function statusTarget(webhookUrl: string | undefined, statusUrl: string | undefined): string | undefined {
  if (webhookUrl === undefined) return statusUrl;
  let host: string;
  try {
    host = new URL(webhookUrl).hostname.toLowerCase();
  } catch {
    return statusUrl;
  }
  const reserved = /(^|\.)example\.(com|net|org)$|\.(example|test|invalid)$|^(example|test|invalid)$/.test(host);
  return reserved ? (statusUrl ?? webhookUrl) : webhookUrl;
}

export async function playOut(message: AcceptedMessage, options: MessageFlowOptions): Promise<void> {
  const { items, uuids, workflowId } = message;
  for (const [index, item] of items.entries()) {
    const plan = options.scenarios.planDelivery(item);
    const messageUuid = uuids[index]!;
    const workflow: Workflow | undefined =
      workflowId === undefined
        ? undefined
        : { workflow_id: workflowId, itemNumber: index + 1, itemsTotal: items.length };
    const url = statusTarget(item.webhookUrl, options.statusUrl);
    for (const step of stepsFor(item.channel, plan, options.timings)) {
      if (step.waitMs > 0) await sleep(step.waitMs, undefined, { signal: options.signal });
      options.onStep?.({
        messageUuid,
        itemIndex: index,
        status: step.status,
        ...(step.errorCode === undefined ? {} : { errorCode: step.errorCode }),
      });
      if (url === undefined) continue;
      const body = statusBody(item, {
        messageUuid,
        status: step.status,
        ...(step.errorCode === undefined ? {} : { errorCode: step.errorCode }),
        ...(workflow === undefined ? {} : { workflow }),
      });
      await options.delivery.deliver({
        target: 'status',
        url,
        body,
        messageUuid,
        label: step.status,
        version: item.webhookVersion,
        ...(plan.signatureFault === undefined ? {} : { signatureFault: plan.signatureFault }),
      });
    }
    if (plan.kind !== 'reject') return;
  }
}
