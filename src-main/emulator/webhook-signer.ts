import crypto from 'node:crypto';
import type { SignatureFault } from '../../src-shared/emulator-scenarios';
import { signHs256 } from '../webhooks/hs256-token';

/**
 * Signs webhooks as Vonage does: `Authorization: Bearer <JWT>`, HS256 with
 * the account's signature secret (not the API secret), claims `iat`, `jti`,
 * `iss: "Vonage"`, `api_key`, `application_id` and `payload_hash`, the hex
 * SHA-256 of the exact body bytes sent. Like Vonage, no `exp`.
 *
 * On request it signs badly on purpose, so a receiver's checks can be
 * tested: no header (Vonage's rare unsigned callback), another secret, a
 * payload_hash of other bytes, or the jti of the previous webhook (a replay).
 */

export interface WebhookSignerOptions {
  /** The signature secret the receiver verifies with. */
  signatureSecret: string;
  /** The account named in the `api_key` claim. */
  apiKey: string;
  /** Put in the `application_id` claim when given. */
  applicationId?: string;
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

export function createWebhookSigner({ signatureSecret, apiKey, applicationId }: WebhookSignerOptions) {
  // Made once: the secret is fixed for the emulator's life.
  const key = crypto.createSecretKey(Buffer.from(signatureSecret, 'utf8'));
  let lastJti: string = crypto.randomUUID();

  return {
    /** The Authorization header value for these exact body bytes; undefined when `fault` is unsigned. */
    authorization(body: Buffer, fault?: SignatureFault): string | undefined {
      if (fault === 'unsigned') return undefined;
      const jti = fault === 'replayed-jti' ? lastJti : crypto.randomUUID();
      lastJti = jti;
      const token = signHs256(
        {
          api_key: apiKey,
          payload_hash: sha256(fault === 'wrong-hash' ? Buffer.concat([body, Buffer.from(' ')]) : body),
          ...(applicationId === undefined ? {} : { application_id: applicationId }),
          iat: Math.floor(Date.now() / 1000),
          jti,
          iss: 'Vonage',
        },
        fault === 'wrong-secret' ? crypto.createSecretKey(crypto.randomBytes(32)) : key,
      );
      return `Bearer ${token}`;
    },
  };
}

export type WebhookSigner = ReturnType<typeof createWebhookSigner>;
