/**
 * The one contract between the renderer and the core: every method (name →
 * input and output schema) and every event (name → payload schema). Hosts,
 * the preload bridge, the WebSocket client and the renderer's `api` are all
 * typed from these two lists, so a capability is added here once.
 */
import { z } from 'zod';
import { errorEntrySchema, explainInputSchema } from './errors';
import {
  catalogEntrySchema,
  catalogInputSchema,
  conversionSchema,
  convertInputSchema,
  smsInfoInputSchema,
  smsInfoSchema,
  validateInputSchema,
  validationReportSchema,
} from './messages';
import { draftsDocumentSchema } from './drafts';
import {
  downloadTicketSchema,
  eventExportInputSchema,
  exportProgressSchema,
  fileExportResultSchema,
} from './event-export';
import { jwtInspectionSchema } from './jwt-inspection';
import { profileExportSchema, profileInputSchema, profileTargetSchema, profileViewSchema } from './profiles';
import type { Result } from './result';
import { emulatorEventSchema, inboundSimulationSchema } from './emulator-events';
import { scenarioRuleSchema } from './emulator-scenarios';
import {
  conversationQuerySchema,
  conversationsAnswerSchema,
  phoneAnswerResultSchema,
  phoneAnswerSchema,
} from './emulator-conversations';
import { settingsPatchSchema, settingsSchema, subdomainSchema, tunnelServerSchema } from './settings';
import { teamInboxBatchSchema, teamInboxConfigureSchema, teamInboxStateSchema } from './team-inbox';
import { tunnelStateSchema } from './tunnel-state';
import {
  eventListQuerySchema,
  eventPageSchema,
  forwardResultSchema,
  threadEntrySchema,
  webhookEventSchema,
  webhookFeedBatchSchema,
} from './webhook-events';
import {
  sendExchangeSchema,
  sendHistoryEntrySchema,
  sendHistoryFilterSchema,
  sendOperationSchema,
} from './send-exchange';
import * as collections from './collections';

export const hostKindSchema = z.enum(['electron', 'browser', 'headless']);
export type HostKind = z.infer<typeof hostKindSchema>;

/** A profile by its id or its name. */
const profileReference = z.object({ profile: z.string().min(1) }).strict();

const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  hostKind: hostKindSchema,
  platform: z.string(),
  startedAt: z.string(),
  /** What changed at start that the user must know, e.g. a taken port and the URLs that moved because of it. */
  notices: z.array(z.object({ code: z.string(), message: z.string() })),
});

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

export const methods = {
  'app.info': {
    summary: 'Version, data folder, host kind and platform of the running core.',
    input: z.object({}).strict(),
    output: appInfoSchema,
  },
  'messages.validate': {
    summary: 'Judges a send request field by field: every error and warning, each at its JSON pointer.',
    input: validateInputSchema.strict(),
    output: validationReportSchema,
  },
  'messages.convert': {
    summary: 'Converts a send request or a webhook between v0.1 and v1, naming every field that has no counterpart.',
    input: convertInputSchema.strict(),
    output: conversionSchema,
  },
  'messages.catalog': {
    summary:
      'Every channel and message type with a minimal and a full template, and with `jsonSchema` its request schema as JSON Schema.',
    input: catalogInputSchema.extend({ jsonSchema: z.boolean().default(false) }).strict(),
    output: z.array(catalogEntrySchema.extend({ schema: z.record(z.string(), z.unknown()).optional() })),
  },
  'sms.info': {
    summary: 'Encoding, segments and characters left for an SMS text, and the characters that force Unicode.',
    input: smsInfoInputSchema.strict(),
    output: smsInfoSchema,
  },
  'errors.explain': {
    summary: 'Explains a Vonage error code, problem type URL, HTTP status or workbench error code.',
    input: explainInputSchema.strict(),
    output: z.array(errorEntrySchema),
  },
  'profiles.list': {
    summary: 'Every profile, with masked secrets only.',
    input: z.object({}).strict(),
    output: z.array(profileViewSchema),
  },
  'profiles.save': {
    summary: 'Creates or edits a profile; secrets go to the OS keychain and never come back.',
    input: profileInputSchema.strict(),
    output: profileViewSchema,
  },
  'profiles.remove': {
    summary: 'Deletes a profile and its keychain entry.',
    input: profileReference,
    output: z.object({ removed: z.string() }),
  },
  'profiles.importEnv': {
    summary:
      'Creates or updates a profile from .env text, a .env file, or the environment of the core (VONAGE_* and NEXMO_*).',
    input: z
      .object({
        name: z.string().trim().min(1).max(64),
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('text'), envText: z.string().max(1_000_000) }),
          z.object({ kind: z.literal('file'), path: z.string().min(1) }),
          z.object({ kind: z.literal('environment') }),
        ]),
        target: profileTargetSchema.optional(),
      })
      .strict(),
    output: profileViewSchema,
  },
  'profiles.export': {
    summary: 'A profile without its secrets, to share.',
    input: profileReference,
    output: profileExportSchema,
  },
  'auth.inspectJwt': {
    summary:
      "Decodes a token and checks its expiry and, with a profile, its signature against the profile's key or signature secret.",
    input: z.object({ token: z.string().trim().min(1).max(20_000), profile: z.string().min(1).optional() }).strict(),
    output: jwtInspectionSchema,
  },
  'send.message': {
    summary: 'Sends a v1 or v0.1 message, or a v1 update; returns the whole exchange with timings.',
    input: z
      .object({
        /** A profile by id or name; absent sends to the built-in emulator with its own credentials. */
        profile: z.string().min(1).optional(),
        /** Sends with the core's VONAGE_* / NEXMO_* variables instead of a profile (CI), to `baseUrl` or Vonage. */
        fromEnvironment: z.boolean().default(false),
        operation: sendOperationSchema,
        auth: z.enum(['auto', 'jwt', 'basic', 'none']).default('auto'),
        baseUrl: z.url({ protocol: /^https?$/ }).optional(),
        /** Send even though validation fails, to see the API's own answer. */
        override: z.boolean().default(false),
        timeoutMs: z.number().int().min(100).max(300_000).optional(),
      })
      .strict(),
    output: sendExchangeSchema,
  },
  'send.history': {
    summary: 'Past sends, newest first, filtered.',
    input: sendHistoryFilterSchema.strict(),
    output: z.array(sendHistoryEntrySchema),
  },
  'send.get': {
    summary: 'One past send with its whole exchange.',
    input: z.object({ id: z.string().min(1) }).strict(),
    output: sendExchangeSchema,
  },
  'webhooks.receiver': {
    summary: 'Where the webhook receiver listens, with the inbound and status URLs to paste into the dashboard.',
    input: z.object({}).strict(),
    output: z.object({ url: z.string(), port: z.number().int(), inboundUrl: z.string(), statusUrl: z.string() }),
  },
  'webhooks.list': {
    summary: 'Stored webhooks, newest first, filtered in the store.',
    input: eventListQuerySchema.strict(),
    output: eventPageSchema,
  },
  'webhooks.get': {
    summary: 'One stored webhook.',
    input: z.object({ id: z.number().int() }).strict(),
    output: webhookEventSchema,
  },
  'webhooks.thread': {
    summary: 'Everything about one message: its send and 202, each status with the time since the send, and replies.',
    input: z.object({ messageUuid: z.string().min(1) }).strict(),
    output: z.object({
      messageUuid: z.string(),
      recipient: z.string().nullable(),
      channel: z.string().nullable(),
      send: sendExchangeSchema.nullable(),
      statuses: z.array(threadEntrySchema),
      replies: z.array(threadEntrySchema),
    }),
  },
  'webhooks.replay': {
    summary: "Sends a stored webhook again to any URL, as received or re-signed with a profile's signature secret.",
    input: z
      .object({
        id: z.number().int(),
        url: z.url({ protocol: /^https?$/ }),
        resignWithProfile: z.string().min(1).optional(),
      })
      .strict(),
    output: forwardResultSchema,
  },
  'webhooks.exportToFile': {
    summary:
      'Asks the user where to save (desktop app only; HOST_CANNOT_SAVE elsewhere), then writes every event matching the filter there as NDJSON, reporting webhooks.exportProgressed.',
    input: eventExportInputSchema,
    output: fileExportResultSchema,
  },
  'webhooks.exportDownload': {
    summary:
      'A one-time ticket to download every event matching the filter as NDJSON from the browser host (GET the returned path once, within a minute); progress as webhooks.exportProgressed.',
    input: eventExportInputSchema,
    output: downloadTicketSchema,
  },
  'webhooks.useSignatureSecretOf': {
    summary:
      "Checks incoming signatures with this profile's signature secret (null: back to VONAGE_SIGNATURE_SECRET, if set).",
    input: z.object({ profile: z.string().min(1).nullable() }).strict(),
    output: z.object({ checking: z.enum(['profile', 'environment', 'none']) }),
  },
  'teamInbox.state': {
    summary: 'The team inbox this app watches (URL without password) and whether it is live.',
    input: z.object({}).strict(),
    output: teamInboxStateSchema,
  },
  'teamInbox.configure': {
    summary: 'Sets the team inbox PostgreSQL URL (password to the keychain) and starts watching it; null forgets it.',
    input: teamInboxConfigureSchema,
    output: teamInboxStateSchema,
  },
  'teamInbox.list': {
    summary: 'Shared events in the team inbox, newest first, filtered in PostgreSQL.',
    input: eventListQuerySchema.strict(),
    output: eventPageSchema,
  },
  'settings.get': { summary: 'The app settings.', input: z.object({}).strict(), output: settingsSchema },
  'settings.update': {
    summary: 'Changes some settings; the rest stay.',
    input: settingsPatchSchema,
    output: settingsSchema,
  },
  'tunnel.state': {
    summary: 'The tunnel now: phase, reason, public URL.',
    input: z.object({}).strict(),
    output: tunnelStateSchema,
  },
  'tunnel.start': {
    summary:
      'Opens a public URL for the webhook receiver, with the server and subdomain given, else those from settings.',
    input: z.object({ server: tunnelServerSchema.optional(), subdomain: subdomainSchema.optional() }).strict(),
    output: tunnelStateSchema,
  },
  'tunnel.stop': { summary: 'Closes the tunnel.', input: z.object({}).strict(), output: tunnelStateSchema },
  'tunnel.sendTestWebhook': {
    summary: 'Posts a sample inbound webhook to the public URL, proving the whole path into the receiver.',
    input: z.object({}).strict(),
    output: z.object({ status: z.number().int(), durationMs: z.number() }),
  },
  'emulator.status': {
    summary: 'The built-in emulator: its URL, the api key and application id it accepts, and where its webhooks go.',
    input: z.object({}).strict(),
    output: emulatorStatusSchema,
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
  'profiles.testConnection': {
    summary:
      "Posts an empty message to the profile's target with its credentials: 401/403 means refused, 400/422 accepted, no answer unreachable.",
    input: profileReference,
    output: z.object({
      verdict: z.enum(['accepted', 'refused', 'unreachable', 'unexpected']),
      /** The scheme the check authenticated with. */
      auth: z.enum(['jwt', 'basic', 'none']),
      url: z.string(),
      /** Null when no answer came. */
      status: z.number().int().nullable(),
      /** One sentence for the user, naming the status or the network failure. */
      detail: z.string(),
      totalMs: z.number(),
    }),
  },
  'errors.catalog': {
    summary: 'Every entry the explainer knows: Vonage codes, problem types, HTTP statuses and workbench codes.',
    input: z.object({}).strict(),
    output: z.array(errorEntrySchema),
  },
  'drafts.load': {
    summary:
      "The builder's current draft and saved requests, kept in the data folder so they outlive the browser host's port.",
    input: z.object({}).strict(),
    output: draftsDocumentSchema,
  },
  'drafts.save': {
    summary: "Replaces the builder's drafts file (written to a temporary file, then renamed).",
    input: draftsDocumentSchema.strict(),
    output: z.object({ savedAt: z.string() }),
  },
  'collections.open': {
    summary:
      'Lists a collection folder (requests in run order, unreadable files with their reason) and watches it for changes.',
    input: collections.collectionRootInputSchema,
    output: collections.collectionTreeSchema,
  },
  'collections.close': {
    summary: 'Stops watching a collection folder.',
    input: collections.collectionRootInputSchema,
    output: z.object({ closed: z.boolean() }),
  },
  'collections.reveal': {
    summary:
      'Shows a collection file or folder in the OS file manager; only the desktop app can (HOST_CANNOT_REVEAL elsewhere).',
    input: collections.collectionPathInputSchema,
    output: z.object({ revealed: z.string() }),
  },
  'collections.list': {
    summary: 'Lists a collection folder without watching it.',
    input: collections.collectionRootInputSchema,
    output: collections.collectionTreeSchema,
  },
  'collections.saveRequest': {
    summary:
      'Writes one request file (stable key order, temporary file then rename); never replaces a file that is not a workbench request.',
    input: collections.saveRequestInputSchema,
    output: collections.savedPathSchema,
  },
  'collections.createFolder': {
    summary: 'Creates a group (a subfolder).',
    input: collections.collectionPathInputSchema,
    output: collections.savedPathSchema,
  },
  'collections.move': {
    summary: 'Renames or moves a request or group; never replaces what is at the target.',
    input: collections.collectionMoveInputSchema,
    output: collections.savedPathSchema,
  },
  'collections.duplicate': {
    summary: 'Copies a request or group to a new path.',
    input: collections.collectionMoveInputSchema,
    output: collections.savedPathSchema,
  },
  'collections.remove': {
    summary: 'Deletes a request or group and returns what it held, for undo.',
    input: collections.collectionPathInputSchema,
    output: collections.removedContentSchema,
  },
  'collections.restore': {
    summary: 'Writes back what collections.remove returned (undo).',
    input: z
      .object({ root: z.string().min(1) })
      .extend(collections.removedContentSchema.shape)
      .strict(),
    output: z.object({ restored: z.number().int() }),
  },
  'collections.run': {
    summary:
      'Runs a request, a group or the whole collection in order against the emulator, a profile or the VONAGE_* environment, judging every assertion.',
    input: collections.runInputSchema,
    output: collections.runReportSchema,
  },
  'collections.runs': {
    summary: 'Past runs, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(collections.runSummarySchema),
  },
  'collections.import': {
    summary:
      'Imports a Postman v2.1 collection or curl command lines into a folder; credentials become references, never values.',
    input: collections.importInputSchema,
    output: collections.importOutputSchema,
  },
  'collections.exportPostman': {
    summary: 'A request or group as a Postman v2.1 collection (JSON text), with credentials as {{variables}}.',
    input: z
      .object({ root: z.string().min(1), path: z.union([z.literal(''), collections.collectionPathSchema]).default('') })
      .strict(),
    output: z.object({ text: z.string() }),
  },
} as const;

export const events = {
  'emulator.event': emulatorEventSchema,
  'tunnel.stateChanged': tunnelStateSchema,
  'webhooks.received': webhookFeedBatchSchema,
  'webhooks.exportProgressed': exportProgressSchema,
  'teamInbox.received': teamInboxBatchSchema,
  'teamInbox.stateChanged': teamInboxStateSchema,
  'collections.changed': collections.collectionsChangedSchema,
  'collections.runProgressed': collections.runProgressedSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;

/** What a caller passes (before defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type CallResult<M extends MethodName> = Result<MethodOutput<M>>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type ContractEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
/** Events always travel as arrays: one host message per batch, never one per event. */
export type EventBatch = ContractEvent[];

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/** Who is calling, as established by the host that carried the call. */
export interface CallContext {
  host: HostKind;
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  context: CallContext,
) => Promise<CallResult<M>> | CallResult<M>;

/** Every method must have a handler: a missing one is a compile error in the core. */
export type Handlers = { [M in MethodName]: Handler<M> };
