import { lookupCode } from '../../src-shared/errors';
import { v01ChannelOf } from '../../src-shared/messages';
import { v01AddressKind } from '../../src-shared/messages/channels';
import type { OutboundChannel, OutboundItem } from './outbound-message';
import { newInstanceId } from './problems';

/**
 * Builds status webhook bodies as Vonage shapes them per channel and
 * version. Where the docs and the spec place `usage`: on `submitted` for
 * SMS and MMS, on `delivered` for WhatsApp, Messenger and Viber; never for
 * RCS or email (the spec has none). WhatsApp pricing rides only on
 * `delivered`. An email status (spec 1.20.0) carries the addresses as `to`
 * and `from` and nothing channel-specific.
 */

export type StatusName = 'submitted' | 'delivered' | 'read' | 'rejected' | 'undeliverable';

export interface Workflow {
  workflow_id: string;
  /** 1 for the primary message, 2 for the first failover item... */
  itemNumber: number;
  itemsTotal: number;
}

export interface StatusDetails {
  messageUuid: string;
  status: StatusName;
  /** Vonage error code of a rejected or undeliverable message. */
  errorCode?: number;
  workflow?: Workflow;
  now?: Date;
}

/** Emulated prices in EUR, as strings like Vonage's. */
const prices: Record<Exclude<OutboundChannel, 'rcs' | 'email'>, string> = {
  sms: '0.0333',
  mms: '0.0400',
  whatsapp: '0.0147',
  messenger: '0.0050',
  viber_service: '0.0120',
};

/** A made-up but well-formed mobile network (Vodafone UK), for `destination.network_code`. */
const NETWORK_CODE = '23415';

/** The status that carries `usage`, and its price; none for channels the spec bills without it. */
function usageOf(channel: OutboundChannel): { on: StatusName; price: string } | undefined {
  switch (channel) {
    case 'sms':
    case 'mms':
      return { on: 'submitted', price: prices[channel] };
    case 'whatsapp':
    case 'messenger':
    case 'viber_service':
      return { on: 'delivered', price: prices[channel] };
    case 'rcs':
    case 'email':
      return undefined;
    default:
      return unreachable(channel);
  }
}

/** A template starts a paid conversation; anything else rides the free customer-service window. */
function whatsappPricing(item: OutboundItem) {
  const paid = item.messageType === 'template';
  return {
    usage: { currency: 'EUR', price: paid ? prices.whatsapp : '0' },
    whatsapp: {
      pricing: paid
        ? { type: 'regular', pricing_model: 'PMP', category: 'utility' }
        : { type: 'free_customer_service', pricing_model: 'PMP', category: 'service' },
    },
  };
}

function v1Error(code: number) {
  return {
    type: `https://developer.vonage.com/api-errors/messages#${code}`,
    title: String(code),
    detail: lookupCode(code)?.title ?? 'Unknown error',
    instance: newInstanceId(),
  };
}

/** Seconds precision and a Z, as the v1 spec examples show. */
const v1Time = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function v1StatusBody(item: OutboundItem, details: StatusDetails): Record<string, unknown> {
  const { messageUuid, status, errorCode, workflow, now = new Date() } = details;
  const body: Record<string, unknown> = {
    message_uuid: messageUuid,
    to: item.to,
    from: item.from,
    timestamp: v1Time(now),
    status,
    channel: item.channel,
  };
  if (errorCode !== undefined) body.error = v1Error(errorCode);
  if (item.clientRef !== undefined) body.client_ref = item.clientRef;
  if (workflow !== undefined) {
    body.workflow = {
      workflow_id: workflow.workflow_id,
      items_number: String(workflow.itemNumber),
      items_total: String(workflow.itemsTotal),
    };
  }
  const usage = usageOf(item.channel);
  if (item.channel === 'whatsapp' && status === 'delivered') Object.assign(body, whatsappPricing(item));
  else if (usage?.on === status) body.usage = { currency: 'EUR', price: usage.price };
  if (item.channel === 'sms' || item.channel === 'mms' || item.channel === 'rcs')
    body.destination = { network_code: NETWORK_CODE };
  if (item.smsSegments !== undefined) body.sms = { count_total: String(item.smsSegments) };
  return body;
}

export function v01StatusBody(item: OutboundItem, details: StatusDetails): Record<string, unknown> {
  const { messageUuid, status, errorCode, now = new Date() } = details;
  const channel = item.channel === 'email' ? undefined : v01ChannelOf(item.channel);
  if (channel === undefined) throw new Error(`${item.channel} has no v0.1 webhooks`);
  const kinds = v01AddressKind[channel];
  const body: Record<string, unknown> = {
    message_uuid: messageUuid,
    to: { type: channel, [kinds.to]: item.to },
    from: { type: channel, [kinds.from]: item.from },
    timestamp: now.toISOString(),
    status,
  };
  if (errorCode !== undefined)
    body.error = { code: errorCode, reason: lookupCode(errorCode)?.title ?? 'Unknown error' };
  const usage = usageOf(item.channel);
  if (usage?.on === status) {
    const free = item.channel === 'whatsapp' && item.messageType !== 'template';
    body.usage = { currency: 'EUR', price: free ? '0' : usage.price };
  }
  if (item.clientRef !== undefined) body.client_ref = item.clientRef;
  return body;
}

/** The status body in the item's webhook version. */
export function statusBody(item: OutboundItem, details: StatusDetails): Record<string, unknown> {
  return item.webhookVersion === 'v0.1' ? v01StatusBody(item, details) : v1StatusBody(item, details);
}

function unreachable(value: never): never {
  throw new Error(`Unhandled channel: ${String(value)}`);
}
