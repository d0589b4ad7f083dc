import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import type { SignatureFault } from '../../src-shared/emulator-scenarios';

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
  const key = new TextEncoder().encode(signatureSecret);
  let lastJti: string = crypto.randomUUID();

  return {
    /** The Authorization header value for these exact body bytes; undefined when `fault` is unsigned. */
    async authorization(body: Buffer, fault?: SignatureFault): Promise<string | undefined> {
      if (fault === 'unsigned') return undefined;
      const claims: Record<string, string> = {
        api_key: apiKey,
        payload_hash: sha256(fault === 'wrong-hash' ? Buffer.concat([body, Buffer.from(' ')]) : body),
      };
      if (applicationId !== undefined) claims.application_id = applicationId;
      const jti = fault === 'replayed-jti' ? lastJti : crypto.randomUUID();
      lastJti = jti;
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setJti(jti)
        .setIssuer('Vonage')
        .sign(fault === 'wrong-secret' ? crypto.randomBytes(32) : key);
      return `Bearer ${token}`;
    },
  };
}

export type WebhookSigner = ReturnType<typeof createWebhookSigner>;
