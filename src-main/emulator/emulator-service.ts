/**
 * The built-in emulator as the core runs it: the default send target of a
 * fresh install. It keeps its port and its credentials across restarts (see
 * emulator-identity.ts), so the user's own code can target it; its status and
 * inbound webhooks go to the app's own receiver, which knows its signature
 * secret by api_key.
 */
import type { Handlers } from '../../src-shared/contract';
import { recentActivityLimit, type EmulatorEvent, type EmulatorRequestEvent } from '../../src-shared/emulator-events';
import type { ProfileView } from '../../src-shared/profiles';
import { fail, ok, type Result } from '../../src-shared/result';
import type { ProfileCredentials, ProfileService } from '../credentials/profiles';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import { createEmulator, type Emulator, type EmulatorTimings } from './emulator';
import type { GeneratedEmulatorCredentials } from './emulator-credentials';
import type { EmulatorIdentityStore } from './emulator-identity';

type EmulatorHandlers = Pick<
  Handlers,
  | 'emulator.status'
  | 'emulator.activity'
  | 'emulator.scenarios'
  | 'emulator.setScenarios'
  | 'emulator.simulateInbound'
  | 'emulator.conversations'
  | 'emulator.answerOnPhone'
  | 'emulator.renewCredentials'
  | 'emulator.connectionDetails'
>;

/** The profile name a send uses when it names none: the built-in emulator. */
export const builtInEmulatorProfile = '@emulator';

export interface EmulatorServiceOptions {
  events: EventHub;
  logger: Logger;
  /** Where its webhooks go: the app's receiver, when it listens. */
  receiver: { statusUrl: string; inboundUrl: string } | undefined;
  port?: number;
  /** When `port` is taken, listen on a free one instead of not at all (see `portMovedFrom`). */
  fallbackToFreePort?: boolean;
  /** Where its credentials are kept between runs. */
  identity: EmulatorIdentityStore;
  timings?: Partial<EmulatorTimings>;
  /** Told of every API call the emulator answers, e.g. to keep it in the event store. */
  onApiCall?: (call: EmulatorRequestEvent) => void;
}

export interface EmulatorService {
  handlers: EmulatorHandlers;
  url(): string | null;
  /** The port asked for, when it was taken and the emulator listens on a free one instead. */
  portMovedFrom(): number | undefined;
  /** What the user should know about its identity (e.g. new at each start: no keychain). */
  identityNotice(): string | undefined;
  /** The emulator's signature secret, for a webhook whose api_key claim is the emulator's. */
  secretForApiKey(apiKey: string): string | undefined;
  /**
   * Credentials to send with: the emulator's own for the built-in target and
   * for any profile whose target is the emulator (it accepts only its own).
   */
  readCredentials: (profiles: Pick<ProfileService, 'readCredentials'>) => ProfileService['readCredentials'];
  close(): Promise<void>;
}

export async function startEmulatorService(options: EmulatorServiceOptions): Promise<EmulatorService> {
  const loaded = await options.identity.load();
  let credentials: GeneratedEmulatorCredentials = loaded.credentials;
  let identityNotice = loaded.notice;
  let persistent = loaded.persistent;
  let url: string | null = null;
  let portMovedFrom: number | undefined;
  /** Oldest first, bounded: what a page opened (or reloaded) later shows as the recent activity. */
  const recentActivity: EmulatorEvent[] = [];

  const createFor = (port: number, rules?: ReturnType<Emulator['scenarios']>): Emulator =>
    createEmulator({
      port,
      credentials,
      signatureSecret: credentials.signatureSecret,
      ...(options.receiver ? { statusUrl: options.receiver.statusUrl, inboundUrl: options.receiver.inboundUrl } : {}),
      ...(options.timings ? { timings: options.timings } : {}),
      ...(rules ? { scenarios: rules } : {}),
      onEvent: (event) => {
        recentActivity.push(event);
        if (recentActivity.length > recentActivityLimit) recentActivity.shift();
        options.events.emit('emulator.event', event);
        if (event.kind === 'emulator.request') options.onApiCall?.(event);
      },
      logger: options.logger,
    });
  const listen = async (candidate: Emulator): Promise<string | null> => {
    try {
      return await candidate.start();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
        options.logger.error('the built-in emulator could not start', error);
      else options.logger.error(`the built-in emulator could not listen: port ${options.port ?? 0} is in use`);
      return null;
    }
  };

  const requestedPort = options.port ?? 0;
  let emulator = createFor(requestedPort);
  url = await listen(emulator);
  if (url === null && options.fallbackToFreePort && requestedPort !== 0) {
    await emulator.close();
    emulator = createFor(0);
    url = await listen(emulator);
    if (url !== null) portMovedFrom = requestedPort;
  }

  const now = new Date().toISOString();
  const builtInView = (): ProfileView => ({
    id: builtInEmulatorProfile,
    name: 'Built-in emulator',
    target: { kind: 'emulator' },
    apiKey: credentials.apiKey,
    applicationId: credentials.applicationId,
    defaultSenders: {},
    secrets: {
      apiSecret: { isSet: true, masked: null },
      privateKey: { isSet: true, masked: null },
      signatureSecret: { isSet: true, masked: null },
    },
    createdAt: now,
    updatedAt: now,
  });
  const asEmulator = (profile: ProfileView): ProfileCredentials => ({
    profile,
    apiKey: credentials.apiKey,
    applicationId: credentials.applicationId,
    secrets: {
      apiSecret: credentials.apiSecret,
      privateKey: credentials.privateKeyPem,
      signatureSecret: credentials.signatureSecret,
    },
  });
  const notRunning = () =>
    fail<never>(
      'EMULATOR_NOT_RUNNING',
      'The built-in emulator is not running.',
      'See the log for why it could not start; restart the app.',
    );
  const status = () => ({
    running: url !== null,
    url,
    apiKey: credentials.apiKey,
    applicationId: credentials.applicationId,
    statusUrl: options.receiver?.statusUrl ?? null,
    inboundUrl: options.receiver?.inboundUrl ?? null,
    credentialsPersistent: persistent,
    ...(identityNotice === undefined ? {} : { credentialsNotice: identityNotice }),
  });

  return {
    url: () => url,
    portMovedFrom: () => portMovedFrom,
    identityNotice: () => identityNotice,
    secretForApiKey: (apiKey) => (apiKey === credentials.apiKey ? credentials.signatureSecret : undefined),
    readCredentials:
      (profiles) =>
      async (name: string): Promise<Result<ProfileCredentials>> => {
        if (name === builtInEmulatorProfile) return ok(asEmulator(builtInView()));
        const found = await profiles.readCredentials(name);
        return found.ok && found.value.profile.target.kind === 'emulator' ? ok(asEmulator(found.value.profile)) : found;
      },
    handlers: {
      'emulator.status': () => ok(status()),
      'emulator.activity': () => ok({ events: [...recentActivity] }),
      'emulator.scenarios': () => ok({ rules: emulator.scenarios() }),
      'emulator.setScenarios': ({ rules }) => {
        const replaced = emulator.setScenarios(rules);
        return replaced.ok ? ok({ rules: replaced.value }) : replaced;
      },
      'emulator.simulateInbound': (simulation) => (url === null ? notRunning() : emulator.simulateInbound(simulation)),
      'emulator.conversations': (query) => ok(emulator.conversations(query)),
      'emulator.answerOnPhone': (answer) => (url === null ? notRunning() : emulator.answerOnPhone(answer)),
      async 'emulator.renewCredentials'() {
        if (url === null) return notRunning();
        const renewed = await options.identity.renew();
        credentials = renewed.credentials;
        identityNotice = renewed.notice;
        persistent = renewed.persistent;
        // The same port: only the credentials change, so a URL the user pasted stays true.
        const port = Number(new URL(url).port);
        const rules = emulator.scenarios();
        await emulator.close();
        emulator = createFor(port, rules);
        url = await listen(emulator);
        return url === null ? notRunning() : ok(status());
      },
      'emulator.connectionDetails': () => (url === null ? notRunning() : ok({ env: envBlock(url, credentials) })),
    },
    close: () => emulator.close(),
  };
}

/**
 * A `.env` for the user's own app: the emulator's URL and the credentials it
 * accepts. These open the local emulator only, never a Vonage account.
 */
function envBlock(url: string, credentials: GeneratedEmulatorCredentials): string {
  return [
    '# The Messages Workbench built-in emulator (local test credentials; Vonage does not accept them)',
    `VONAGE_API_HOST=${url}`,
    `VONAGE_API_KEY=${credentials.apiKey}`,
    `VONAGE_API_SECRET=${credentials.apiSecret}`,
    `VONAGE_APPLICATION_ID=${credentials.applicationId}`,
    `VONAGE_SIGNATURE_SECRET=${credentials.signatureSecret}`,
    '',
  ].join('\n');
}
