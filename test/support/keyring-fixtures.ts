import { generateKeyPairSync } from 'node:crypto';

/** A fresh RSA key pair as PEM, like the private.key a Vonage application hands out. */
export function generateApplicationKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The middle line of a PEM: distinctive key material to search files for. */
export function pemBodyLine(pem: string): string {
  const lines = pem.trim().split('\n');
  return lines[Math.floor(lines.length / 2)]!;
}
