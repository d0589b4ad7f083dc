/**
 * The load the webhook benches send: Vonage-like status webhooks, varied by
 * index across statuses, channels and errors, each signed as Vonage signs them.
 */
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { LoadRequest } from './autocannon';

/** Shared by the senders here and the servers that check them. */
export const signatureSecret = 'bench-signature-secret-0123456789';

/** Status webhook number `index`: a distinct message, recipient and time, one in five carrying a 1300 error. */
export function statusBody(index: number): string {
  const statuses = ['submitted', 'delivered', 'read', 'rejected', 'undeliverable'];
  const channels = ['sms', 'whatsapp', 'rcs', 'messenger', 'viber_service', 'mms'];
  return JSON.stringify({
    message_uuid: `aaaaaaaa-bbbb-4ccc-8ddd-${String(index).padStart(12, '0')}`,
    to: `4477009${String(index % 100_000).padStart(5, '0')}`,
    from: '447700900001',
    timestamp: new Date(1_700_000_000_000 + index * 1000).toISOString(),
    status: statuses[index % statuses.length],
    channel: channels[index % channels.length],
    client_ref: `order-${index}`,
    ...(index % 5 === 3
      ? {
          error: {
            type: 'https://developer.vonage.com/api-errors/messages#1300',
            title: '1300',
            detail: `rejected word${index % 997}`,
          },
        }
      : {}),
  });
}

/** `count` distinct status webhooks, each with its own signed token. */
export async function signedRequests(count: number): Promise<LoadRequest[]> {
  const requests: LoadRequest[] = [];
  for (let index = 0; index < count; index++) {
    const body = statusBody(index);
    const token = await new SignJWT({
      iss: 'Vonage',
      api_key: 'bench',
      payload_hash: createHash('sha256').update(body).digest('hex'),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .sign(new TextEncoder().encode(signatureSecret));
    requests.push({
      method: 'POST',
      path: '/webhooks/status',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
  }
  return requests;
}
