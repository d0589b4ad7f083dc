import crypto from 'node:crypto';
import type { EmulatorCredentials } from './api-auth';

/** A complete credential set for an emulator, and the private key its JWTs are signed with. */
export interface GeneratedEmulatorCredentials extends EmulatorCredentials {
  /** PKCS#8 PEM; signs the application JWTs the emulator accepts. Store it as a secret. */
  privateKeyPem: string;
  signatureSecret: string;
}

/**
 * Makes throwaway credentials for an emulator that has no real account
 * behind it, e.g. the embedded default target of a fresh install: a random
 * key and secret, an application id and a fresh RSA key pair. Nothing here is
 * valid at Vonage.
 */
export function generateEmulatorCredentials(): GeneratedEmulatorCredentials {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    apiKey: crypto.randomBytes(4).toString('hex'),
    apiSecret: crypto.randomBytes(12).toString('base64url'),
    applicationId: crypto.randomUUID(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    signatureSecret: crypto.randomBytes(24).toString('base64url'),
  };
}
