import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { fail, ok, type Result } from '../../src-shared/result';

/** Vonage accepts a lifetime from 30 s to 24 h; 15 minutes is its default. */
export const jwtLifetimeLimits = { minimumSeconds: 30, maximumSeconds: 86_400, defaultSeconds: 900 } as const;

/** An `acl` claim: path patterns, each optionally limited to methods and filters. */
export interface JwtAcl {
  paths: Record<string, { methods?: string[]; filters?: Record<string, unknown> }>;
}

export interface VonageJwtOptions {
  applicationId: string;
  /** The application's RSA private key, PEM (PKCS#8 or PKCS#1). Never logged. */
  privateKey: string;
  /** Seconds until `exp`, 30 to 86 400 (default 900). */
  lifetimeSeconds?: number;
  /** `nbf` as a Date; omitted when absent. */
  notBefore?: Date;
  /** `sub`, the user name Client SDK tokens carry. */
  subject?: string;
  acl?: JwtAcl;
  /** `jti`; a random UUID when absent. */
  tokenId?: string;
  /** The signing time; the system clock when absent. */
  now?: Date;
}

export interface SignedJwt {
  token: string;
  claims: JWTPayload & { application_id: string };
  expiresAt: Date;
}

function loadPrivateKey(pem: string): Result<KeyObject> {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType === 'rsa') return ok(key);
  } catch {
    // Fall through: node's message could quote key material.
  }
  return fail(
    'JWT_KEY_INVALID',
    'The private key is not an RSA private key in PEM form.',
    "Use the private.key file of your Vonage application (it starts with '-----BEGIN PRIVATE KEY-----').",
    '/privateKey',
  );
}

/** Signs an RS256 token with the claims Vonage reads: application_id, iat, jti, exp, and optional nbf, sub, acl. */
export async function signVonageJwt(options: VonageJwtOptions): Promise<Result<SignedJwt>> {
  const lifetime = options.lifetimeSeconds ?? jwtLifetimeLimits.defaultSeconds;
  if (
    !Number.isInteger(lifetime) ||
    lifetime < jwtLifetimeLimits.minimumSeconds ||
    lifetime > jwtLifetimeLimits.maximumSeconds
  ) {
    return fail(
      'JWT_OPTIONS_INVALID',
      `A token lifetime of ${lifetime} s is outside what Vonage accepts.`,
      'Pick a whole number of seconds from 30 to 86400 (24 hours).',
      '/lifetimeSeconds',
    );
  }
  if (!options.applicationId.trim()) {
    return fail(
      'JWT_OPTIONS_INVALID',
      'The application id is empty.',
      'Set the application id of the profile.',
      '/applicationId',
    );
  }
  const key = loadPrivateKey(options.privateKey);
  if (!key.ok) return key;

  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims: SignedJwt['claims'] = {
    application_id: options.applicationId,
    iat: issuedAt,
    jti: options.tokenId ?? randomUUID(),
    exp: issuedAt + lifetime,
  };
  if (options.notBefore) claims.nbf = Math.floor(options.notBefore.getTime() / 1000);
  if (options.subject !== undefined) claims.sub = options.subject;
  if (options.acl) claims.acl = options.acl;

  const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key.value);
  return ok({ token, claims, expiresAt: new Date(claims.exp! * 1000) });
}
