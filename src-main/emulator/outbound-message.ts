import {
  convertRequest,
  smsInfo,
  v1ChannelOf,
  type ApiVersion,
  type SmsEncodingType,
  type V01Channel,
  type V1Channel,
} from '../../src-shared/messages';
import type { MessageFacts } from '../../src-shared/emulator-scenarios';

/**
 * The channels the emulator plays out: the model's v1 channels, and email
 * (spec 1.20.0), named here too so its status webhooks exist whether or not
 * the model lists it yet.
 */
export type OutboundChannel = V1Channel | 'email';

/** Channels with no v0.1 counterpart, whose webhooks are always v1. */
const v1OnlyChannels: ReadonlySet<string> = new Set(['rcs', 'email']);

/**
 * One message to play out, read from a send request that already passed
 * validation, in the same terms for both API versions. A v1 request with
 * `failover` yields one item per message, primary first.
 */
export interface OutboundItem extends MessageFacts {
  channel: OutboundChannel;
  from: string;
  clientRef?: string;
  /** Per-message status URL (v1 `webhook_url`); the emulator's status URL otherwise. */
  webhookUrl?: string;
  /** The shape of this message's status webhooks. */
  webhookVersion: ApiVersion;
  /** SMS only: the segments the text takes in the encoding sms.encoding_type asked for (sms.count_total). */
  smsSegments?: number;
}

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const object = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

/** Counted once per message, not once per status webhook. */
const segments = (text: string | undefined, encoding: SmsEncodingType) => smsInfo(text ?? '', encoding).segments;

function v1Item(body: Json, parent: Json, defaultVersion: ApiVersion): OutboundItem {
  const channel = body.channel as OutboundChannel;
  const asked = text(body.webhook_version) ?? text(parent.webhook_version);
  const webhookVersion: ApiVersion = v1OnlyChannels.has(channel)
    ? 'v1'
    : asked === 'v0.1' || asked === 'v1'
      ? asked
      : defaultVersion;
  const item: OutboundItem = {
    channel,
    messageType: String(body.message_type),
    to: String(body.to),
    from: String(body.from),
    webhookVersion,
  };
  const content = text(body.text);
  if (content !== undefined) item.text = content;
  const clientRef = text(body.client_ref) ?? text(parent.client_ref);
  if (clientRef !== undefined) item.clientRef = clientRef;
  const webhookUrl = text(body.webhook_url) ?? text(parent.webhook_url);
  if (webhookUrl !== undefined) item.webhookUrl = webhookUrl;
  const encoding = text(object(body.sms).encoding_type);
  if (channel === 'sms')
    item.smsSegments = segments(content, encoding === 'text' || encoding === 'unicode' ? encoding : 'auto');
  return item;
}

/** The messages of a valid v1 request: the primary, then each failover item. */
export function v1Items(body: Json, defaultVersion: ApiVersion): OutboundItem[] {
  const failover = Array.isArray(body.failover) ? body.failover.map(object) : [];
  return [v1Item(body, {}, defaultVersion), ...failover.map((item) => v1Item(item, body, defaultVersion))];
}

/** The message of a valid v0.1 request; its webhooks are always v0.1. */
export function v01Item(body: Json): OutboundItem {
  const to = object(body.to);
  const from = object(body.from);
  const content = object(object(body.message).content);
  const item: OutboundItem = {
    channel: v1ChannelOf(to.type as V01Channel),
    messageType: String(content.type),
    to: String(to.number ?? to.id),
    from: String(from.number ?? from.id),
    webhookVersion: 'v0.1',
  };
  const words = text(content.text);
  if (words !== undefined) item.text = words;
  const clientRef = text(body.client_ref);
  if (clientRef !== undefined) item.clientRef = clientRef;
  return item;
}

/**
 * Each item of a valid request as a v1 request of its own, for the phone:
 * the primary without its failover list, then each failover item; a v0.1
 * request converted to v1.
 */
export function v1RequestsOf(api: ApiVersion, body: Json): Json[] {
  if (api === 'v0.1') {
    const converted = convertRequest(body, 'v1');
    return [converted.ok ? converted.value.payload : body];
  }
  const { failover, ...primary } = body;
  return [primary, ...(Array.isArray(failover) ? failover.map(object) : [])];
}
