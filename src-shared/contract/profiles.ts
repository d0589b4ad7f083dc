/** Methods on credential profiles, and token inspection against them. */
import { z } from 'zod';
import { jwtInspectionSchema } from '../jwt-inspection';
import {
  importedProfileSchema,
  profileExportSchema,
  profileInputSchema,
  profileTargetSchema,
  profileViewSchema,
} from '../profiles';

/** A profile by its id or its name. */
const profileReference = z.object({ profile: z.string().min(1) }).strict();

export const profileMethods = {
  'profiles.list': {
    summary: 'Every profile, with masked secrets only.',
    input: z.object({}).strict(),
    output: z.array(profileViewSchema),
  },
  'profiles.save': {
    summary: 'Creates or edits a profile; secrets go to the OS keychain and never come back.',
    input: profileInputSchema.strict(),
    output: profileViewSchema,
  },
  'profiles.remove': {
    summary: 'Deletes a profile and its keychain entry.',
    input: profileReference,
    output: z.object({ removed: z.string() }),
  },
  'profiles.importEnv': {
    summary:
      'Creates or updates a profile from .env text, a .env file, or the environment of the core (VONAGE_* and NEXMO_*); a key file it cannot read is named, not fatal.',
    input: z
      .object({
        name: z.string().trim().min(1).max(64),
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('text'), envText: z.string().max(1_000_000) }),
          z.object({ kind: z.literal('file'), path: z.string().min(1) }),
          z.object({ kind: z.literal('environment') }),
        ]),
        target: profileTargetSchema.optional(),
      })
      .strict(),
    output: importedProfileSchema,
  },
  'profiles.export': {
    summary: 'A profile without its secrets, to share.',
    input: profileReference,
    output: profileExportSchema,
  },
  'auth.inspectJwt': {
    summary:
      "Decodes a token and checks its expiry and, with a profile, its signature against the profile's key or signature secret.",
    input: z.object({ token: z.string().trim().min(1).max(20_000), profile: z.string().min(1).optional() }).strict(),
    output: jwtInspectionSchema,
  },
  'profiles.testConnection': {
    summary:
      "Posts an empty message to the profile's target with its credentials: 401/403 means refused, 400/422 accepted, no answer unreachable.",
    input: profileReference,
    output: z.object({
      verdict: z.enum(['accepted', 'refused', 'unreachable', 'unexpected']),
      /** The scheme the check authenticated with. */
      auth: z.enum(['jwt', 'basic', 'none']),
      url: z.string(),
      /** Null when no answer came. */
      status: z.number().int().nullable(),
      /** One sentence for the user, naming the status or the network failure. */
      detail: z.string(),
      totalMs: z.number(),
    }),
  },
} as const;
