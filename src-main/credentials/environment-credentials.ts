/**
 * Credentials read from VONAGE_* / NEXMO_* variables, shaped like a stored
 * profile so the profile sender signs and picks auth exactly as for a saved one.
 * Nothing is written anywhere: this is how `workbench send` works in CI.
 */
import { fail, ok, type Result } from '../../src-shared/result';
import type { ProfileTarget, ProfileView } from '../../src-shared/profiles';
import { credentialsFromVariables } from './env-credentials';
import type { ProfileCredentials, ProfileService } from './profiles';
import { maskFor } from './secret-mask';

export const environmentProfileName = 'environment';

/** A key that is not valid PEM cannot be fingerprinted; signing will name the problem, not the mask. */
function maskOrDots(kind: 'apiSecret' | 'privateKey' | 'signatureSecret', secret: string): string {
  try {
    return maskFor(kind, secret);
  } catch {
    return '••••';
  }
}

export function createEnvironmentCredentials(options: {
  variables: Record<string, string | undefined>;
  baseDirectory: string;
  target: ProfileTarget;
}): Pick<ProfileService, 'readCredentials'> {
  return {
    async readCredentials(name): Promise<Result<ProfileCredentials>> {
      if (name !== environmentProfileName) {
        return fail(
          'PROFILE_NOT_FOUND',
          `Only the environment's credentials are available here, not "${name}".`,
          'Name no profile, or use --profile.',
        );
      }
      const found = await credentialsFromVariables(options.variables, options.baseDirectory);
      if (!found.ok) return found;
      const { apiKey = null, applicationId = null, ...secrets } = found.value;
      const now = new Date().toISOString();
      const secretState = (secret: string | undefined, kind: 'apiSecret' | 'privateKey' | 'signatureSecret') =>
        secret ? { isSet: true, masked: maskOrDots(kind, secret) } : { isSet: false, masked: null };
      const profile: ProfileView = {
        id: environmentProfileName,
        name: environmentProfileName,
        target: options.target,
        apiKey,
        applicationId,
        defaultSenders: {},
        secrets: {
          apiSecret: secretState(secrets.apiSecret, 'apiSecret'),
          privateKey: secretState(secrets.privateKey, 'privateKey'),
          signatureSecret: secretState(secrets.signatureSecret, 'signatureSecret'),
        },
        createdAt: now,
        updatedAt: now,
      };
      return ok({ profile, apiKey, applicationId, secrets });
    },
  };
}
