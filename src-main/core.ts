/**
 * Composes the core services once and exposes them only as contract handlers
 * plus an event hub. The core is plain Node: it never knows which host carries it.
 */
import path from 'node:path';
import type { Handlers, HostKind } from '../src-shared/contract';
import { fail, ok } from '../src-shared/result';
import { defaultLocalPorts } from '../src-shared/settings';
import { productName, productVersion } from './app-info';
import { createAuthHandlers } from './auth/handlers';
import { createCollectionService } from './collections/collection-service';
import { createProfileHandlers } from './credentials/handlers';
import { createKeychain } from './credentials/keychain';
import { createProfileService } from './credentials/profiles';
import { createEmulatorIdentityStore, createThrowawayEmulatorIdentity } from './emulator/emulator-identity';
import { startEmulatorService, type EmulatorServiceOptions } from './emulator/emulator-service';
import { portNotices } from './local-port-notices';
import { createDownloadTickets, type DownloadTickets } from './downloads/download-tickets';
import { createDraftHandlers } from './drafts/handlers';
import { createErrorCatalogHandlers } from './errors/handlers';
import { createFolderHandlers } from './files/folder-handlers';
import { createEventHub, type EventHub, type EventHubOptions } from './event-hub';
import { tightenDataFolder } from './files/private-files';
import { createStderrLogger, type Logger } from './logger';
import { createMessageHandlers } from './messages/handlers';
import { createConnectionTestHandlers } from './send/connection-test';
import { createSendHandlers } from './send/handlers';
import { createProfileSender } from './send/profile-sender';
import { createSendHistory } from './send/send-history';
import { createSendService } from './send/send-service';
import { validateForSend } from './send/validate-for-send';
import { createSettingsFile } from './settings/settings-file';
import { startTeamInboxService } from './team-inbox/team-inbox-service';
import { autoStartTunnel, createTunnelService, type TunnelServiceOptions } from './tunnel/tunnel-service';
import { createEventExportService } from './webhooks/event-export-service';
import type { StoredEvents } from './webhooks/event-store-interface';
import { startWebhookService, type WebhookServiceOptions } from './webhooks/webhook-service';

/** Things only a host can do for the core, e.g. the desktop app showing a file in the OS file manager. */
export interface HostCapabilities {
  revealPath?(absolutePath: string): void;
  /** Asks the user where to save a file (native dialog); the absolute path, or undefined when they cancel. */
  chooseSaveFile?(suggestedName: string): Promise<string | undefined>;
  /** Asks the user for a folder (native dialog); the absolute path, or undefined when they cancel. */
  chooseFolder?(title: string): Promise<string | undefined>;
}

export interface CoreOptions {
  /** Folder for everything the app stores; created if missing. */
  dataDir: string;
  /** Which host carries the contract; reported by app.info. */
  hostKind: HostKind;
  logger?: Logger;
  events?: EventHubOptions;
  /** The keychain service secrets are filed under; tests use their own so they never meet a user's. */
  keychainService?: string;
  /**
   * Where the webhook receiver listens. Without a port: the one in Settings
   * (default 4730), or a free one, with a notice, when that one is taken.
   * A port given here is kept or fails; 0 picks a free one. The store's
   * writer thread entry defaults to the built app's; tests point at the build.
   * `workbench listen` may name a team's PostgreSQL, retention and routes.
   */
  webhooks?: { port?: number; host?: string } & WebhookServiceOptions['receiver'] &
    Pick<WebhookServiceOptions, 'writerScript' | 'storeUrl' | 'durability' | 'retention' | 'teamRoutes'>;
  /** The built-in emulator's port (as for `webhooks`; Settings default 4731), address and delays; tests shorten the delays. */
  emulator?: Pick<EmulatorServiceOptions, 'port' | 'host' | 'timings' | 'webhookThreadScript'>;
  /** 'throwaway' for one-shot commands: the built-in emulator's credentials are made for this run and the keychain is not asked. */
  emulatorIdentity?: 'kept' | 'throwaway';
  /** What only the carrying host can do; absent capabilities answer with a clear error. */
  hostCapabilities?: HostCapabilities;
  /** The tunnel's child script and timings; the defaults suit the built app, tests point at the build. */
  tunnel?: Pick<TunnelServiceOptions, 'childScript' | 'timings'>;
}

export interface Core {
  handlers: Handlers;
  events: EventHub;
  /** Downloads prepared by contract calls, for the browser host to serve once by ticket. */
  downloads: DownloadTickets;
  logger: Logger;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { dataDir, hostKind, logger = createStderrLogger(), keychainService = 'messages-workbench' } = options;
  await tightenDataFolder(dataDir);
  const events = createEventHub({
    onListenerError: (error) => logger.error('an event listener threw', error),
    ...options.events,
  });
  const startedAt = new Date().toISOString();

  const keychain = createKeychain({ service: keychainService });
  const profiles = createProfileService({ dataDir, keychain });
  const history = createSendHistory({ databasePath: path.join(dataDir, 'history.db') });
  const settings = createSettingsFile(dataDir);
  const savedSettings = await settings.read();
  const notices: { code: string; message: string }[] = [];
  if (!savedSettings.ok)
    notices.push({
      code: savedSettings.error.code,
      message: `${savedSettings.error.message} ${savedSettings.error.hint}`,
    });
  const ports = savedSettings.ok ? savedSettings.value.ports : defaultLocalPorts;
  const sendService = createSendService({ validatePayload: validateForSend, history });
  // The receiver starts first (the emulator needs its URLs), and learns the emulator's secret once it exists.
  let emulatorSecretFor: (apiKey: string) => string | undefined = () => undefined;
  const { writerScript, storeUrl, durability, retention, teamRoutes } = options.webhooks ?? {};
  // The timeline reads the team inbox too, once its service (started below) watches one.
  let teamEvents: () => StoredEvents | undefined = () => undefined;
  const webhooks = await startWebhookService({
    dataDir,
    ...(writerScript ? { writerScript } : {}),
    ...(storeUrl ? { storeUrl } : {}),
    ...(durability ? { durability } : {}),
    ...(retention ? { retention } : {}),
    ...(teamRoutes ? { teamRoutes } : {}),
    port: options.webhooks?.port ?? ports.webhooks,
    fallbackToFreePort: options.webhooks?.port === undefined,
    host: options.webhooks?.host ?? '127.0.0.1',
    receiver: {
      ...(options.webhooks?.answer ? { answer: options.webhooks.answer } : {}),
      ...(options.webhooks?.forwardTo ? { forwardTo: options.webhooks.forwardTo } : {}),
    },
    events,
    history,
    logger,
    ...(process.env.VONAGE_SIGNATURE_SECRET ? { fallbackSignatureSecret: process.env.VONAGE_SIGNATURE_SECRET } : {}),
    secretForApiKey: (apiKey) => emulatorSecretFor(apiKey),
    teamEvents: () => teamEvents(),
    signatureSecretOf: async (profile) => {
      const credentials = await profiles.readCredentials(profile);
      if (!credentials.ok) return credentials;
      const secret = credentials.value.secrets.signatureSecret;
      return secret
        ? ok(secret)
        : fail(
            'CREDENTIALS_MISSING',
            `The profile "${profile}" has no signature secret.`,
            'Add it in Settings: Vonage dashboard, API settings, signature secret.',
          );
    },
  });

  const emulator = await startEmulatorService({
    events,
    logger,
    receiver: webhooks.address(),
    onApiCall: (call) => void webhooks.recordApiCall(call),
    identity:
      options.emulatorIdentity === 'throwaway'
        ? createThrowawayEmulatorIdentity()
        : createEmulatorIdentityStore({ dataDir, keychain }),
    acceptedCredentials: { profiles, variables: process.env },
    ...options.emulator,
    port: options.emulator?.port ?? ports.emulator,
    fallbackToFreePort: options.emulator?.port === undefined,
  });
  notices.push(...portNotices({ webhooks, emulator }));
  for (const notice of notices) logger.info(notice.message);
  // Shown on the Emulator page, where the .env it concerns is.
  const identityNotice = emulator.identityNotice();
  if (identityNotice) logger.info(identityNotice);
  emulatorSecretFor = emulator.secretForApiKey;
  const sendingCredentials = { readCredentials: emulator.readCredentials(profiles) };
  const profileSender = createProfileSender({
    profiles: sendingCredentials,
    sender: sendService,
    emulatorUrl: emulator.url,
  });
  const tunnel = createTunnelService({
    events,
    settings,
    localPort: () => webhooks.address()?.port,
    ...options.tunnel,
  });
  const downloads = createDownloadTickets();
  const eventExport = createEventExportService({
    readPage: (query) => webhooks.handlers['webhooks.list'](query, { host: hostKind }),
    events,
    downloads,
    logger,
    ...(options.hostCapabilities?.chooseSaveFile ? { chooseSaveFile: options.hostCapabilities.chooseSaveFile } : {}),
  });
  const collections = createCollectionService({
    dataDir,
    events,
    logger,
    credentials: sendingCredentials,
    profileSender,
    sendService,
    emulatorUrl: emulator.url,
    listWebhooks: (query) => webhooks.handlers['webhooks.list'](query, { host: hostKind }),
    rememberRoot: async (root) => void (await settings.update({ collections: { root } })),
    ...(options.hostCapabilities?.revealPath ? { revealPath: options.hostCapabilities.revealPath } : {}),
  });

  const teamInbox = await startTeamInboxService({ dataDir, keychain, events, logger });
  teamEvents = teamInbox.teamEvents;
  const sendHandlers = createSendHandlers({
    profileSender,
    history,
    sendService,
    credentials: sendingCredentials,
    variables: process.env,
    emulatorUrl: emulator.url,
  });

  const handlers: Handlers = {
    'app.info': () =>
      ok({
        name: productName,
        version: productVersion,
        dataDir,
        hostKind,
        platform: process.platform,
        startedAt,
        notices,
      }),
    ...createMessageHandlers(),
    ...createProfileHandlers(profiles),
    ...createAuthHandlers(profiles),
    ...sendHandlers,
    // Accepted sends are filed in the team inbox too, so the shared receiver routes their webhooks here.
    async 'send.message'(input, context) {
      const result = await sendHandlers['send.message'](input, context);
      if (result.ok) await teamInbox.recordSend(result.value);
      return result;
    },
    ...webhooks.handlers,
    ...eventExport.handlers,
    ...emulator.handlers,
    'settings.get': () => settings.read(),
    'settings.update': (patch) => settings.update(patch),
    ...tunnel.handlers,
    ...teamInbox.handlers,
    ...createConnectionTestHandlers({ profiles: sendingCredentials, emulatorUrl: emulator.url }),
    ...createDraftHandlers({ dataDir }),
    ...createErrorCatalogHandlers(),
    ...collections.handlers,
    ...createFolderHandlers({
      ...(options.hostCapabilities?.chooseFolder ? { chooseFolder: options.hostCapabilities.chooseFolder } : {}),
    }),
  };
  // The app opens the tunnel at start when Settings say so; a command asks for it (listen --tunnel) or goes without.
  if (hostKind !== 'headless') await autoStartTunnel(tunnel, settings);

  return {
    handlers,
    events,
    downloads,
    logger,
    async close() {
      downloads.close();
      collections.close();
      await tunnel.close();
      await emulator.close();
      await webhooks.close();
      await teamInbox.close();
      events.close();
      profileSender.close();
      await sendService.close();
      history.close();
      await profiles.close();
      keychain.close();
    },
  };
}
