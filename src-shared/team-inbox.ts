/**
 * The team inbox as the contract carries it: where the shared PostgreSQL is,
 * and whether this app is watching it (its events come to the timeline, with
 * `source: 'team'`). The URL the renderer sees and sends never holds the
 * password; the password travels once, to be put in the keychain, and never
 * comes back.
 */
import { z } from 'zod';

/** postgres://USER@HOST:PORT/DATABASE, refused when it carries a password (that goes to the keychain). */
export const teamInboxUrlSchema = z
  .string()
  .trim()
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'not a URL; write it as postgres://USER@HOST:PORT/DATABASE' });
      return;
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
      context.addIssue({ code: 'custom', message: `must start with postgres://, not ${url.protocol}//` });
    else if (url.password !== '')
      context.addIssue({ code: 'custom', message: 'leave the password out of the URL; give it in the password field' });
    else if (url.username === '')
      context.addIssue({ code: 'custom', message: 'name the PostgreSQL user: postgres://USER@HOST:PORT/DATABASE' });
  });

export const teamInboxStateSchema = z.object({
  /** The configured URL (no password), or null when no team inbox is set. */
  url: z.string().nullable(),
  /** Whether the keychain holds a password for it (the password itself never leaves the core). */
  passwordStored: z.boolean(),
  phase: z.enum(['off', 'connecting', 'live', 'reconnecting']),
  /** Why it is not live, in words; null when live or off. */
  reason: z.string().nullable(),
});
export type TeamInboxState = z.infer<typeof teamInboxStateSchema>;

export const teamInboxConfigureSchema = z
  .object({
    /** null stops watching and forgets the URL and the password. */
    url: teamInboxUrlSchema.nullable(),
    /** Stored in the keychain; omit to keep the stored one. */
    password: z.string().min(1).max(1000).optional(),
  })
  .strict();
