import { createPrivateKey, createPublicKey } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { basicAuthorization } from '../../../src-main/auth/basic';
import { signVonageJwt } from '../../../src-main/auth/vonage-jwt';
import { generateApplicationKeys, pemBodyLine } from '../../support/keyring-fixtures';

const applicationId = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const keys = generateApplicationKeys();

describe('Basic authorization', () => {
  it('encodes key:secret in base64 after "Basic "', () => {
    const header = basicAuthorization('abc123de', 'Ab3De6Gh9Jk2cd12');
    expect(header.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('abc123de:Ab3De6Gh9Jk2cd12');
  });
});

describe('Vonage JWT', () => {
  it('signs RS256 with application_id, iat, jti and a 15 minute exp by default', async () => {
    const now = new Date();
    const signed = await signVonageJwt({ applicationId, privateKey: keys.privateKeyPem, now });
    if (!signed.ok) throw new Error(signed.error.message);
    const { payload, protectedHeader } = await jwtVerify(signed.value.token, createPublicKey(keys.publicKeyPem), {
      algorithms: ['RS256'],
    });
    const issuedAt = Math.floor(now.getTime() / 1000);
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toEqual({
      application_id: applicationId,
      iat: issuedAt,
      jti: expect.any(String),
      exp: issuedAt + 900,
    });
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(signed.value.expiresAt.getTime()).toBe((issuedAt + 900) * 1000);
  });

  it('gives each token its own jti', async () => {
    const first = await signVonageJwt({ applicationId, privateKey: keys.privateKeyPem });
    const second = await signVonageJwt({ applicationId, privateKey: keys.privateKeyPem });
    expect(first.ok && second.ok && first.value.claims.jti !== second.value.claims.jti).toBe(true);
  });

  it('carries nbf, sub, acl and a chosen lifetime', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const acl = { paths: { '/*/users/**': {}, '/*/conversations/**': { methods: ['GET'] } } };
    const signed = await signVonageJwt({
      applicationId,
      privateKey: keys.privateKeyPem,
      now,
      lifetimeSeconds: 30,
      notBefore: new Date('2030-01-01T00:00:10Z'),
      subject: 'alice',
      acl,
      tokenId: 'fixed-id',
    });
    if (!signed.ok) throw new Error(signed.error.message);
    const { payload } = await jwtVerify(signed.value.token, createPublicKey(keys.publicKeyPem), {
      currentDate: new Date('2030-01-01T00:00:15Z'),
    });
    expect(payload).toEqual({
      application_id: applicationId,
      iat: 1893456000,
      jti: 'fixed-id',
      exp: 1893456030,
      nbf: 1893456010,
      sub: 'alice',
      acl,
    });
  });

  it('accepts a PKCS#1 key as older applications issued', async () => {
    const pkcs1 = createPrivateKey(keys.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString();
    const signed = await signVonageJwt({ applicationId, privateKey: pkcs1 });
    expect(signed.ok).toBe(true);
  });

  it.each([29, 86_401, 1.5])('refuses a lifetime of %s seconds', async (lifetimeSeconds) => {
    const signed = await signVonageJwt({ applicationId, privateKey: keys.privateKeyPem, lifetimeSeconds });
    expect(signed.ok === false && signed.error).toMatchObject({
      code: 'JWT_OPTIONS_INVALID',
      path: '/lifetimeSeconds',
    });
  });

  it('accepts both ends of the lifetime range', async () => {
    for (const lifetimeSeconds of [30, 86_400]) {
      expect((await signVonageJwt({ applicationId, privateKey: keys.privateKeyPem, lifetimeSeconds })).ok).toBe(true);
    }
  });

  it('refuses a key that is not RSA without quoting it', async () => {
    const truncated = keys.privateKeyPem.slice(0, 200);
    const signed = await signVonageJwt({ applicationId, privateKey: truncated });
    expect(signed.ok === false && signed.error.code).toBe('JWT_KEY_INVALID');
    expect(JSON.stringify(signed)).not.toContain(pemBodyLine(truncated));
  });
});
