/**
 * What the emulator's phone shows: per recipient and channel, every message
 * the emulator accepted for that recipient and every message the simulated
 * user sent back, each with what happened to it so far. Bounded in the core;
 * `dropped` counts the oldest entries let go.
 */
import { z } from 'zod';
import { v1Channels } from './messages';

export const conversationStatusSchema = z.object({
  status: z.enum(['submitted', 'delivered', 'read', 'rejected', 'undeliverable']),
  /** ISO time the emulator played it. */
  at: z.string(),
  /** The Messages error code of a rejected or undeliverable message. */
  errorCode: z.number().int().optional(),
});
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

export const conversationEntrySchema = z.object({
  messageUuid: z.string(),
  /** outbound: the business wrote to the phone; inbound: the simulated user answered. */
  direction: z.enum(['outbound', 'inbound']),
  at: z.string(),
  /** Outbound: the v1 request of this message (a failover item on its own); inbound: the v1 webhook body. */
  body: z.record(z.string(), z.unknown()),
  /** Outbound: the statuses in the order played. */
  statuses: z.array(conversationStatusSchema),
  /** Inbound: the business marked it read (PATCH status read). */
  readByBusiness: z.boolean(),
  /** Outbound RCS: the business revoked it (PATCH status revoked). */
  revoked: z.boolean(),
});
export type ConversationEntry = z.infer<typeof conversationEntrySchema>;

const conversationKey = {
  channel: z.enum(v1Channels),
  /** The simulated user: phone number, Messenger id, email address. */
  recipient: z.string(),
};

export const conversationSummarySchema = z.object({
  ...conversationKey,
  /** The business sender of the latest message. */
  business: z.string(),
  messages: z.number().int(),
  lastAt: z.string(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationSchema = conversationSummarySchema.extend({
  /** Oldest first. */
  entries: z.array(conversationEntrySchema),
  /** Entries dropped, oldest first, to keep the conversation bounded. */
  dropped: z.number().int(),
  /** While set and in the future, the business shows a replying indicator (WhatsApp PATCH). */
  replyingUntil: z.string().optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationQuerySchema = z
  .object({ channel: z.enum(v1Channels), recipient: z.string().min(1).max(320) })
  .partial()
  .strict();

/** Every conversation, newest first, and the one asked for (the newest when none is named). */
export const conversationsAnswerSchema = z.object({
  conversations: z.array(conversationSummarySchema),
  conversation: conversationSchema.nullable(),
});

/**
 * A tap or a typed answer on the phone, naming the message it answers and
 * the element by position: everything else (ids, titles, postback data) is
 * read from the message the emulator accepted, never taken from the caller.
 */
export const phoneAnswerSchema = z
  .object({
    messageUuid: z.string().min(1).max(100),
    answer: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('suggestion'),
        /** The card whose chip it is (0 for a single card); absent for the message's own chips. */
        card: z.number().int().min(0).max(20).optional(),
        index: z.number().int().min(0).max(20),
      }),
      z.strictObject({ kind: z.literal('button'), index: z.number().int().min(0).max(20) }),
      z.strictObject({ kind: z.literal('row'), id: z.string().min(1).max(200) }),
      z.strictObject({ kind: z.literal('text'), text: z.string().min(1).max(4096) }),
    ]),
  })
  .strict();
export type PhoneAnswer = z.infer<typeof phoneAnswerSchema>;

export const phoneAnswerResultSchema = z.object({
  /** The inbound message's own uuid. */
  messageUuid: z.string(),
  /** The inbound type posted: reply, button or text. */
  messageType: z.string(),
  delivered: z.boolean(),
});
