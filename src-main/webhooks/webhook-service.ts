/**
 * The webhook receiver as the core runs it: the event store (the SQLite file
 * in the data folder, or a team's PostgreSQL), the receiver on its port,
 * replay, routing to teammates, and the contract handlers over them. Feed
 * batches become `webhooks.received` events. A store that cannot open (a
 * locked or foreign file, an unreachable server) does not stop the app: the
 * webhook methods answer with its error. Reads go over both stores the
 * timeline shows (timeline-sources.ts): this one and, when the app watches
 * one, the team inbox.
 */
import type { Handlers } from '../../src-shared/contract';
import { fail, ok, type AppError, type Result } from '../../src-shared/result';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import type { StoredEvents } from './event-store-interface';
import type { SendHistory } from '../send/send-history';
import type { EmulatorRequestEvent } from '../../src-shared/emulator-events';
import { apiCallRecord } from './api-call-record';
import { buildMessageThread } from './message-thread';
import {
  createWebhookReceiver,
  type ReceiverAddress,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './receiver';
import { createWebhookReplay, type WebhookReplay } from './replay';
import type { EventStore, RetentionPolicy } from './event-store-interface';
import { openEventStore, type EventStoreChoice } from '../team-inbox/open-event-store';
import { databaseProblem } from '../team-inbox/postgres-connection';
import { startTeamRouter } from '../team-inbox/team-routing';
import { createTimelineSources } from './timeline-sources';

type WebhookHandlers = Pick<
  Handlers,
  | 'webhooks.receiver'
  | 'webhooks.list'
  | 'webhooks.get'
  | 'webhooks.thread'
  | 'webhooks.replay'
  | 'webhooks.useSignatureSecretOf'
>;

export interface WebhookServiceOptions {
  dataDir: string;
  /** The event store's writer thread entry; the default suits the built app (see WebhookStoreOptions). */
  writerScript?: string;
  /** A team's PostgreSQL (postgres://…, password from PGPASSWORD) instead of the SQLite file in `dataDir`. */
  storeUrl?: string;
  /** What an acknowledged webhook survives in the SQLite store (`workbench listen --durability`). */
  durability?: EventStoreChoice['durability'];
  /** Old events to delete, at open and then every minute, in either store (`workbench listen --keep-…`). */
  retention?: RetentionPolicy;
  /** With `storeUrl`: each webhook is forwarded to the app of the teammate it belongs to (role → URL). */
  teamRoutes?: ReadonlyMap<string, string>;
  /** Receiver port; 0 picks a free one. */
  port: number;
  host: string;
  /** How the receiver answers, and the app it copies each webhook to (`workbench listen --answer-status, --forward-to`). */
  receiver?: Pick<WebhookReceiverOptions, 'answer' | 'forwardTo'>;
  /** When `port` is taken, listen on a free one instead of not at all (see `portMovedFrom`). */
  fallbackToFreePort?: boolean;
  events: EventHub;
  history: SendHistory;
  logger: Logger;
  /** Checked when no profile's secret has been chosen, e.g. VONAGE_SIGNATURE_SECRET. */
  fallbackSignatureSecret?: string;
  /** Secrets known by the token's api_key claim (the built-in emulator's); they win over the chosen one. */
  secretForApiKey?: (apiKey: string) => string | undefined;
  /** A profile's signature secret, resolved in the core only: for checking webhooks and re-signing replays. */
  signatureSecretOf: (profile: string) => Promise<Result<string>>;
  /** The team inbox's events (team-inbox-service.ts) while the app watches one; the timeline shows them too. */
  teamEvents?: () => StoredEvents | undefined;
}

export interface WebhookService {
  handlers: WebhookHandlers;
  /** Stores a call the built-in emulator answered and streams it like a received webhook. */
  recordApiCall(call: EmulatorRequestEvent): Promise<void>;
  address(): ReceiverAddress | undefined;
  /** The port asked for, when it was taken and the receiver listens on a free one instead. */
  portMovedFrom(): number | undefined;
  close(): Promise<void>;
}

export async function startWebhookService(options: WebhookServiceOptions): Promise<WebhookService> {
  const opened = await openEventStore({
    dataDir: options.dataDir,
    ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}),
    ...(options.durability ? { durability: options.durability } : {}),
    ...(options.writerScript ? { writerScript: options.writerScript } : {}),
    ...(options.retention ? { retention: options.retention } : {}),
    onError: (message, error) =>
      options.logger.error(`webhook store: ${message} ${databaseProblem(error, options.storeUrl ?? '')}`),
    onNotice: (message) => options.logger.info(message),
  });
  let store: EventStore | undefined;
  let receiver: WebhookReceiver | undefined;
  let replay: WebhookReplay | undefined;
  let router: { close(): Promise<void> } | undefined;
  let address: ReceiverAddress | undefined;
  let problem: AppError | undefined;
  let portMovedFrom: number | undefined;
  /** Held in memory only, read once from the keychain when the user picks the profile. */
  let chosenSecret: string | undefined;

  if (opened.ok) {
    store = opened.value.store;
    const listening = store;
    if (options.storeUrl) options.logger.info(`events stored in ${opened.value.location}`);
    const startReceiver = async (port: number) => {
      const created = createWebhookReceiver({
        store: listening,
        ...options.receiver,
        port,
        host: options.host,
        signatureSecret: (claims) =>
          (typeof claims?.api_key === 'string' ? options.secretForApiKey?.(claims.api_key) : undefined) ??
          chosenSecret ??
          options.fallbackSignatureSecret,
        onError: (message) => options.logger.error(`webhook receiver: ${message}`),
      });
      const started = await created.start();
      if (started.ok) created.subscribe((batch) => options.events.emit('webhooks.received', batch));
      return { created, started };
    };
    let attempt = await startReceiver(options.port);
    if (
      !attempt.started.ok &&
      attempt.started.error.code === 'WEBHOOK_PORT_IN_USE' &&
      options.fallbackToFreePort &&
      options.port !== 0
    ) {
      await attempt.created.close();
      portMovedFrom = options.port;
      attempt = await startReceiver(0);
    }
    receiver = attempt.created;
    if (attempt.started.ok) address = attempt.started.value;
    else problem = attempt.started.error;
    replay = createWebhookReplay({ store });
    const shared = opened.value.shared;
    if (shared && options.teamRoutes && attempt.started.ok)
      router = startTeamRouter({
        store: shared,
        receiver,
        routes: options.teamRoutes,
        onForwarded: (event, teammate) =>
          options.logger.info(
            `event ${event.id} forwarded to ${teammate}: ${event.forward?.status ?? event.forward?.error}`,
          ),
        onError: (message, error) => options.logger.error(`${message} ${databaseProblem(error, options.storeUrl!)}`),
      });
  } else {
    problem = opened.error;
  }
  if (problem) options.logger.error(`webhooks unavailable: ${problem.message} ${problem.hint}`);

  const unavailable = () =>
    fail<never>(
      problem?.code ?? 'WEBHOOK_STORE_UNAVAILABLE',
      problem?.message ?? 'The webhook store is not open.',
      problem?.hint ?? 'Restart the app.',
    );
  const sources = createTimelineSources({
    local: () => (store ? ok(store) : unavailable()),
    team: () => options.teamEvents?.(),
    // A database server that went away is an answer, not a throw.
    localReadFailed: (error) => ({
      code: 'WEBHOOK_STORE_UNAVAILABLE',
      message: `The webhook event store could not be read: ${databaseProblem(error, options.storeUrl ?? '')}`,
      hint: 'Check that the database is running and reachable, then try again.',
    }),
  });

  const handlers: WebhookHandlers = {
    'webhooks.receiver': () => (address ? ok(address) : unavailable()),
    'webhooks.list': (query) => sources.list(query),
    async 'webhooks.get'({ id, source }) {
      const found = await sources.read(source, (events) => events.get(id));
      if (!found.ok) return found;
      if (found.value) return ok(found.value);
      return fail(
        'WEBHOOK_EVENT_NOT_FOUND',
        `No webhook event ${id} is stored${source === 'team' ? ' in the team inbox' : ''}.`,
        'It may have been removed by retention; list the events again.',
        '/id',
      );
    },
    async 'webhooks.thread'({ messageUuid, source }) {
      // The send comes from this app's history: a teammate's own send, its statuses in the team inbox.
      const [sent] = options.history.list({ messageUuid, limit: 1 });
      const send = sent ? options.history.get(sent.id) : null;
      const sentAtMs = send ? Date.parse(send.timings.startedAt) : undefined;
      const thread = await sources.read(source, (events) =>
        buildMessageThread(events, { messageUuid, ...(sentAtMs === undefined ? {} : { sentAtMs }) }),
      );
      return thread.ok ? ok({ ...thread.value, send }) : thread;
    },
    async 'webhooks.useSignatureSecretOf'({ profile }) {
      if (profile === null) {
        chosenSecret = undefined;
        return ok({ checking: options.fallbackSignatureSecret ? 'environment' : 'none' });
      }
      const secret = await options.signatureSecretOf(profile);
      if (!secret.ok) return secret;
      chosenSecret = secret.value;
      return ok({ checking: 'profile' });
    },
    async 'webhooks.replay'({ id, source, url, resignWithProfile }) {
      const sending = replay;
      if (!sending) return unavailable();
      let signatureSecret: string | undefined;
      if (resignWithProfile) {
        const secret = await options.signatureSecretOf(resignWithProfile);
        if (!secret.ok) return secret;
        signatureSecret = secret.value;
      }
      const replayed = await sources.read(source, (from) =>
        sending.replay({ id, url, from, ...(signatureSecret === undefined ? {} : { signatureSecret }) }),
      );
      return replayed.ok ? replayed.value : replayed;
    },
  };

  return {
    handlers,
    async recordApiCall(call) {
      if (!store) return;
      try {
        const event = await store.append(apiCallRecord(call));
        options.events.emit('webhooks.received', { items: [{ change: 'received', event }], missed: 0 });
      } catch (error) {
        options.logger.error('could not store an emulator API call', error);
      }
    },
    address: () => address,
    portMovedFrom: () => portMovedFrom,
    async close() {
      await router?.close();
      await receiver?.close();
      await replay?.close();
      await store?.close();
    },
  };
}
