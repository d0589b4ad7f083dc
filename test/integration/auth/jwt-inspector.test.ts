import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { inspectJwt } from '../../../src-main/auth/jwt-inspector';
import { signVonageJwt } from '../../../src-main/auth/vonage-jwt';
import { generateApplicationKeys } from '../../support/keyring-fixtures';

const applicationId = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const keys = generateApplicationKeys();
const otherKeys = generateApplicationKeys();
const issuedAt = new Date('2030-01-01T00:00:00Z');

async function vonageToken(): Promise<string> {
  const signed = await signVonageJwt({ applicationId, privateKey: keys.privateKeyPem, now: issuedAt });
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value.token;
}

describe('JWT inspector', () => {
  it('shows header, claims, expiry and a verified signature with the public key', async () => {
    const inspected = await inspectJwt({
      token: `Bearer ${await vonageToken()}`,
      verifyWith: { pem: keys.publicKeyPem },
      now: new Date('2030-01-01T00:05:00Z'),
    });
    if (!inspected.ok) throw new Error(inspected.error.message);
    expect(inspected.value.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(inspected.value.claims.application_id).toBe(applicationId);
    expect(inspected.value.expiry).toEqual({
      state: 'valid',
      issuedAt: '2030-01-01T00:00:00.000Z',
      notBefore: null,
      expiresAt: '2030-01-01T00:15:00.000Z',
      secondsLeft: 600,
    });
    expect(inspected.value.signature.state).toBe('verified');
    expect(inspected.value.missingVonageClaims).toEqual([]);
  });

  it('verifies with the private key the profile holds', async () => {
    const inspected = await inspectJwt({ token: await vonageToken(), verifyWith: { pem: keys.privateKeyPem } });
    expect(inspected.ok && inspected.value.signature.state).toBe('verified');
  });

  it('says invalid for another key, and still decodes an expired token', async () => {
    const inspected = await inspectJwt({
      token: await vonageToken(),
      verifyWith: { pem: otherKeys.publicKeyPem },
      now: new Date('2030-01-01T01:00:00Z'),
    });
    if (!inspected.ok) throw new Error(inspected.error.message);
    expect(inspected.value.signature.state).toBe('invalid');
    expect(inspected.value.expiry.state).toBe('expired');
    expect(inspected.value.expiry.secondsLeft).toBe(-2700);
  });

  it('reports not-yet-valid, no-expiry and missing Vonage claims', async () => {
    const secret = new TextEncoder().encode('signature-secret-for-webhooks');
    const token = await new SignJWT({ nbf: 1893456100 }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    const inspected = await inspectJwt({
      token,
      verifyWith: { secret: 'signature-secret-for-webhooks' },
      now: issuedAt,
    });
    if (!inspected.ok) throw new Error(inspected.error.message);
    expect(inspected.value.expiry.state).toBe('not-yet-valid');
    expect(inspected.value.signature.state).toBe('verified');
    expect(inspected.value.missingVonageClaims).toEqual(['application_id', 'iat', 'jti']);

    const noExpiry = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    const decoded = await inspectJwt({ token: noExpiry });
    expect(decoded.ok && decoded.value.expiry.state).toBe('no-expiry');
    expect(decoded.ok && decoded.value.signature.state).toBe('not-checked');
  });

  it('says which key kind a token needs and refuses what is not a JWT', async () => {
    const wrongKind = await inspectJwt({ token: await vonageToken(), verifyWith: { secret: 'a-secret' } });
    expect(wrongKind.ok && wrongKind.value.signature).toMatchObject({
      state: 'key-unusable',
      detail: expect.stringMatching(/RS256/),
    });
    const badKey = await inspectJwt({ token: await vonageToken(), verifyWith: { pem: 'not a pem' } });
    expect(badKey.ok && badKey.value.signature.state).toBe('key-unusable');
    const malformed = await inspectJwt({ token: 'hello.world' });
    expect(malformed.ok === false && malformed.error.code).toBe('JWT_MALFORMED');
  });
});
