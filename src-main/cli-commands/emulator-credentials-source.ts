/**
 * Credentials for `workbench emulator`: a profile's (from the keychain) or the
 * VONAGE_* environment's. The emulator accepts exactly these, and signs its
 * webhooks with the signature secret, so the user's own receiver can verify them.
 */
import { fail, ok, type Result } from '../../src-shared/result';
import { credentialsFromVariables, everyCredential } from '../credentials/environment-credentials';
import { createKeychain } from '../credentials/keychain';
import { createProfileService } from '../credentials/profiles';
import type { EmulatorCredentials } from '../emulator/api-auth';

type Found = {
  apiKey?: string | null;
  apiSecret?: string;
  applicationId?: string | null;
  privateKey?: string;
  signatureSecret?: string;
};

export async function resolveEmulatorCredentials(
  profile: string | undefined,
  dataDir: string,
): Promise<Result<{ credentials: EmulatorCredentials; signatureSecret: string }>> {
  let found: Found;
  if (profile) {
    const keychain = createKeychain({ service: 'messages-workbench' });
    const profiles = createProfileService({ dataDir, keychain });
    const read = await profiles.readCredentials(profile);
    await profiles.close();
    keychain.close();
    if (!read.ok) return read;
    found = { apiKey: read.value.apiKey, applicationId: read.value.applicationId, ...read.value.secrets };
  } else {
    const read = everyCredential(await credentialsFromVariables(process.env, process.cwd()));
    if (!read.ok) return read;
    found = read.value;
  }
  const source = profile ? `profile "${profile}"` : 'the environment';
  const { apiKey, apiSecret, applicationId, privateKey, signatureSecret } = found;
  if (!signatureSecret) {
    return fail(
      'CREDENTIALS_MISSING',
      `${source} has no signature secret to sign webhooks with`,
      'Set VONAGE_SIGNATURE_SECRET (or add it to the profile).',
    );
  }
  if (!(apiKey && apiSecret) && !(applicationId && privateKey)) {
    return fail(
      'CREDENTIALS_MISSING',
      `${source} has neither an API key and secret nor an application id and private key`,
      'Set VONAGE_API_KEY and VONAGE_API_SECRET, or VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH.',
    );
  }
  return ok({
    credentials: {
      apiKey: apiKey ?? '',
      apiSecret: apiSecret ?? '',
      applicationId: applicationId ?? '',
      // The private key stands in for the public one: the emulator derives the public half.
      publicKeyPem: privateKey ?? '',
    },
    signatureSecret,
  });
}
