import crypto from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * Signs webhooks as Vonage does: `Authorization: Bearer <JWT>`, HS256 with
 * the account's signature secret (not the API secret), claims `iat`, `jti`,
 * `iss: "Vonage"`, `api_key`, `application_id` and `payload_hash`, the hex
 * SHA-256 of the exact body bytes sent. Like Vonage, no `exp`.
 */
export interface WebhookSignerOptions {
  /** The signature secret the receiver verifies with. */
  signatureSecret: string;
  /** The account named in the `api_key` claim. */
  apiKey: string;
  /** Put in the `application_id` claim when given. */
  applicationId?: string;
}

export function createWebhookSigner({ signatureSecret, apiKey, applicationId }: WebhookSignerOptions) {
  const key = new TextEncoder().encode(signatureSecret);
  return {
    /** The Authorization header value for these exact body bytes. */
    async authorization(body: Buffer): Promise<string> {
      const claims: Record<string, string> = {
        api_key: apiKey,
        payload_hash: crypto.createHash('sha256').update(body).digest('hex'),
      };
      if (applicationId !== undefined) claims.application_id = applicationId;
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setJti(crypto.randomUUID())
        .setIssuer('Vonage')
        .sign(key);
      return `Bearer ${token}`;
    },
  };
}

export type WebhookSigner = ReturnType<typeof createWebhookSigner>;
