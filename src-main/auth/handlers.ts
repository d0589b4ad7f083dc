/** The JWT inspector as a contract handler: a profile's key checks the signature and never leaves the core. */
import { decodeProtectedHeader } from 'jose';
import type { Handlers } from '../../src-shared/contract';
import type { ProfileService } from '../credentials/profiles';
import { inspectJwt, type JwtVerificationKey } from './jwt-inspector';

export function createAuthHandlers(
  profiles: Pick<ProfileService, 'readCredentials'>,
): Pick<Handlers, 'auth.inspectJwt'> {
  return {
    async 'auth.inspectJwt'({ token, profile }) {
      if (!profile) return inspectJwt({ token });
      const credentials = await profiles.readCredentials(profile);
      if (!credentials.ok) return credentials;
      return inspectJwt({ token, ...withKey(token, credentials.value.secrets) });
    },
  };
}

/** HS256 tokens are Vonage's signed webhooks (signature secret); anything else is an API token (application key). */
function withKey(
  token: string,
  secrets: { privateKey?: string; signatureSecret?: string },
): { verifyWith?: JwtVerificationKey } {
  let algorithm: string | undefined;
  try {
    algorithm = decodeProtectedHeader(token).alg;
  } catch {
    return {};
  }
  if (algorithm === 'HS256') return secrets.signatureSecret ? { verifyWith: { secret: secrets.signatureSecret } } : {};
  return secrets.privateKey ? { verifyWith: { pem: secrets.privateKey } } : {};
}
