/**
 * Signs webhook bodies the way Vonage does (HS256 JWT in `Authorization:
 * Bearer`, payload_hash = SHA-256 hex of the body bytes, iat in seconds),
 * written independently of the product's signer so tests check it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export interface VonageStyleSignature {
  secret: string;
  body: string | Buffer;
  /** Seconds since epoch; default now. A string or `null` (left out) makes a malformed claim, still validly signed. */
  iat?: number | string | null;
  /** Seconds since epoch; absent by default, as Vonage sends it. */
  nbf?: number;
  /** Overrides the hash claim; `null` leaves it out. */
  payloadHash?: string | null;
  alg?: 'HS256' | 'HS384';
}

export async function vonageAuthorization({
  secret,
  body,
  iat,
  nbf,
  payloadHash,
  alg = 'HS256',
}: VonageStyleSignature): Promise<string> {
  const hash = payloadHash === undefined ? createHash('sha256').update(body).digest('hex') : payloadHash;
  const claims: Record<string, unknown> = {
    iss: 'Vonage',
    api_key: 'a1b2c3d',
    application_id: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
  };
  if (hash !== null) claims.payload_hash = hash;
  if (iat !== null) claims.iat = iat ?? Math.floor(Date.now() / 1000);
  if (nbf !== undefined) claims.nbf = nbf;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(secret));
  return `Bearer ${token}`;
}
