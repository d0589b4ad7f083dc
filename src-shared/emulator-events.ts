/**
 * What the built-in emulator reports: every API call it answers and every
 * webhook attempt it makes, so the timeline can show both sides. Bodies are
 * the exact text on the wire; Authorization headers are never included.
 */
import { z } from 'zod';
import { signatureFaults } from './emulator-scenarios';
import { apiVersions, v1Channels } from './messages';

export const emulatorRequestEventSchema = z.object({
  kind: z.literal('emulator.request'),
  /** The X-Request-Id the answer carried. */
  id: z.string(),
  /** ISO time the answer was sent. */
  at: z.string(),
  method: z.string(),
  path: z.string(),
  /** The send API the path belongs to, null for unknown routes. */
  api: z.enum(apiVersions).nullable(),
  /** How the caller authenticated (or tried to). */
  auth: z.enum(['basic', 'jwt', 'none']),
  status: z.number().int(),
  requestBody: z.string(),
  responseBody: z.string(),
  messageUuid: z.string().optional(),
  workflowId: z.string().optional(),
  /** Scenario rules that shaped the answer or the webhooks to come. */
  scenarioRules: z.array(z.string()),
  durationMs: z.number(),
});
export type EmulatorRequestEvent = z.infer<typeof emulatorRequestEventSchema>;

export const emulatorWebhookEventSchema = z.object({
  kind: z.literal('emulator.webhook'),
  id: z.string(),
  /** ISO time the attempt finished. */
  at: z.string(),
  target: z.enum(['status', 'inbound']),
  url: z.string(),
  /** 1 for the first try, then 2, 3... */
  attempt: z.number().int(),
  messageUuid: z.string(),
  /** The status the body reports (submitted, delivered...), or the inbound message_type. */
  label: z.string(),
  version: z.enum(apiVersions),
  /** Set when the webhook was signed badly on purpose. */
  signatureFault: z.enum(signatureFaults).optional(),
  body: z.string(),
  /** The receiver's HTTP status; absent when the connection failed. */
  responseStatus: z.number().int().optional(),
  /** The first bytes of the receiver's answer. */
  responseBody: z.string().optional(),
  /** Why the attempt failed before an answer (refused, timeout...). */
  error: z.string().optional(),
  /** Set when another attempt is scheduled. */
  retryInMs: z.number().optional(),
  /** True when this attempt ends the delivery: accepted, or no retry left. */
  final: z.boolean(),
  durationMs: z.number(),
});
export type EmulatorWebhookEvent = z.infer<typeof emulatorWebhookEventSchema>;

export const emulatorEventSchema = z.discriminatedUnion('kind', [
  emulatorRequestEventSchema,
  emulatorWebhookEventSchema,
]);
export type EmulatorEvent = z.infer<typeof emulatorEventSchema>;

/** Someone cleared the emulator's recent activity: every open page empties its list too. */
export const emulatorActivityClearedSchema = z.object({});

/** How much recent activity the core keeps and the page shows: enough to follow a few conversations. */
export const recentActivityLimit = 300;

/** A message from a simulated user, posted signed to the inbound URL. */
export const inboundSimulationSchema = z.object({
  /** v1 channel name (viber_service), for both versions. */
  channel: z.enum(v1Channels),
  /** Inbound type: text, image, location, reply, button... */
  messageType: z.string().min(1),
  /** Webhook shape; v1 by default. RCS exists only in v1. */
  version: z.enum(apiVersions).optional(),
  /** The simulated user: phone number, or Messenger user id. */
  from: z.string().min(1),
  /** The business side; a sample per channel by default. */
  to: z.string().min(1).optional(),
  text: z.string().optional(),
  /** The value under the message type's own field, in wire form (e.g. image {url}), merged over the sample. */
  content: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  /** The message this one replies to (WhatsApp, Viber): sets context. */
  contextMessageUuid: z.string().optional(),
  /** WhatsApp profile name of the user. */
  profileName: z.string().optional(),
  /** Sign the webhook badly on purpose, to test the receiver's checks. */
  signatureFault: z.enum(signatureFaults).optional(),
});
export type InboundSimulation = z.infer<typeof inboundSimulationSchema>;
