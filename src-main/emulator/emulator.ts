import { setMaxListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ApiVersion } from '../../src-shared/messages';
import { fail, ok, type Result } from '../../src-shared/result';
import { createApiAuthenticator, type EmulatorCredentials } from './api-auth';
import type { EmulatorEvent } from '../../src-shared/emulator-events';
import { apiSecurityHeaders } from '../content-security-policy';
import { hardenServer, serverOptions } from '../http/hardened-server';
import { createHttpApi } from './http-api';
import type { InboundSimulation } from '../../src-shared/emulator-events';
import { buildInbound, type BuiltInbound } from './inbound-webhooks';
import type { PhoneAnswer } from '../../src-shared/emulator-conversations';
import { createConversationStore, type ConversationStore } from './conversation-store';
import { inboundForAnswer } from './phone-answers';
import { defaultTimings, playOut, type Timings } from './message-flow';
import { createMessageRegistry } from './message-registry';
import { createScenarioEngine } from './scenario-engine';
import { parseScenarios } from './scenario-file';
import { defaultScenarios, type ScenarioRule, type ScenarioRuleInput } from '../../src-shared/emulator-scenarios';
import { createWebhookDelivery, type RetryPolicy } from './webhook-delivery';
import { webhookThreadName } from './webhook-poster';
import { missingBuiltEntry } from '../built-thread';
import { createStderrLogger, type Logger } from '../logger';

export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one, read it from `url` after start(). */
  port?: number;
  /** Interface to listen on; loopback by default, so nothing outside this machine can send. */
  host?: string;
  /** What callers must authenticate with, and what signed webhooks name. */
  credentials: EmulatorCredentials;
  /** HS256 key of the webhook JWTs (Vonage's per-account "signature secret"). */
  signatureSecret: string;
  /** Default status webhook URL; a message's own `webhook_url` wins. Without either, no status webhooks are sent. */
  statusUrl?: string;
  /** Where simulateInbound() posts. */
  inboundUrl?: string;
  /** Status webhook version for v1 sends without `webhook_version` (the application setting); v1 by default. */
  defaultWebhookVersion?: ApiVersion;
  /** Scenario rules, tried in order; `defaultScenarios` when omitted, none with []. */
  scenarios?: readonly ScenarioRuleInput[];
  /** Delays between statuses and between webhook retries; tests pass zeros. */
  timings?: Partial<EmulatorTimings>;
  /** Which receiver answers are retried: 429 and 5xx (default, Vonage's support article) or any non-2xx. */
  retryOn?: RetryPolicy;
  /** Every API call answered and every webhook attempt; must not throw. */
  onEvent?: (event: EmulatorEvent) => void;
  /** Where bugs are reported (never secrets); stderr by default. */
  logger?: Logger;
  /** The webhook thread's built entry; defaults to webhook-thread.js beside this module, as built. */
  webhookThreadScript?: string;
}

export interface EmulatorTimings extends Timings {
  /** Waits before each retry of a webhook the receiver refused; one more attempt than entries. */
  retryDelaysMs: readonly number[];
}

/** Vonage starts at 5 s and doubles; we stop after four retries, as a local tool should not retry for a day. */
export const defaultEmulatorTimings: EmulatorTimings = {
  ...defaultTimings,
  retryDelaysMs: [5_000, 10_000, 20_000, 40_000],
};

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:49152; set a client's API host to it. Empty before start(). */
  readonly url: string;
  /** Resolves once listening. */
  start(): Promise<string>;
  /** Stops listening, cancels pending webhooks and retries. */
  close(): Promise<void>;
  /** Posts a signed inbound webhook, as if a user wrote to the sender; resolves with its message_uuid once delivered or given up. */
  simulateInbound(simulation: InboundSimulation): Promise<Result<{ messageUuid: string; delivered: boolean }>>;
  /** Answers on the phone: a tapped chip, button or list row, or typed text, posted signed like simulateInbound. */
  answerOnPhone(answer: PhoneAnswer): Promise<Result<{ messageUuid: string; messageType: string; delivered: boolean }>>;
  /** The phone's conversations (see conversation-store.ts). */
  conversations: ConversationStore['read'];
  /** The scenario rules in force. */
  scenarios(): ScenarioRule[];
  /** Replaces the scenario rules, checked like a scenario file. */
  setScenarios(rules: unknown): Result<ScenarioRule[]>;
  /** Waits until every message accepted so far has sent its last webhook. */
  settled(): Promise<void>;
}

const noInboundUrl = () =>
  fail<never>(
    'EMULATOR_NO_INBOUND_URL',
    'The emulator has no inbound URL',
    'Start it with an inbound URL (--inbound-url).',
  );

export function createEmulator(options: EmulatorOptions): Emulator {
  const { port = 0, host = '127.0.0.1', credentials, logger = createStderrLogger('emulator') } = options;
  // A listener's bug must not stop webhooks from flowing.
  const onEvent = (event: EmulatorEvent) => {
    try {
      options.onEvent?.(event);
    } catch (error) {
      logger.error('onEvent threw', error);
    }
  };
  const timings: EmulatorTimings = { ...defaultEmulatorTimings, ...options.timings };
  const closing = new AbortController();
  // Every pending wait and webhook listens on this one signal; thousands in flight are normal under load.
  setMaxListeners(0, closing.signal);
  const registry = createMessageRegistry();
  const conversations = createConversationStore();
  const scenarios = createScenarioEngine(options.scenarios ?? defaultScenarios);
  const webhookThreadScript = options.webhookThreadScript ?? path.join(__dirname, 'webhook-thread.js');
  const delivery = createWebhookDelivery({
    signing: {
      signatureSecret: options.signatureSecret,
      apiKey: credentials.apiKey,
      ...(credentials.applicationId === undefined ? {} : { applicationId: credentials.applicationId }),
    },
    threadScript: webhookThreadScript,
    retryDelaysMs: timings.retryDelaysMs,
    retryOn: options.retryOn ?? 'server-errors',
    userAgent: 'vonage-messages-emulator (Messages Workbench)',
    onAttempt: onEvent,
    signal: closing.signal,
  });
  const running = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    // Aborts are how close() stops a message; anything else is a bug, reported and contained.
    const quiet = work.catch((error: unknown) => {
      if (!closing.signal.aborted) logger.error('a message stopped playing out', error);
    });
    running.add(quiet);
    void quiet.finally(() => running.delete(quiet));
  };

  const handle = createHttpApi({
    auth: createApiAuthenticator(credentials),
    scenarios,
    registry,
    defaultWebhookVersion: options.defaultWebhookVersion ?? 'v1',
    accept: (message, requests) => {
      conversations.recordOutbound(message.uuids[0]!, message.items[0]!.channel, requests[0] ?? {});
      track(
        playOut(message, {
          onStep: ({ messageUuid, itemIndex, status, errorCode }) => {
            conversations.recordOutbound(messageUuid, message.items[itemIndex]!.channel, requests[itemIndex] ?? {});
            conversations.recordStatus(messageUuid, status, errorCode);
          },
          timings,
          ...(options.statusUrl === undefined ? {} : { statusUrl: options.statusUrl }),
          scenarios,
          delivery,
          signal: closing.signal,
        }),
      );
    },
    onUpdate: (messageUuid, update) => conversations.recordUpdate(messageUuid, update),
    onRequest: onEvent,
    signal: closing.signal,
  });
  const server = http.createServer(serverOptions, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('the emulator failed to answer a request', error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  hardenServer(server, apiSecurityHeaders());
  let url = '';

  async function postInbound(inboundUrl: string, simulation: InboundSimulation, built: BuiltInbound) {
    const { body, messageUuid, version, channel } = built;
    registry.remember(messageUuid, { channel, direction: 'inbound' });
    if (version === 'v1') conversations.recordInbound(messageUuid, channel, body);
    const delivered = await delivery.deliver({
      target: 'inbound',
      url: inboundUrl,
      body,
      messageUuid,
      label: simulation.messageType,
      version,
      ...(simulation.signatureFault === undefined ? {} : { signatureFault: simulation.signatureFault }),
    });
    return ok({ messageUuid, delivered });
  }

  return {
    get url() {
      return url;
    },
    start() {
      const missing = missingBuiltEntry(webhookThreadScript, webhookThreadName);
      if (missing) return Promise.reject(missing);
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
          resolve(url);
        });
      });
    },
    async close() {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...running]);
      await delivery.close();
    },
    async simulateInbound(simulation) {
      if (options.inboundUrl === undefined) return noInboundUrl();
      const built = buildInbound(simulation, url);
      return built.ok ? postInbound(options.inboundUrl, simulation, built.value) : built;
    },
    async answerOnPhone(answer) {
      if (options.inboundUrl === undefined) return noInboundUrl();
      const inbound = inboundForAnswer(conversations, answer, url);
      if (!inbound.ok) return inbound;
      const posted = await postInbound(options.inboundUrl, inbound.value.simulation, inbound.value.built);
      return posted.ok ? ok({ ...posted.value, messageType: inbound.value.simulation.messageType }) : posted;
    },
    conversations: (query) => conversations.read(query),
    scenarios: () => scenarios.rules(),
    setScenarios(rules) {
      const parsed = parseScenarios({ rules });
      if (parsed.ok) scenarios.replace(parsed.value);
      return parsed;
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
