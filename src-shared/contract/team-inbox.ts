/** Methods on the shared team inbox (PostgreSQL). */
import { z } from 'zod';
import { teamInboxConfigureSchema, teamInboxStateSchema } from '../team-inbox';

export const teamInboxMethods = {
  'teamInbox.state': {
    summary: 'The team inbox this app watches (URL without password) and whether it is live.',
    input: z.object({}).strict(),
    output: teamInboxStateSchema,
  },
  'teamInbox.configure': {
    summary: 'Sets the team inbox PostgreSQL URL (password to the keychain) and starts watching it; null forgets it.',
    input: teamInboxConfigureSchema,
    output: teamInboxStateSchema,
  },
} as const;
