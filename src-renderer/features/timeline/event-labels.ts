/**
 * What the timeline calls an event's kind and signature verdict. The stored
 * values stay as they are (filters, exports and the CLI use them); people
 * read these words instead, which say what was, and was not, checked.
 */
import type { SignatureVerdict, WebhookKind } from '../../../src-shared/webhook-events';

export const kindLabels: Record<WebhookKind, string> = {
  status: 'Status webhook',
  inbound: 'Inbound message',
  unknown: 'Unrecognised body',
  'api-call': 'API call',
};

export const verdictLabels: Record<SignatureVerdict, string> = {
  verified: 'verified',
  unsigned: 'unsigned',
  'bad-signature': 'bad signature',
  'malformed-token': 'unreadable token',
  'malformed-claim': 'malformed claim',
  'not-yet-valid': 'dated in the future',
  'payload-mismatch': 'body changed',
  stale: 'stale signature',
  // Nothing vouches for the token: a forged one reads the same until a secret is chosen.
  'no-secret-configured': 'not checked: no secret',
  'not-a-webhook': 'not a webhook',
};
