/** Methods that send messages and read past sends. */
import { z } from 'zod';
import {
  sendExchangeSchema,
  sendHistoryEntrySchema,
  sendHistoryFilterSchema,
  sendOperationSchema,
} from '../send-exchange';

export const sendMethods = {
  'send.message': {
    summary: 'Sends a v1 or v0.1 message, or a v1 update; returns the whole exchange with timings.',
    input: z
      .object({
        /** A profile by id or name; absent sends to the built-in emulator with its own credentials. */
        profile: z.string().min(1).optional(),
        /** Sends with the core's VONAGE_* / NEXMO_* variables instead of a profile (CI), to `baseUrl` or Vonage. */
        fromEnvironment: z.boolean().default(false),
        /**
         * A request written with `{{variables}}`: the collection and environment whose values fill it in, in the
         * core, just before it goes (credential references included); the renderer never sees those values.
         */
        variables: z
          .object({ root: z.string().min(1), environment: z.string().min(1).nullable() })
          .strict()
          .optional(),
        operation: sendOperationSchema,
        auth: z.enum(['auto', 'jwt', 'basic', 'none']).default('auto'),
        baseUrl: z.url({ protocol: /^https?$/ }).optional(),
        /** Send even though validation fails, to see the API's own answer. */
        override: z.boolean().default(false),
        timeoutMs: z.number().int().min(100).max(300_000).optional(),
      })
      .strict(),
    output: sendExchangeSchema,
  },
  'send.history': {
    summary: 'Past sends, newest first, filtered.',
    input: sendHistoryFilterSchema.strict(),
    output: z.array(sendHistoryEntrySchema),
  },
  'send.get': {
    summary: 'One past send with its whole exchange.',
    input: z.object({ id: z.string().min(1) }).strict(),
    output: sendExchangeSchema,
  },
} as const;
