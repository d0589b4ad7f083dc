/**
 * Someone else's credentials for the emulator to accept (`workbench emulator
 * --profile`, or the VONAGE_* environment): a developer points their own app,
 * configured with their real Vonage credentials, at the emulator, and the
 * emulator signs its webhooks with their signature secret, so their receiver
 * verifies them as it would Vonage's.
 */
import { fail, ok, type Result } from '../../src-shared/result';
import { credentialsFromVariables, everyCredential } from '../credentials/environment-credentials';
import type { ProfileService } from '../credentials/profiles';
import type { GeneratedEmulatorCredentials } from './emulator-credentials';

export type CredentialsSource = { profile: string } | { fromEnvironment: true };

export interface AcceptedCredentialsOptions {
  profiles: Pick<ProfileService, 'readCredentials'>;
  /** The variables to read, e.g. process.env; a key path in them is read relative to the working folder. */
  variables: Record<string, string | undefined>;
}

interface Found {
  apiKey?: string | null;
  apiSecret?: string;
  applicationId?: string | null;
  privateKey?: string;
  signatureSecret?: string;
}

/** The credentials of `source`, or what is missing from them, named. */
export async function readAcceptedCredentials(
  source: CredentialsSource,
  options: AcceptedCredentialsOptions,
): Promise<Result<{ credentials: GeneratedEmulatorCredentials; label: string }>> {
  let found: Found;
  if ('profile' in source) {
    const read = await options.profiles.readCredentials(source.profile);
    if (!read.ok) return read;
    found = { apiKey: read.value.apiKey, applicationId: read.value.applicationId, ...read.value.secrets };
  } else {
    const read = everyCredential(await credentialsFromVariables(options.variables, process.cwd()));
    if (!read.ok) return read;
    found = read.value;
  }
  const label = 'profile' in source ? `profile "${source.profile}"` : 'the environment';
  const { apiKey, apiSecret, applicationId, privateKey, signatureSecret } = found;
  if (!signatureSecret) {
    return fail(
      'CREDENTIALS_MISSING',
      `${label} has no signature secret to sign webhooks with.`,
      'Set VONAGE_SIGNATURE_SECRET (or add it to the profile).',
    );
  }
  if (!(apiKey && apiSecret) && !(applicationId && privateKey)) {
    return fail(
      'CREDENTIALS_MISSING',
      `${label} has neither an API key and secret nor an application id and private key.`,
      'Set VONAGE_API_KEY and VONAGE_API_SECRET, or VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH.',
    );
  }
  return ok({
    label,
    credentials: {
      apiKey: apiKey ?? '',
      apiSecret: apiSecret ?? '',
      applicationId: applicationId ?? '',
      // The private key stands in for the public one: the emulator derives the public half.
      publicKeyPem: privateKey ?? '',
      privateKeyPem: privateKey ?? '',
      signatureSecret,
    },
  });
}
