/** Methods on the built-in emulator: its credentials, scenarios, simulated users and phone. */
import { z } from 'zod';
import {
  conversationQuerySchema,
  conversationsAnswerSchema,
  phoneAnswerResultSchema,
  phoneAnswerSchema,
} from '../emulator-conversations';
import { emulatorEventSchema, inboundSimulationSchema } from '../emulator-events';
import { scenarioRuleSchema } from '../emulator-scenarios';
import { apiVersions } from '../messages';

const emulatorStatusSchema = z.object({
  running: z.boolean(),
  url: z.string().nullable(),
  apiKey: z.string(),
  applicationId: z.string(),
  statusUrl: z.string().nullable(),
  inboundUrl: z.string().nullable(),
  /** False when the credentials are new at each start (no keychain to keep their secret parts in). */
  credentialsPersistent: z.boolean(),
  credentialsNotice: z.string().optional(),
});

export const emulatorMethods = {
  'emulator.status': {
    summary: 'The built-in emulator: its URL, the api key and application id it accepts, and where its webhooks go.',
    input: z.object({}).strict(),
    output: emulatorStatusSchema,
  },
  'emulator.activity': {
    summary:
      'What the built-in emulator did lately (API calls, webhook attempts), oldest first, so a reloaded page shows it; new entries come as emulator.event.',
    input: z.object({}).strict(),
    output: z.object({ events: z.array(emulatorEventSchema) }),
  },
  'emulator.clearActivity': {
    summary:
      "Forgets the built-in emulator's recent activity, so a page opened or reloaded later shows none; open pages hear emulator.activityCleared. The timeline keeps its events.",
    input: z.object({}).strict(),
    output: z.object({ cleared: z.number().int() }),
  },
  'emulator.renewCredentials': {
    summary:
      'Gives the built-in emulator new credentials (kept across restarts), on the same URL; code using the old ones is refused from now on.',
    input: z.object({}).strict(),
    output: emulatorStatusSchema,
  },
  'emulator.connectionDetails': {
    summary:
      "A .env block for the user's own app: the built-in emulator's URL and the local test credentials it accepts.",
    input: z.object({}).strict(),
    output: z.object({ env: z.string() }),
  },
  'emulator.configure': {
    summary:
      "Makes the built-in emulator accept a profile's or the VONAGE_* environment's credentials (its webhooks signed with their signature secret) and send its webhooks to other URLs, on the same port; null sends no webhooks of that kind.",
    input: z
      .object({
        credentials: z
          .union([
            z.object({ profile: z.string().min(1) }).strict(),
            z.object({ fromEnvironment: z.literal(true) }).strict(),
          ])
          .optional(),
        statusUrl: z
          .url({ protocol: /^https?$/ })
          .nullable()
          .optional(),
        inboundUrl: z
          .url({ protocol: /^https?$/ })
          .nullable()
          .optional(),
        /** Status webhook version for v1 sends that do not name one. */
        webhookVersion: z.enum(apiVersions).optional(),
      })
      .strict(),
    output: emulatorStatusSchema,
  },
  'emulator.scenarios': {
    summary: 'The scenario rules in force, in order.',
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(scenarioRuleSchema) }),
  },
  'emulator.setScenarios': {
    summary: 'Replaces the scenario rules; a bad rule is refused at its field.',
    input: z.object({ rules: z.array(z.unknown()) }).strict(),
    output: z.object({ rules: z.array(scenarioRuleSchema) }),
  },
  'emulator.simulateInbound': {
    summary: 'Posts a signed inbound webhook from a simulated user to the receiver.',
    input: inboundSimulationSchema.strict(),
    output: z.object({ messageUuid: z.string(), delivered: z.boolean() }),
  },
  'emulator.conversations': {
    summary:
      "The emulator's phone: each conversation by channel and recipient, and one in full (messages, statuses as played, PATCHes); updates come as emulator.event.",
    input: conversationQuerySchema,
    output: conversationsAnswerSchema,
  },
  'emulator.answerOnPhone': {
    summary:
      'Taps a suggestion, button or list row of a message on the phone, or types an answer: posts the signed inbound reply, button or text to the receiver.',
    input: phoneAnswerSchema,
    output: phoneAnswerResultSchema,
  },
} as const;
