/**
 * Building blocks of the v1 templates: numbers from the UK drama range, URLs
 * on example.com, and one envelope helper per channel, so each template only
 * writes what its message type adds.
 */

export type Json = Record<string, unknown>;

const TO = '447700900000';
const FROM = '447700900001';
export const MEDIA = 'https://example.com/media';
export const CONTEXT = { message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab' };

const envelope = (channel: string, messageType: string, from = FROM, to = TO): Json => ({
  channel,
  message_type: messageType,
  to,
  from,
});

export const sms = (body: Json): Json => ({ ...envelope('sms', 'text'), ...body });
export const mms = (type: string, body: Json): Json => ({ ...envelope('mms', type), ...body });
export const rcs = (type: string, body: Json): Json => ({ ...envelope('rcs', type, 'VonageBrand'), ...body });
export const whatsapp = (type: string, body: Json): Json => ({ ...envelope('whatsapp', type), ...body });
export const messenger = (type: string, body: Json): Json => ({
  ...envelope('messenger', type, '107083064136738', '3997553136967935'),
  ...body,
});
export const viber = (type: string, body: Json): Json => ({ ...envelope('viber_service', type, '16273'), ...body });
export const email = (type: string, body: Json): Json => ({
  ...envelope('email', type, 'orders@example.com', 'customer@example.com'),
  ...body,
});

/** Optional fields every channel shares (1.20.0 gives RCS webhook_version too). */
export const commonOptional: Json = {
  client_ref: 'order-1234',
  webhook_url: 'https://example.com/webhooks/message-status',
  webhook_version: 'v1',
  failover: [{ ...sms({}), text: 'Your code is 1234 (sent by SMS because the first channel failed)' }],
};

/** The RCS options and carrier flags every full RCS template carries. */
export const rcsFull: Json = { ttl: 600, trusted_recipient: true };
