/**
 * Verifies a compact HS256 JWT with node:crypto, synchronously, and signs one
 * the same way (the emulator signs every status webhook it sends).
 *
 * Why not jose's jwtVerify: it goes through WebCrypto, whose HMAC verify is a
 * promise-wrapped job, and under load it cost 17% of the receiver's CPU
 * (profile of bench/webhook-ingest.ts) against ~1% for createHmac here. The
 * checks, their order and their messages follow jose 6 (jws_verify.js,
 * jwt_claims_set.js) for `jwtVerify(token, key, { algorithms: ['HS256'],
 * currentDate })`, so a token gets the same verdict and reason either way.
 * Signing through jose's SignJWT cost the emulator 17% of its CPU under load
 * (WebCrypto import and sign jobs per webhook); `signHs256` gives the same
 * bytes, which the parity test pins.
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { nestsDeeperThan } from './body-depth';

/** Why a token was refused, in jose's words and by jose's error class. */
export type TokenFailure =
  | { kind: 'alg-not-allowed' }
  | { kind: 'signature-mismatch' }
  | { kind: 'expired' }
  /** Signature valid, but a time claim is not a number (jose's JWTClaimValidationFailed, reason "invalid"). */
  | { kind: 'claim-invalid'; claim: 'iat' | 'nbf' | 'exp'; message: string }
  /** Signature valid, but `nbf` is after now (jose's JWTClaimValidationFailed on nbf, reason "check_failed"). */
  | { kind: 'not-yet-valid'; notBefore: number }
  | { kind: 'unreadable'; message: string };

export type TokenCheck = { ok: true; claims: JWTPayload } | { ok: false; failure: TokenFailure };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const base64urlText = /^[A-Za-z0-9_-]*$/;
const nonAscii = /[^\u0000-\u007f]/;

class Unreadable extends Error {}

class ClaimInvalid extends Error {
  constructor(readonly claim: 'iat' | 'nbf' | 'exp') {
    super(`"${claim}" claim must be a number`);
  }
}

/** Decodes base64url the way jose does through atob: padding allowed only where it belongs, nothing else. */
function decodeBase64url(value: string, label: string): Buffer {
  const unpadded = value.replace(/={1,2}$/, '');
  const padded = unpadded.length !== value.length;
  if (!base64urlText.test(unpadded) || unpadded.length % 4 === 1 || (padded && value.length % 4 !== 0)) {
    throw new Unreadable(`Failed to base64url decode the ${label}`);
  }
  return Buffer.from(unpadded, 'base64url');
}

/**
 * A top-level JSON object (plain, like jose's isObject), or undefined. Unlike
 * jose, one nested deeper than a webhook body may be (body-depth.ts) is
 * refused unparsed: claims are carried into replays and re-signed copies,
 * whose serialising would overflow on them.
 */
function parseObject(bytes: Buffer): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    const text = strictUtf8.decode(bytes);
    if (nestsDeeperThan(text)) return undefined;
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

function readHeader(encoded: string): Record<string, unknown> {
  let bytes: Buffer;
  try {
    bytes = decodeBase64url(encoded, 'header');
  } catch {
    throw new Unreadable('JWS Protected Header is invalid');
  }
  const header = parseObject(bytes);
  if (header === undefined) throw new Unreadable('JWS Protected Header is invalid');
  return header;
}

/** jose's validateCrit + validateB64 for a protected header only: `b64` is the one extension it knows. */
function payloadIsEncoded(header: Record<string, unknown>): boolean {
  const { crit } = header;
  if (crit === undefined) return true;
  if (
    !Array.isArray(crit) ||
    crit.length === 0 ||
    crit.some((entry) => typeof entry !== 'string' || entry.length === 0)
  ) {
    throw new Unreadable('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  }
  for (const parameter of crit as string[]) {
    if (parameter !== 'b64') throw new Unreadable(`Extension Header Parameter "${parameter}" is not recognized`);
    if (header.b64 === undefined) throw new Unreadable('Extension Header Parameter "b64" is missing');
  }
  if (typeof header.b64 !== 'boolean')
    throw new Unreadable('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
  return header.b64;
}

function numericClaim(claims: Record<string, unknown>, name: 'iat' | 'nbf' | 'exp'): number | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new ClaimInvalid(name);
  return value;
}

export interface Hs256Verifier {
  /** `knownClaims`: what decodeUnverifiedClaims gave for this token, if the caller read it already (not parsed twice). */
  verify(token: string, secret: string, nowMs: number, knownClaims?: JWTPayload): TokenCheck;
}

/** Keeps the key object of the last secret seen, as most webhooks come from one account. */
export function createHs256Verifier(): Hs256Verifier {
  let cached: { secret: string; key: KeyObject } | undefined;

  function keyFor(secret: string): KeyObject {
    if (cached?.secret !== secret) cached = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
    return cached.key;
  }

  function verify(token: string, secret: string, nowMs: number, knownClaims?: JWTPayload): TokenCheck {
    try {
      const parts = token.split('.');
      if (parts.length !== 3) throw new Unreadable('Invalid Compact JWS');
      const [encodedHeader = '', payload = '', encodedSignature = ''] = parts;
      const header = readHeader(encodedHeader);
      const encoded = payloadIsEncoded(header);
      const { alg } = header;
      if (typeof alg !== 'string' || !alg)
        throw new Unreadable('JWS "alg" (Algorithm) Header Parameter missing or invalid');
      if (alg !== 'HS256') return { ok: false, failure: { kind: 'alg-not-allowed' } };
      // The signing input must be ASCII, as jose's encode() insists.
      if (nonAscii.test(payload)) {
        throw new Unreadable(
          encoded
            ? 'The payload is not a valid base64url string'
            : 'JWS Compact Serialization payload must use only ASCII characters',
        );
      }
      const signature = decodeBase64url(encodedSignature, 'signature');
      const expected = createHmac('sha256', keyFor(secret))
        .update(token.slice(0, encodedHeader.length + 1 + payload.length))
        .digest();
      if (signature.length !== expected.length || !timingSafeEqual(signature, expected))
        return { ok: false, failure: { kind: 'signature-mismatch' } };
      if (!encoded) throw new Unreadable('JWTs MUST NOT use unencoded payload');
      // decodeUnverifiedClaims reads the payload as here: an object from it is the one this would parse.
      return checkClaims(knownClaims ?? parseObject(decodeBase64url(payload, 'payload')), nowMs);
    } catch (error) {
      if (error instanceof ClaimInvalid)
        return { ok: false, failure: { kind: 'claim-invalid', claim: error.claim, message: error.message } };
      if (!(error instanceof Unreadable)) throw error;
      return { ok: false, failure: { kind: 'unreadable', message: error.message } };
    }
  }

  return { verify };
}

/** The header jose's SignJWT writes for `setProtectedHeader({ alg: 'HS256', typ: 'JWT' })`. */
const signedHeader = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** A compact HS256 JWT of these claims (in their key order), as jose's SignJWT would sign them. */
export function signHs256(claims: JWTPayload, key: KeyObject): string {
  const input = `${signedHeader}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/**
 * The claims of a compact JWT without checking its signature, as jose's
 * decodeJwt reads them (three parts, a payload that is strict base64url of a
 * UTF-8 JSON object), or undefined. jose's atob-based decoding cost the
 * receiver 4% of its CPU at load; Buffer's base64url does it natively.
 */
export function decodeUnverifiedClaims(token: string): JWTPayload | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    return parseObject(decodeBase64url(parts[1], 'payload')) as JWTPayload | undefined;
  } catch {
    return undefined;
  }
}

/** jose's validateClaimsSet with no required claims, no clock tolerance, and `nowMs` as the current date. */
function checkClaims(claims: Record<string, unknown> | undefined, nowMs: number): TokenCheck {
  if (claims === undefined) throw new Unreadable('JWT Claims Set must be a top-level JSON object');
  const now = Math.floor(nowMs / 1000);
  numericClaim(claims, 'iat');
  const nbf = numericClaim(claims, 'nbf');
  if (nbf !== undefined && nbf > now) return { ok: false, failure: { kind: 'not-yet-valid', notBefore: nbf } };
  const exp = numericClaim(claims, 'exp');
  if (exp !== undefined && exp <= now) return { ok: false, failure: { kind: 'expired' } };
  return { ok: true, claims: claims as JWTPayload };
}
