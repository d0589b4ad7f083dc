import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import type { SecretName } from '../../src-shared/profiles';

const maskDots = '••••';

/** `••••cd12`: enough to tell two secrets apart, too little to use one. Short secrets show dots only. */
export function maskSecret(secret: string): string {
  return secret.length >= 12 ? `${maskDots}${secret.slice(-4)}` : maskDots;
}

/**
 * A private key is shown by a fingerprint of its public half (SHA-256 of the
 * SPKI DER, last 8 hex digits), which the Vonage dashboard's public key can be
 * checked against; its PEM ends the same way for every key.
 */
export function maskPrivateKey(pem: string): string {
  const publicKey = createPublicKey(createPrivateKey(pem));
  const digest = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
  return `RSA key ${maskDots}${digest.slice(-8)}`;
}

export function maskFor(name: SecretName, secret: string): string {
  return name === 'privateKey' ? maskPrivateKey(secret) : maskSecret(secret);
}
