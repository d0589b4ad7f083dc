import crypto from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import { problems, type ProblemAnswer } from './problems';

/**
 * Checks the Authorization header of an API call the way the Messages API
 * does: Basic base64(api_key:api_secret), or Bearer with an RS256 JWT signed
 * by the application's private key. Secrets are compared in constant time and
 * never appear in an answer.
 */

export interface EmulatorCredentials {
  /** The account API key accepted in Basic auth, and named as `api_key` in signed webhooks. */
  apiKey: string;
  /** The account API secret accepted in Basic auth. */
  apiSecret: string;
  /** The application id a JWT must carry in its `application_id` claim. */
  applicationId: string;
  /**
   * The application's public key (PEM, SPKI or PKCS#1) that verifies JWTs. A
   * private key PEM is accepted too; only its public half is used.
   */
  publicKeyPem: string;
}

export type AuthScheme = 'basic' | 'jwt';

export type AuthVerdict =
  { ok: true; scheme: AuthScheme } | { ok: false; scheme: AuthScheme | 'none'; problem: ProblemAnswer };

/** Seconds of clock skew allowed on iat and exp, as JWT libraries commonly do. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Whether `given` is exactly `expected`, in a time that does not tell where
 * they differ: the given text, cut or zero-padded to the expected length, is
 * compared whole, and the lengths after. (Hashing both sides did the same
 * with four SHA-256 per call, 3% of the emulator's CPU under load.)
 */
function sameText(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given, 'utf8');
  const padded = Buffer.alloc(expected.length);
  bytes.copy(padded, 0, 0, expected.length);
  return crypto.timingSafeEqual(padded, expected) && bytes.length === expected.length;
}

export function createApiAuthenticator(credentials: EmulatorCredentials) {
  // Credentials may hold only one of the two schemes; the missing one is refused, never matched by empty strings.
  const publicKey = credentials.publicKeyPem ? crypto.createPublicKey(credentials.publicKeyPem) : undefined;
  const basicAccepted = credentials.apiKey !== '' && credentials.apiSecret !== '';
  const expectedKey = Buffer.from(credentials.apiKey, 'utf8');
  const expectedSecret = Buffer.from(credentials.apiSecret, 'utf8');

  function checkBasic(encoded: string): AuthVerdict {
    if (!basicAccepted) return { ok: false, scheme: 'basic', problem: problems.missingCredentials() };
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const key = colon < 0 ? decoded : decoded.slice(0, colon);
    const secret = colon < 0 ? '' : decoded.slice(colon + 1);
    // Both comparisons always run, so timing does not tell which half was wrong.
    const keyMatches = sameText(key, expectedKey);
    const secretMatches = sameText(secret, expectedSecret);
    return keyMatches && secretMatches
      ? { ok: true, scheme: 'basic' }
      : { ok: false, scheme: 'basic', problem: problems.missingCredentials() };
  }

  async function checkJwt(token: string): Promise<AuthVerdict> {
    if (!publicKey) return { ok: false, scheme: 'jwt', problem: problems.missingCredentials() };
    try {
      const { payload } = await jwtVerify(token, publicKey, {
        algorithms: ['RS256'],
        requiredClaims: ['iat', 'application_id'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) {
        return { ok: false, scheme: 'jwt', problem: problems.missingCredentials() };
      }
      if (payload.application_id !== credentials.applicationId) {
        return { ok: false, scheme: 'jwt', problem: problems.wrongApplication() };
      }
      return { ok: true, scheme: 'jwt' };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError)
        return { ok: false, scheme: 'jwt', problem: problems.missingCredentials() };
      throw error;
    }
  }

  return {
    /**
     * Judges one request's Authorization header. `jwtOnly` is for PATCH,
     * which the API accepts only with a JWT.
     */
    async authenticate(header: string | undefined, { jwtOnly = false } = {}): Promise<AuthVerdict> {
      const match = /^(\w+)\s+(\S+)\s*$/.exec(header ?? '');
      const scheme = match?.[1]?.toLowerCase();
      const value = match?.[2] ?? '';
      if (scheme === 'bearer') return checkJwt(value);
      if (scheme === 'basic' && !jwtOnly) return checkBasic(value);
      return { ok: false, scheme: scheme === 'basic' ? 'basic' : 'none', problem: problems.missingCredentials() };
    },
  };
}

export type ApiAuthenticator = ReturnType<typeof createApiAuthenticator>;
