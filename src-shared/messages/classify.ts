import { z } from 'zod';
import { channelLabels, isV01Channel, isV1Channel, v1ChannelOf, type V1Channel } from './channels';
import { issueSchema, type Issue } from './issue';
import { v01InboundSchema, v01InboundTypes, v01StatusSchema } from './webhooks-v01';
import { v1InboundSchema, v1InboundTypes, v1StatusSchema } from './webhooks-v1';
import { mapZodIssues } from './zod-issues';

export const webhookClassificationSchema = z.object({
  kind: z.enum(['status', 'inbound', 'unknown']),
  version: z.enum(['v1', 'v0.1']).nullable(),
  /** Always the v1 name (viber_service), whatever the version. */
  channel: z.string().nullable(),
  message_type: z.string().nullable(),
  status: z.string().nullable(),
  /** The Vonage numeric code of a failed status (v1 error.title, v0.1 error.code). */
  errorCode: z.number().nullable(),
  message_uuid: z.string().nullable(),
  client_ref: z.string().nullable(),
  /** Why the body is `unknown`. */
  reason: z.string().optional(),
  /** Where a recognised body departs from its (tolerant) schema; it is still classified. */
  issues: z.array(issueSchema),
});
export type WebhookClassification = z.infer<typeof webhookClassificationSchema>;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function codeOf(error: unknown): number | null {
  if (!isObject(error)) return null;
  for (const candidate of [error.code, error.title, /#(\d+)$/.exec(String(error.type ?? ''))?.[1]]) {
    const n =
      typeof candidate === 'number'
        ? candidate
        : typeof candidate === 'string' && /^\d+$/.test(candidate.trim())
          ? Number(candidate)
          : NaN;
    if (Number.isInteger(n)) return n;
  }
  return null;
}

export interface ClassifyOptions {
  /**
   * List where a recognised body departs from its schema (on by default).
   * Off, `issues` stays empty and no schema runs: what the receiver wants on
   * its answer path, where a full schema check per webhook was most of the
   * classifying and its result was not kept.
   */
  checkShape?: boolean;
}

function issuesOf(check: boolean, schema: z.ZodType, body: Json, label: string): Issue[] {
  if (!check) return [];
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : mapZodIssues(parsed.error.issues, { input: body, label, prefix: [] }).errors;
}

/**
 * Says what a webhook body is, from the body alone: status or inbound, which
 * API version, channel, message type, status and error code. Never throws;
 * a body it cannot place is `unknown` with the reason.
 */
export function classifyWebhook(body: unknown, options: ClassifyOptions = {}): WebhookClassification {
  const check = options.checkShape ?? true;
  const base: WebhookClassification = {
    kind: 'unknown',
    version: null,
    channel: null,
    message_type: null,
    status: null,
    errorCode: null,
    message_uuid: null,
    client_ref: null,
    issues: [],
  };
  if (!isObject(body)) return { ...base, reason: 'The body is not a JSON object' };
  const common = { ...base, message_uuid: stringOrNull(body.message_uuid), client_ref: stringOrNull(body.client_ref) };
  if (isObject(body.to) && 'type' in body.to) return classifyV01(body, common, check);
  if (typeof body.channel === 'string') return classifyV1(body, common, check);
  return { ...common, reason: 'Neither a v1 body (channel field) nor a v0.1 body (to.type)' };
}

function classifyV1(body: Json, common: WebhookClassification, check: boolean): WebhookClassification {
  const channel = body.channel;
  if (!isV1Channel(channel)) return { ...common, version: 'v1', reason: `Unknown channel ${JSON.stringify(channel)}` };
  const found = { ...common, version: 'v1' as const, channel };
  if (typeof body.status === 'string') {
    return {
      ...found,
      kind: 'status',
      status: body.status,
      errorCode: codeOf(body.error),
      issues: issuesOf(check, v1StatusSchema, body, `A v1 ${channelLabels[channel]} status`),
    };
  }
  // SMS inbound carries no message_type (spec defect): it is text when text is there.
  const messageType =
    channel === 'sms' && body.message_type === undefined && typeof body.text === 'string' ? 'text' : body.message_type;
  const types: readonly string[] = v1InboundTypes[channel as V1Channel];
  if (typeof messageType !== 'string' || !types.includes(messageType)) {
    return {
      ...found,
      reason: `No status, and message_type ${JSON.stringify(messageType)} is not an inbound ${channelLabels[channel]} type`,
    };
  }
  return {
    ...found,
    kind: 'inbound',
    message_type: messageType,
    issues: issuesOf(
      check,
      v1InboundSchema(channel, messageType),
      body,
      `A v1 ${channelLabels[channel]} ${messageType}`,
    ),
  };
}

function classifyV01(body: Json, common: WebhookClassification, check: boolean): WebhookClassification {
  const type = (body.to as Json).type;
  if (!isV01Channel(type)) return { ...common, version: 'v0.1', reason: `Unknown to.type ${JSON.stringify(type)}` };
  const found = { ...common, version: 'v0.1' as const, channel: v1ChannelOf(type) };
  if (typeof body.status === 'string') {
    return {
      ...found,
      kind: 'status',
      status: body.status,
      errorCode: codeOf(body.error),
      issues: issuesOf(check, v01StatusSchema, body, `A v0.1 ${channelLabels[type]} status`),
    };
  }
  const content = isObject(body.message) && isObject(body.message.content) ? body.message.content : undefined;
  const contentType = content?.type;
  const types: readonly string[] = v01InboundTypes[type];
  if (typeof contentType !== 'string' || !types.includes(contentType)) {
    return {
      ...found,
      reason: `No status, and message.content.type ${JSON.stringify(contentType)} is not an inbound ${channelLabels[type]} type`,
    };
  }
  return {
    ...found,
    kind: 'inbound',
    message_type: contentType,
    issues: issuesOf(check, v01InboundSchema(type, contentType), body, `A v0.1 ${channelLabels[type]} ${contentType}`),
  };
}
