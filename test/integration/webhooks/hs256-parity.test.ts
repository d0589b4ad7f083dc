import { createHmac, createSecretKey } from 'node:crypto';
import { SignJWT, decodeJwt, errors, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  createHs256Verifier,
  decodeUnverifiedClaims,
  signHs256,
  type TokenCheck,
} from '../../../src-main/webhooks/hs256-token';

// The receiver verifies with node:crypto for speed; jose stays the reference it must agree with.
const secret = 'parity-secret-0123456789';
const nowMs = 1_700_000_000_500;
const now = Math.floor(nowMs / 1000);

const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function handMade(header: unknown, claims: unknown, key = secret): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

async function viaJose(token: string): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      currentDate: new Date(nowMs),
    });
    return { ok: true, claims: payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, failure: { kind: 'expired' } };
    if (error instanceof errors.JOSEAlgNotAllowed) return { ok: false, failure: { kind: 'alg-not-allowed' } };
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return { ok: false, failure: { kind: 'signature-mismatch' } };
    if (
      error instanceof errors.JWTClaimValidationFailed &&
      (error.claim === 'iat' || error.claim === 'nbf' || error.claim === 'exp')
    ) {
      if (error.reason === 'invalid')
        return { ok: false, failure: { kind: 'claim-invalid', claim: error.claim, message: error.message } };
      if (error.claim === 'nbf')
        return { ok: false, failure: { kind: 'not-yet-valid', notBefore: Number(error.payload.nbf) } };
    }
    if (error instanceof errors.JOSEError)
      return { ok: false, failure: { kind: 'unreadable', message: error.message } };
    throw error;
  }
}

function decodedByJose(token: string): unknown {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

describe('HS256 verification with node:crypto', () => {
  it('gives the same result and message as jose for good, bad and odd tokens, and reads the same unverified claims', async () => {
    const signed = await new SignJWT({ payload_hash: 'ab', api_key: 'k' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(now)
      .sign(new TextEncoder().encode(secret));
    const [header, claims, signature] = signed.split('.') as [string, string, string];
    const tokens = [
      signed,
      `${header}.${claims}.${signature.slice(0, -2)}`,
      `${header}.${claims}.${signature}=`,
      `${header}.${claims}.not*base64`,
      `${header}.${claims}`,
      `${header}.${claims}.${signature}.extra`,
      `!!.${claims}.${signature}`,
      `${header}.${claims}é.${signature}`,
      handMade({ alg: 'HS256' }, { iat: now, exp: now }),
      handMade({ alg: 'HS256' }, { iat: now, exp: now + 10 }),
      handMade({ alg: 'HS256' }, { iat: 'yesterday' }),
      handMade({ alg: 'HS256' }, { iat: now, nbf: '1' }),
      handMade({ alg: 'HS256' }, { exp: null }),
      handMade({ alg: 'HS256' }, { nbf: now + 10 }),
      handMade({ alg: 'HS256' }, { nbf: now }),
      handMade({ alg: 'HS256' }, [1, 2]),
      handMade({ alg: 'HS256' }, 'not json'),
      handMade({ alg: 'HS256' }, {}, 'another-secret'),
      handMade({ alg: 'HS384' }, {}),
      handMade({ alg: '' }, {}),
      handMade({ typ: 'JWT' }, {}),
      handMade([], {}),
      handMade({ alg: 'HS256', crit: ['b64'], b64: false }, {}),
      handMade({ alg: 'HS256', crit: ['b64'] }, {}),
      handMade({ alg: 'HS256', crit: ['exp'] }, {}),
      handMade({ alg: 'HS256', crit: [] }, {}),
      handMade({ alg: 'HS256', crit: ['b64'], b64: true }, { iat: now }),
      `${header}..${signature}`,
      `${header}.${claims}=.${signature}`,
    ];
    const verifier = createHs256Verifier();
    for (const token of tokens) {
      expect(verifier.verify(token, secret, nowMs), token).toEqual(await viaJose(token));
      expect(decodeUnverifiedClaims(token), token).toEqual(decodedByJose(token));
    }
  });

  it('signs the same bytes as jose SignJWT, so jose verifies what the emulator signs', async () => {
    const claims = {
      api_key: 'k',
      payload_hash: 'ab'.repeat(32),
      application_id: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
      iat: now,
      jti: 'a-jti',
      iss: 'Vonage',
    };
    const viaJoseSigned = await new SignJWT({
      api_key: claims.api_key,
      payload_hash: claims.payload_hash,
      application_id: claims.application_id,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(now)
      .setJti(claims.jti)
      .setIssuer('Vonage')
      .sign(new TextEncoder().encode(secret));
    const ours = signHs256(claims, createSecretKey(Buffer.from(secret)));
    expect(ours).toBe(viaJoseSigned);
    expect(await viaJose(ours)).toEqual({ ok: true, claims });
  });
});
