/**
 * The built-in emulator as the core runs it: the default send target of a
 * fresh install. It keeps its port and its credentials across restarts (see
 * emulator-identity.ts), so the user's own code can target it; its status and
 * inbound webhooks go to the app's own receiver, which knows its signature
 * secret by api_key.
 */
import type { Handlers } from '../../src-shared/contract';
import type { ApiVersion } from '../../src-shared/messages';
import { recentActivityLimit, type EmulatorEvent, type EmulatorRequestEvent } from '../../src-shared/emulator-events';
import type { ProfileView } from '../../src-shared/profiles';
import { ok, type AppError, type Result } from '../../src-shared/result';
import type { ProfileCredentials, ProfileService } from '../credentials/profiles';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import { readAcceptedCredentials, type AcceptedCredentialsOptions } from './accepted-credentials';
import { createEmulator, type Emulator, type EmulatorTimings } from './emulator';
import type { GeneratedEmulatorCredentials } from './emulator-credentials';
import type { EmulatorIdentityStore } from './emulator-identity';

type EmulatorHandlers = Pick<
  Handlers,
  | 'emulator.status'
  | 'emulator.activity'
  | 'emulator.clearActivity'
  | 'emulator.scenarios'
  | 'emulator.setScenarios'
  | 'emulator.simulateInbound'
  | 'emulator.conversations'
  | 'emulator.answerOnPhone'
  | 'emulator.renewCredentials'
  | 'emulator.connectionDetails'
  | 'emulator.configure'
>;

/** The profile name a send uses when it names none: the built-in emulator. */
export const builtInEmulatorProfile = '@emulator';

export interface EmulatorServiceOptions {
  events: EventHub;
  logger: Logger;
  /** Where its webhooks go: the app's receiver, when it listens. */
  receiver: { statusUrl: string; inboundUrl: string } | undefined;
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** When `port` is taken, listen on a free one instead of not at all (see `portMovedFrom`). */
  fallbackToFreePort?: boolean;
  /** Where its credentials are kept between runs. */
  identity: EmulatorIdentityStore;
  timings?: Partial<EmulatorTimings>;
  /** The webhook thread's built entry (see EmulatorOptions). */
  webhookThreadScript?: string;
  /** Told of every API call the emulator answers, e.g. to keep it in the event store. */
  onApiCall?: (call: EmulatorRequestEvent) => void;
  /** Where `emulator.configure` reads the credentials it is told to accept. */
  acceptedCredentials: AcceptedCredentialsOptions;
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
  /** Why it is not listening, for every method that needs it to. */
  let startProblem: AppError | undefined;
  /** Whose credentials it accepts when they are not its own (emulator.configure), for the .env block. */
  let credentialsOf: string | undefined;
  let webhooks = {
    statusUrl: options.receiver?.statusUrl ?? null,
    inboundUrl: options.receiver?.inboundUrl ?? null,
    version: 'v1' as ApiVersion,
  };
  /** Oldest first, bounded: what a page opened (or reloaded) later shows as the recent activity. */
  const recentActivity: EmulatorEvent[] = [];

  const createFor = (port: number, rules?: ReturnType<Emulator['scenarios']>): Emulator =>
    createEmulator({
      port,
      ...(options.host ? { host: options.host } : {}),
      credentials,
      signatureSecret: credentials.signatureSecret,
      ...(webhooks.statusUrl === null ? {} : { statusUrl: webhooks.statusUrl }),
      ...(webhooks.inboundUrl === null ? {} : { inboundUrl: webhooks.inboundUrl }),
      defaultWebhookVersion: webhooks.version,
      ...(options.timings ? { timings: options.timings } : {}),
      ...(options.webhookThreadScript ? { webhookThreadScript: options.webhookThreadScript } : {}),
      ...(rules ? { scenarios: rules } : {}),
      onEvent: (event) => {
        recentActivity.push(event);
        if (recentActivity.length > recentActivityLimit) recentActivity.shift();
        options.events.emit('emulator.event', event);
        if (event.kind === 'emulator.request') options.onApiCall?.(event);
      },
      logger: options.logger,
    });
  const listen = async (candidate: Emulator, port: number): Promise<string | null> => {
    try {
      startProblem = undefined;
      return await candidate.start();
    } catch (error) {
      startProblem = listenProblem(error as NodeJS.ErrnoException, port, options.host);
      if (startProblem.code === 'INTERNAL') options.logger.error('the built-in emulator could not start', error);
      else options.logger.error(`the built-in emulator could not listen: ${startProblem.message}`);
      return null;
    }
  };
  /** The same port, new settings: a URL the user pasted stays true. */
  const restart = async (): Promise<Result<ReturnType<typeof status>>> => {
    if (url === null) return notRunning();
    const port = Number(new URL(url).port);
    const rules = emulator.scenarios();
    await emulator.close();
    emulator = createFor(port, rules);
    url = await listen(emulator, port);
    return url === null ? notRunning() : ok(status());
  };

  const requestedPort = options.port ?? 0;
  let emulator = createFor(requestedPort);
  url = await listen(emulator, requestedPort);
  if (url === null && options.fallbackToFreePort && requestedPort !== 0) {
    await emulator.close();
    emulator = createFor(0);
    url = await listen(emulator, 0);
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
  const notRunning = (): Result<never> => ({
    ok: false,
    error: startProblem ?? {
      code: 'EMULATOR_NOT_RUNNING',
      message: 'The built-in emulator is not running.',
      hint: 'See the log for why it could not start; restart the app.',
    },
  });
  const status = () => ({
    running: url !== null,
    url,
    apiKey: credentials.apiKey,
    applicationId: credentials.applicationId,
    statusUrl: webhooks.statusUrl,
    inboundUrl: webhooks.inboundUrl,
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
      'emulator.clearActivity': () => {
        const cleared = recentActivity.splice(0).length;
        options.events.emit('emulator.activityCleared', {});
        return ok({ cleared });
      },
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
        credentialsOf = undefined;
        return restart();
      },
      async 'emulator.configure'(change) {
        if (url === null) return notRunning();
        if (change.credentials) {
          const accepted = await readAcceptedCredentials(change.credentials, options.acceptedCredentials);
          if (!accepted.ok) return accepted;
          credentials = accepted.value.credentials;
          credentialsOf = accepted.value.label;
          // They are the profile's or the environment's: the same at the next start, and not ours to renew.
          persistent = true;
          identityNotice = undefined;
        }
        webhooks = {
          statusUrl: change.statusUrl === undefined ? webhooks.statusUrl : change.statusUrl,
          inboundUrl: change.inboundUrl === undefined ? webhooks.inboundUrl : change.inboundUrl,
          version: change.webhookVersion ?? webhooks.version,
        };
        return restart();
      },
      'emulator.connectionDetails': () =>
        url === null ? notRunning() : ok({ env: envBlock(url, credentials, credentialsOf) }),
    },
    close: () => emulator.close(),
  };
}

/** Why the emulator could not listen, in words that name the port or address. */
function listenProblem(error: NodeJS.ErrnoException, port: number, host = '127.0.0.1'): AppError {
  if (error.code === 'EADDRINUSE')
    return {
      code: 'EMULATOR_NOT_RUNNING',
      message: `The emulator could not listen: port ${port} is already in use.`,
      hint: "Stop the other program (is the app's built-in emulator running?), or choose another port (0 picks a free one).",
    };
  if (error.code === 'EADDRNOTAVAIL')
    return {
      code: 'EMULATOR_NOT_RUNNING',
      message: `The emulator could not listen: address ${host} is not on this machine.`,
      hint: 'Bind 127.0.0.1, or an address this machine has.',
    };
  return { code: 'INTERNAL', message: `The emulator could not start: ${error.message}`, hint: 'See the log.' };
}

/**
 * A `.env` for the user's own app: the emulator's URL and the credentials it
 * accepts. Its own open the local emulator only, never a Vonage account; a
 * profile's or the environment's are real, so they are named, never written out.
 */
function envBlock(url: string, credentials: GeneratedEmulatorCredentials, credentialsOf?: string): string {
  if (credentialsOf !== undefined)
    return [
      `# The Messages Workbench emulator, accepting the credentials of ${credentialsOf}: use those`,
      `VONAGE_API_HOST=${url}`,
      '',
    ].join('\n');
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
