import { z } from 'zod';
import { makeIssue, type ValidationReport } from './issue';
import { mapZodIssues } from './zod-issues';

/**
 * PATCH /v1/messages/{message_uuid}: the bodies spec 1.20.0 accepts, per
 * channel of the message, and which way a message must have travelled for
 * each change. WhatsApp: an inbound message marked read, optionally showing
 * the user a "replying" indicator. RCS: an inbound message marked read, or an
 * outbound one revoked.
 */

const replyingIndicator = z.strictObject({
  show: z.boolean(),
  /** The only kind spec 1.20.0 names; WhatsApp hides it on the next reply or after 25 s. */
  type: z.literal('text'),
});

export const v1UpdateSchemas = {
  whatsapp: z.strictObject({ status: z.literal('read'), replying_indicator: replyingIndicator.optional() }),
  rcs: z.strictObject({ status: z.enum(['read', 'revoked']) }),
} as const;

/** Any update body of either channel. */
export const v1UpdateSchema = z.union([v1UpdateSchemas.whatsapp, v1UpdateSchemas.rcs]);
export type V1Update = z.infer<typeof v1UpdateSchema>;
export type UpdatableChannel = keyof typeof v1UpdateSchemas;

/** The direction a message must have for each status it can be given. */
export const updateDirections: Record<UpdatableChannel, Record<string, 'inbound' | 'outbound'>> = {
  whatsapp: { read: 'inbound' },
  rcs: { read: 'inbound', revoked: 'outbound' },
};

export function isUpdatableChannel(channel: string): channel is UpdatableChannel {
  return channel === 'whatsapp' || channel === 'rcs';
}

/** Judges a PATCH body for the channel of the message it updates; never throws. */
export function validateUpdate(payload: unknown, channel: string): ValidationReport {
  if (!isUpdatableChannel(channel)) {
    return {
      errors: [
        makeIssue(
          [],
          'UNKNOWN_CHANNEL',
          `Messages on ${channel} cannot be updated`,
          'Only WhatsApp inbound messages (read) and RCS messages (inbound read, outbound revoked) can be; Vonage answers 422 otherwise.',
        ),
      ],
      warnings: [],
    };
  }
  const parsed = v1UpdateSchemas[channel].safeParse(payload);
  if (parsed.success) return { errors: [], warnings: [] };
  const label = channel === 'whatsapp' ? 'A WhatsApp update' : 'An RCS update';
  return mapZodIssues(parsed.error.issues, { input: payload, label, prefix: [] });
}
