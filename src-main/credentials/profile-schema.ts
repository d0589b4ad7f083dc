import { z } from 'zod';
import {
  defaultSendersSchema,
  profileTargetSchema,
  secretNames,
  type ProfileView,
  type SecretName,
} from '../../src-shared/profiles';

export type ProfileSecrets = Partial<Record<SecretName, string>>;

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
