import { z } from 'zod';
import { lookupCode } from './errors';
import { v1Channels } from './messages';

/** Ways the emulator can sign a webhook badly on purpose, so receivers can be tested. */
export const signatureFaults = ['unsigned', 'wrong-secret', 'wrong-hash', 'replayed-jti'] as const;
export type SignatureFault = (typeof signatureFaults)[number];

/**
 * Scenarios make the emulator's answers deterministic and teachable: each
 * rule matches messages (recipient, channel, message type, text) and names
 * an outcome. Rules are tried in order. `throttle`, `slow` and `signature`
 * shape the answer or the webhooks and let later rules decide the rest;
 * every other outcome ends the search. A message no rule ends is delivered (and read where the channel
 * reports reads).
 */

const vonageCode = z
  .number()
  .int()
  .refine((code) => lookupCode(code) !== undefined, {
    message: 'is not a Messages API error code (see workbench explain)',
  });

export const scenarioMatchSchema = z.strictObject({
  /** Recipient tests on the v1 `to` (v0.1: to.number or to.id). */
  to: z
    .strictObject({ equals: z.string().optional(), startsWith: z.string().optional(), endsWith: z.string().optional() })
    .optional(),
  /** v1 channel name (viber_service, not v0.1's viber_service_msg). */
  channel: z.enum(v1Channels).optional(),
  message_type: z.string().min(1).optional(),
  /** Case-sensitive substring of `text`; a message without text never matches. */
  textContains: z.string().min(1).optional(),
});

export const scenarioOutcomeSchema = z.discriminatedUnion('kind', [
  /** The happy path, explicitly: lets a rule shield messages from later rules. */
  z.strictObject({ kind: z.literal('deliver'), read: z.boolean().default(true) }),
  /** 202, then a `rejected` status carrying this code (failover moves on to the next item). */
  z.strictObject({ kind: z.literal('reject'), code: vonageCode }),
  /** 202, then an `undeliverable` status carrying this code. */
  z.strictObject({ kind: z.literal('undeliverable'), code: vonageCode }),
  /** The API call itself fails with this problem: 402 low balance, 429 rate limit, 500 internal. */
  z.strictObject({ kind: z.literal('http'), status: z.union([z.literal(402), z.literal(429), z.literal(500)]) }),
  /** At most `perSecond` matching calls per rolling second; the rest get 429. */
  z.strictObject({ kind: z.literal('throttle'), perSecond: z.number().int().min(1).max(100_000) }),
  /** The API answer waits this long (the webhooks follow the answer). */
  z.strictObject({ kind: z.literal('slow'), delayMs: z.number().int().min(0).max(120_000) }),
  /** The message's status webhooks are signed badly on purpose, to test a receiver's checks. */
  z.strictObject({ kind: z.literal('signature'), fault: z.enum(signatureFaults) }),
]);

export const scenarioRuleSchema = z.strictObject({
  name: z.string().min(1),
  match: scenarioMatchSchema.default({}),
  outcome: scenarioOutcomeSchema,
});

export const scenarioFileSchema = z.strictObject({ rules: z.array(scenarioRuleSchema) });

export type ScenarioMatch = z.infer<typeof scenarioMatchSchema>;
export type ScenarioRule = z.infer<typeof scenarioRuleSchema>;
export type ScenarioRuleInput = z.input<typeof scenarioRuleSchema>;

/**
 * The default set. Recipient suffixes (for email, the address's local part)
 * spell the code they produce, so a developer can guess them; none collides
 * with the catalogue's sample recipients (447700900000 and friends), so
 * templates go through untouched.
 */
export const defaultScenarios: ScenarioRule[] = [
  {
    name: 'Not on the provider network (1300)',
    match: { to: { endsWith: '1300' } },
    outcome: { kind: 'reject', code: 1300 },
  },
  {
    name: 'Unknown failure, undeliverable (1330)',
    match: { to: { endsWith: '1330' } },
    outcome: { kind: 'undeliverable', code: 1330 },
  },
  {
    name: 'WhatsApp outside the 24-hour window (1340)',
    match: { to: { endsWith: '1340' }, channel: 'whatsapp' },
    outcome: { kind: 'reject', code: 1340 },
  },
  {
    name: 'Absent subscriber, temporary (1180)',
    match: { to: { endsWith: '1180' } },
    outcome: { kind: 'undeliverable', code: 1180 },
  },
  { name: 'Low balance (HTTP 402)', match: { to: { endsWith: '0402' } }, outcome: { kind: 'http', status: 402 } },
  { name: 'Rate limit hit (HTTP 429)', match: { to: { endsWith: '0429' } }, outcome: { kind: 'http', status: 429 } },
  { name: 'Internal error (HTTP 500)', match: { to: { endsWith: '0500' } }, outcome: { kind: 'http', status: 500 } },
  { name: 'Slow answer (3 s)', match: { to: { endsWith: '3000' } }, outcome: { kind: 'slow', delayMs: 3000 } },
  { name: 'Delivered, never read', match: { to: { endsWith: '0404' } }, outcome: { kind: 'deliver', read: false } },
  {
    name: 'Webhooks signed with the wrong secret',
    match: { to: { endsWith: '0401' } },
    outcome: { kind: 'signature', fault: 'wrong-secret' },
  },
  {
    name: 'Email stopped by fraud protection (2001)',
    match: { to: { startsWith: '2001@' } },
    outcome: { kind: 'reject', code: 2001 },
  },
  { name: 'Email too large (2002)', match: { to: { startsWith: '2002@' } }, outcome: { kind: 'reject', code: 2002 } },
  {
    name: 'Email address suppressed (2003)',
    match: { to: { startsWith: '2003@' } },
    outcome: { kind: 'reject', code: 2003 },
  },
];

/** What the matcher looks at, the same for both API versions. */
export interface MessageFacts {
  channel: string;
  messageType: string;
  to: string;
  text?: string;
}

export function ruleMatches(match: ScenarioMatch, facts: MessageFacts): boolean {
  if (match.channel !== undefined && match.channel !== facts.channel) return false;
  if (match.message_type !== undefined && match.message_type !== facts.messageType) return false;
  if (match.to?.equals !== undefined && facts.to !== match.to.equals) return false;
  if (match.to?.startsWith !== undefined && !facts.to.startsWith(match.to.startsWith)) return false;
  if (match.to?.endsWith !== undefined && !facts.to.endsWith(match.to.endsWith)) return false;
  if (match.textContains !== undefined && !(facts.text ?? '').includes(match.textContains)) return false;
  return true;
}
