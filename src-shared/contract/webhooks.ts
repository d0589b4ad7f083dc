/** Methods on the webhook receiver and the webhooks it stored. */
import { z } from 'zod';
import { downloadTicketSchema, eventExportInputSchema, fileExportResultSchema } from '../event-export';
import { sendExchangeSchema } from '../send-exchange';
import {
  eventListQuerySchema,
  eventPageSchema,
  eventSourceSchema,
  forwardResultSchema,
  threadEntrySchema,
  webhookEventSchema,
} from '../webhook-events';

export const webhookMethods = {
  'webhooks.receiver': {
    summary: 'Where the webhook receiver listens, with the inbound and status URLs to paste into the dashboard.',
    input: z.object({}).strict(),
    output: z.object({ url: z.string(), port: z.number().int(), inboundUrl: z.string(), statusUrl: z.string() }),
  },
  'webhooks.list': {
    summary:
      "Stored webhooks, newest first, filtered in the store: this app's and the team inbox's merged by received time, or one `source`.",
    input: eventListQuerySchema.strict(),
    output: eventPageSchema,
  },
  'webhooks.get': {
    summary: 'One stored webhook.',
    input: z.object({ id: z.number().int(), source: eventSourceSchema.default('local') }).strict(),
    output: webhookEventSchema,
  },
  'webhooks.thread': {
    summary: 'Everything about one message: its send and 202, each status with the time since the send, and replies.',
    input: z
      .object({
        messageUuid: z.string().min(1),
        /** Which store's webhooks: the team inbox's for a shared event. */
        source: eventSourceSchema.default('local'),
      })
      .strict(),
    output: z.object({
      messageUuid: z.string(),
      recipient: z.string().nullable(),
      channel: z.string().nullable(),
      send: sendExchangeSchema.nullable(),
      statuses: z.array(threadEntrySchema),
      replies: z.array(threadEntrySchema),
    }),
  },
  'webhooks.replay': {
    summary: "Sends a stored webhook again to any URL, as received or re-signed with a profile's signature secret.",
    input: z
      .object({
        id: z.number().int(),
        source: eventSourceSchema.default('local'),
        url: z.url({ protocol: /^https?$/ }),
        resignWithProfile: z.string().min(1).optional(),
      })
      .strict(),
    output: forwardResultSchema,
  },
  'webhooks.exportToFile': {
    summary:
      'Asks the user where to save (desktop app only; HOST_CANNOT_SAVE elsewhere), then writes every event matching the filter there as NDJSON, reporting webhooks.exportProgressed.',
    input: eventExportInputSchema,
    output: fileExportResultSchema,
  },
  'webhooks.exportDownload': {
    summary:
      'A one-time ticket to download every event matching the filter as NDJSON from the browser host (GET the returned path once, within a minute); progress as webhooks.exportProgressed.',
    input: eventExportInputSchema,
    output: downloadTicketSchema,
  },
  'webhooks.useSignatureSecretOf': {
    summary:
      "Checks incoming signatures with this profile's signature secret (null: back to VONAGE_SIGNATURE_SECRET, if set).",
    input: z.object({ profile: z.string().min(1).nullable() }).strict(),
    output: z.object({ checking: z.enum(['profile', 'environment', 'none']) }),
  },
} as const;
