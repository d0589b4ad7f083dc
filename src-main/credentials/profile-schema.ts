import { z } from 'zod';

/** The v1 Messages API channels a profile can hold a default sender for. */
export const senderChannels = ['sms', 'mms', 'rcs', 'whatsapp', 'messenger', 'viber_service'] as const;
export type SenderChannel = (typeof senderChannels)[number];

/** Vonage's regional hosts; `default` is api.nexmo.com. */
export const vonageRegions = ['default', 'api-eu', 'api-us', 'api-ap'] as const;
export type VonageRegion = (typeof vonageRegions)[number];

const httpUrl = z.url({ protocol: /^https?$/ });

/** Where a profile sends: the embedded emulator (the default), Vonage, or any base URL. */
export const profileTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('emulator') }),
  z.object({ kind: z.literal('vonage'), region: z.enum(vonageRegions).default('default') }),
  z.object({ kind: z.literal('custom'), baseUrl: httpUrl }),
]);
export type ProfileTarget = z.infer<typeof profileTargetSchema>;

export const secretNames = ['apiSecret', 'privateKey', 'signatureSecret'] as const;
export type SecretName = (typeof secretNames)[number];
export type ProfileSecrets = Partial<Record<SecretName, string>>;

const defaultSendersSchema = z.partialRecord(z.enum(senderChannels), z.string().min(1).max(64));

/**
 * One profile as stored in profiles.json. Never a secret here: `secretMasks`
 * holds only what a settings page may show (`••••cd12`, or a key fingerprint),
 * kept on disk so listing profiles needs no keychain access (on macOS each
 * keychain read can prompt).
 */
export const storedProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  target: profileTargetSchema,
  apiKey: z.string().nullable(),
  applicationId: z.string().nullable(),
  defaultSenders: defaultSendersSchema,
  secretMasks: z.partialRecord(z.enum(secretNames), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

/** The data file; `version` lets a later format upgrade older files step by step. */
export const profilesFileSchema = z.object({
  version: z.literal(1),
  profiles: z.array(storedProfileSchema),
});
export type ProfilesFile = z.infer<typeof profilesFileSchema>;

/**
 * What a caller sends to create or edit a profile. For each secret: a string
 * sets it, null clears it, absent keeps what the keychain holds.
 */
export const profileInputSchema = z.object({
  /** Absent creates a new profile; present edits that one. */
  id: z.string().min(1).optional(),
  name: z.string().trim().min(1).max(64),
  target: profileTargetSchema.default({ kind: 'emulator' }),
  apiKey: z.string().trim().min(1).max(64).nullable().default(null),
  applicationId: z.string().trim().min(1).max(64).nullable().default(null),
  defaultSenders: defaultSendersSchema.default({}),
  secrets: z.partialRecord(z.enum(secretNames), z.string().min(1).nullable()).default({}),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

/** What callers see: masks and is-set flags, never a secret. */
export interface ProfileView {
  id: string;
  name: string;
  target: ProfileTarget;
  apiKey: string | null;
  applicationId: string | null;
  defaultSenders: Partial<Record<SenderChannel, string>>;
  secrets: Record<SecretName, { isSet: boolean; masked: string | null }>;
  createdAt: string;
  updatedAt: string;
}

export function toProfileView(profile: StoredProfile): ProfileView {
  const secrets = Object.fromEntries(
    secretNames.map((name) => {
      const masked = profile.secretMasks[name] ?? null;
      return [name, { isSet: masked !== null, masked }];
    }),
  ) as ProfileView['secrets'];
  return {
    id: profile.id,
    name: profile.name,
    target: profile.target,
    apiKey: profile.apiKey,
    applicationId: profile.applicationId,
    defaultSenders: profile.defaultSenders,
    secrets,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}
