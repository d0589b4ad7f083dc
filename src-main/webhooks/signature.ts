/**
 * Vonage signed webhooks: `Authorization: Bearer <JWT>`, HS256 keyed with the
 * account's signature secret, with `payload_hash` = SHA-256 (hex) of the body
 * and `iat` in seconds. The hash is taken over the exact bytes received, never
 * over re-serialised JSON, which would differ in key order and escaping.
 * Secrets are only ever passed in; no reason text ever contains one.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { SignatureVerdict } from './event-types';
import { createHs256Verifier, decodeUnverifiedClaims, type TokenFailure } from './hs256-token';

export interface SignatureCheckerOptions {
  /** Oldest acceptable `iat`, in seconds before now. */
  maxAgeSeconds: number;
  /** Clock skew tolerated for an `iat` in the future, in seconds. */
  maxClockSkewSeconds: number;
}

export interface SignatureCheckInput {
  /** The Authorization header as received. */
  authorization: string | undefined;
  /** The exact body bytes received. */
  rawBody: Uint8Array;
  /**
   * The signature secret of the active profile, undefined when none is
   * configured; or a function choosing it from the token's claims (unverified),
   * which are then read once for both.
   */
  secret: string | undefined | ((unverifiedClaims: JWTPayload | undefined) => string | undefined);
  /** Current time in ms; the receiver's clock. */
  nowMs: number;
}

export interface SignatureCheck {
  verdict: SignatureVerdict;
  /** One sentence a developer can act on. */
  reason: string;
}

export interface SignatureChecker {
  /** Synchronous: HS256 and SHA-256 through node:crypto (see hs256-token.ts for why). */
  check(input: SignatureCheckInput): SignatureCheck;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createSignatureChecker({
  maxAgeSeconds,
  maxClockSkewSeconds,
}: SignatureCheckerOptions): SignatureChecker {
  const tokens = createHs256Verifier();

  function check(input: SignatureCheckInput): SignatureCheck {
    const token = bearerToken(input.authorization);
    let claims: { read: JWTPayload | undefined } | undefined;
    const unverifiedClaims = (): JWTPayload | undefined =>
      (claims ??= { read: token === undefined ? undefined : decodeUnverifiedClaims(token) }).read;
    const secret = typeof input.secret === 'function' ? input.secret(unverifiedClaims()) : input.secret;
    if (token === undefined) {
      return input.authorization === undefined
        ? { verdict: 'unsigned', reason: 'No Authorization header: the webhook is not signed.' }
        : { verdict: 'unsigned', reason: 'The Authorization header is not a Bearer token.' };
    }
    if (!secret) {
      // Without a secret nothing can be verified, but a value that is not even a JWT is named for what it is.
      if (unverifiedClaims() === undefined) {
        return {
          verdict: 'malformed-token',
          reason: 'The Bearer value is not a JWT with readable claims, so it cannot be a Vonage signature.',
        };
      }
      return {
        verdict: 'no-secret-configured',
        reason:
          'Not checked: the webhook carries a signed token, but no signature secret is chosen (a profile, or VONAGE_SIGNATURE_SECRET), so a forged token would read the same.',
      };
    }
    // Vonage sends no exp; if one is present, it is judged by the same clock as iat.
    const verified = tokens.verify(token, secret, input.nowMs, claims?.read);
    return verified.ok
      ? checkClaims(verified.claims, input.rawBody, input.nowMs)
      : verifyFailure(verified.failure, input.nowMs);
  }

  function checkClaims(claims: JWTPayload, rawBody: Uint8Array, nowMs: number): SignatureCheck {
    const expected = claims.payload_hash;
    if (typeof expected !== 'string') {
      return { verdict: 'payload-mismatch', reason: 'The signature is valid but the token has no payload_hash claim.' };
    }
    const actual = sha256Hex(rawBody);
    if (!sameHex(expected.toLowerCase(), actual)) {
      return {
        verdict: 'payload-mismatch',
        reason: `The signature is valid but payload_hash ${expected} does not match the SHA-256 of the body received (${actual}): the body was changed on the way.`,
      };
    }
    if (typeof claims.iat !== 'number') {
      return {
        verdict: 'malformed-claim',
        reason: 'The signature is valid but the token has no iat claim, so its age cannot be checked.',
      };
    }
    const ageSeconds = Math.round(nowMs / 1000 - claims.iat);
    if (ageSeconds > maxAgeSeconds) {
      return {
        verdict: 'stale',
        reason: `The token was issued ${ageSeconds} s ago; more than ${maxAgeSeconds} s is too old.`,
      };
    }
    if (-ageSeconds > maxClockSkewSeconds) {
      return {
        verdict: 'not-yet-valid',
        reason: `The signature is valid but the token was issued ${-ageSeconds} s in the future: check this machine's clock.`,
      };
    }
    return { verdict: 'verified', reason: 'HS256 signature, payload_hash and iat all check out.' };
  }

  return { check };
}

function verifyFailure(failure: TokenFailure, nowMs: number): SignatureCheck {
  switch (failure.kind) {
    case 'expired':
      return { verdict: 'stale', reason: 'The token has expired (exp claim).' };
    case 'alg-not-allowed':
      return { verdict: 'bad-signature', reason: 'The token is not signed with HS256.' };
    case 'signature-mismatch':
      return {
        verdict: 'bad-signature',
        reason:
          'The HS256 signature does not match the configured signature secret (wrong secret, or a token not from Vonage).',
      };
    case 'claim-invalid':
      return {
        verdict: 'malformed-claim',
        reason: `The signature is valid but the ${failure.claim} claim is not a number of seconds (jose: ${failure.message}).`,
      };
    case 'not-yet-valid':
      return {
        verdict: 'not-yet-valid',
        reason: `The signature is valid but the token is not valid before ${new Date(failure.notBefore * 1000).toISOString()} (nbf, ${Math.ceil(failure.notBefore - nowMs / 1000)} s from now).`,
      };
    case 'unreadable':
      return { verdict: 'malformed-token', reason: `The token could not be read: ${failure.message}` };
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The claims of a token without checking it, to carry `api_key` and friends into a re-signed copy. */
export function readUnverifiedClaims(authorization: string | undefined): JWTPayload | undefined {
  const token = bearerToken(authorization);
  if (token === undefined) return undefined;
  return decodeUnverifiedClaims(token);
}

/** Signs a body as Vonage would: fresh iat and jti, payload_hash of these exact bytes. */
export async function signWebhookBody(
  rawBody: Uint8Array,
  secret: string,
  extraClaims: JWTPayload,
  nowMs: number,
): Promise<string> {
  const { iat: _iat, jti: _jti, exp: _exp, nbf: _nbf, payload_hash: _hash, ...kept } = extraClaims;
  return new SignJWT({ iss: 'Vonage', ...kept, payload_hash: sha256Hex(rawBody) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(Math.floor(nowMs / 1000))
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(secret));
}
