/**
 * Profiles as the contract carries them. A view never holds a secret: only
 * masks (`••••cd12`) and is-set flags; secrets travel inward only, on save.
 */
import { z } from 'zod';
import { v1Channels } from './messages';

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

export const defaultSendersSchema = z.partialRecord(z.enum(v1Channels), z.string().min(1).max(64));

/** To create or edit a profile. For each secret: a string sets it, null clears it, absent keeps it. */
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

const secretStateSchema = z.object({ isSet: z.boolean(), masked: z.string().nullable() });

/** What callers see of a profile. */
export const profileViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: profileTargetSchema,
  apiKey: z.string().nullable(),
  applicationId: z.string().nullable(),
  defaultSenders: defaultSendersSchema,
  secrets: z.object({
    apiSecret: secretStateSchema,
    privateKey: secretStateSchema,
    signatureSecret: secretStateSchema,
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

/**
 * A VONAGE_PRIVATE_KEY_PATH an import could not follow: pasted text has no
 * folder to resolve a relative path against, or the file could not be read.
 * The rest of the .env is imported; the user is asked for the key file.
 */
export const keyFileNotReadSchema = z.object({
  /** The variable that named the file, as spelled in the .env (`VONAGE_PRIVATE_KEY_PATH`, `NEXMO_…`). */
  variable: z.string(),
  /** The path as written, or as resolved when it was tried. */
  path: z.string(),
  /** Why it was not read, in words. */
  reason: z.string(),
});
export type KeyFileNotRead = z.infer<typeof keyFileNotReadSchema>;

/** What an import answers: the profile, and the key file it could not read, if any. */
export const importedProfileSchema = profileViewSchema.extend({ keyFileNotRead: keyFileNotReadSchema.optional() });
export type ImportedProfile = z.infer<typeof importedProfileSchema>;

/** A profile as exported: shareable, naming the secrets that were left out. */
export const profileExportSchema = z.object({
  format: z.literal('messages-workbench.profile'),
  version: z.literal(1),
  profile: profileViewSchema.pick({
    name: true,
    target: true,
    apiKey: true,
    applicationId: true,
    defaultSenders: true,
  }),
  secretsNotExported: z.array(z.enum(secretNames)),
});
export type ProfileExport = z.infer<typeof profileExportSchema>;

/** Vonage's API host for a region. */
export function vonageBaseUrl(region: VonageRegion): string {
  return region === 'default' ? 'https://api.nexmo.com' : `https://${region}.nexmo.com`;
}

/**
 * The region of a URL on one of Vonage's Messages API hosts: api, api-eu,
 * api-us or api-ap, under nexmo.com (the spec's servers) or vonage.com (the
 * spec's `_self.href` example). Undefined for any other URL or text.
 */
export function vonageRegionOf(url: string): VonageRegion | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const prefix = /^(api|api-eu|api-us|api-ap)\.(nexmo|vonage)\.com$/.exec(host)?.[1];
  if (prefix === undefined) return undefined;
  return prefix === 'api' ? 'default' : (prefix as VonageRegion);
}

/**
 * Where one send goes: the URL the request names, else the profile's
 * target. A profile aimed at the emulator keeps its sends local even when
 * the request names a Vonage host of any region (a collection's base URL, an
 * inbound message's `_self.href`): that host is replaced by the emulator's,
 * the path kept. Any other URL the request names is used as given.
 */
export function resolveBaseUrl(target: ProfileTarget, emulatorUrl: string, requested?: string): string {
  if (requested === undefined || requested === '') return baseUrlForTarget(target, emulatorUrl);
  if (target.kind !== 'emulator' || vonageRegionOf(requested) === undefined) return requested;
  return `${emulatorUrl}${new URL(requested).pathname.replace(/\/+$/, '')}`;
}

/**
 * The base URL a profile sends to. The emulator's URL is known only once it
 * listens (its port is picked at start), so the caller passes it in.
 */
export function baseUrlForTarget(target: ProfileTarget, emulatorUrl: string): string {
  switch (target.kind) {
    case 'emulator':
      return emulatorUrl;
    case 'vonage':
      return vonageBaseUrl(target.region);
    case 'custom':
      return target.baseUrl;
    default: {
      const unreachable: never = target;
      throw new Error(`unknown target ${JSON.stringify(unreachable)}`);
    }
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins a profile's credentials may be sent to: the ones its target
 * names. A Vonage profile names every regional API host (one account works
 * in each region); the emulator target names the emulator's current URL.
 */
export function profileOrigins(target: ProfileTarget, emulatorUrl: string): string[] {
  const urls = target.kind === 'vonage' ? vonageRegions.map(vonageBaseUrl) : [baseUrlForTarget(target, emulatorUrl)];
  return urls.map(originOf).filter((origin): origin is string => origin !== undefined && origin !== 'null');
}

/** Whether a send to `baseUrl` may carry the credentials of a profile with this target. */
export function baseUrlBelongsToProfile(baseUrl: string, target: ProfileTarget, emulatorUrl: string): boolean {
  const origin = originOf(baseUrl);
  return origin !== undefined && profileOrigins(target, emulatorUrl).includes(origin);
}
