import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import {
  compactVerify,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import type { ExpiryState, JwtInspection } from '../../src-shared/jwt-inspection';
import { fail, ok, type Result } from '../../src-shared/result';

/** What to check the signature with; absent means decode only. */
export type JwtVerificationKey =
  /** RS256 tokens: a public key, or the private key the public half is derived from. */
  | { pem: string }
  /** HS256 tokens, such as Vonage's signed webhooks: the signature secret. */
  | { secret: string };

export interface InspectJwtOptions {
  token: string;
  verifyWith?: JwtVerificationKey;
  /** The time expiry is judged at; the system clock when absent. */
  now?: Date;
}

const vonageRequiredClaims = ['application_id', 'iat', 'jti'] as const;

const isoFromSeconds = (seconds: unknown): string | null =>
  typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null;

function expiryOf(claims: JWTPayload, now: Date): JwtInspection['expiry'] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const secondsLeft = typeof claims.exp === 'number' ? claims.exp - nowSeconds : null;
  let state: ExpiryState = 'valid';
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds) state = 'not-yet-valid';
  else if (secondsLeft === null) state = 'no-expiry';
  else if (secondsLeft <= 0) state = 'expired';
  return {
    state,
    issuedAt: isoFromSeconds(claims.iat),
    notBefore: isoFromSeconds(claims.nbf),
    expiresAt: isoFromSeconds(claims.exp),
    secondsLeft,
  };
}

function verificationKey(key: JwtVerificationKey): KeyObject | Uint8Array | null {
  if ('secret' in key) return new TextEncoder().encode(key.secret);
  try {
    return createPublicKey(key.pem);
  } catch {
    try {
      return createPublicKey(createPrivateKey(key.pem));
    } catch {
      return null;
    }
  }
}

async function checkSignature(token: string, header: ProtectedHeaderParameters, key?: JwtVerificationKey) {
  if (!key) return { state: 'not-checked' as const, detail: 'No key was given.' };
  const material = verificationKey(key);
  if (!material) return { state: 'key-unusable' as const, detail: 'The key is not a PEM public or private key.' };
  const expectsSecret = 'secret' in key;
  if (expectsSecret !== Boolean(header.alg?.startsWith('HS'))) {
    const wanted = expectsSecret ? 'an HMAC (HS*)' : 'a public-key';
    return {
      state: 'key-unusable' as const,
      detail: `The token uses ${header.alg ?? 'no algorithm'}, not ${wanted} algorithm.`,
    };
  }
  try {
    await compactVerify(token, material);
    return { state: 'verified' as const, detail: `The ${header.alg} signature matches the key.` };
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { state: 'invalid' as const, detail: 'The signature does not match this key.' };
    }
    return { state: 'key-unusable' as const, detail: `The key cannot check this token (${(error as Error).name}).` };
  }
}

/** Decodes any JWT and reports its header, claims, expiry and, given a key, whether its signature holds. */
export async function inspectJwt(options: InspectJwtOptions): Promise<Result<JwtInspection>> {
  const token = options.token.trim().replace(/^Bearer\s+/i, '');
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return fail(
      'JWT_MALFORMED',
      'This is not a JWT: it needs three base64url parts separated by dots, with JSON in the first two.',
      'Paste the whole token, from the Authorization header after "Bearer ".',
    );
  }
  return ok({
    header,
    claims,
    expiry: expiryOf(claims, options.now ?? new Date()),
    signature: await checkSignature(token, header, options.verifyWith),
    missingVonageClaims: vonageRequiredClaims.filter((name) => claims[name] === undefined),
  });
}
