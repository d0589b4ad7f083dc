/**
 * The built-in emulator as the core runs it: the default send target of a
 * fresh install. Its credentials are made at start and held in memory only
 * (nothing to leak, nothing in the keychain); its status and inbound webhooks
 * go to the app's own receiver, which knows its signature secret by api_key.
 */
import type { Handlers } from '../../src-shared/contract';
import type { EmulatorRequestEvent } from '../../src-shared/emulator-events';
import type { ProfileView } from '../../src-shared/profiles';
import { fail, ok, type Result } from '../../src-shared/result';
import type { ProfileCredentials, ProfileService } from '../credentials/profiles';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import { createEmulator, type Emulator, type EmulatorTimings } from './emulator';
import { generateEmulatorCredentials } from './emulator-credentials';

type EmulatorHandlers = Pick<Handlers, 'emulator.status' | 'emulator.scenarios' | 'emulator.setScenarios' | 'emulator.simulateInbound'>;

/** The profile name a send uses when it names none: the built-in emulator. */
export const builtInEmulatorProfile = '@emulator';

export interface EmulatorServiceOptions {
  events: EventHub;
  logger: Logger;
  /** Where its webhooks go: the app's receiver, when it listens. */
  receiver: { statusUrl: string; inboundUrl: string } | undefined;
  port?: number;
  timings?: Partial<EmulatorTimings>;
  /** Told of every API call the emulator answers, e.g. to keep it in the event store. */
  onApiCall?: (call: EmulatorRequestEvent) => void;
}

export interface EmulatorService {
  handlers: EmulatorHandlers;
  url(): string | null;
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
  const credentials = generateEmulatorCredentials();
  const emulator: Emulator = createEmulator({
    port: options.port ?? 0,
    credentials,
    signatureSecret: credentials.signatureSecret,
    ...(options.receiver ? { statusUrl: options.receiver.statusUrl, inboundUrl: options.receiver.inboundUrl } : {}),
    ...(options.timings ? { timings: options.timings } : {}),
    onEvent: (event) => {
      options.events.emit('emulator.event', event);
      if (event.kind === 'emulator.request') options.onApiCall?.(event);
    },
    logger: options.logger,
  });
  let url: string | null = null;
  try {
    url = await emulator.start();
  } catch (error) {
    options.logger.error('the built-in emulator could not start', error);
  }

  const now = new Date().toISOString();
  const builtInView: ProfileView = {
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
  };
  const asEmulator = (profile: ProfileView): ProfileCredentials => ({
    profile,
    apiKey: credentials.apiKey,
    applicationId: credentials.applicationId,
    secrets: { apiSecret: credentials.apiSecret, privateKey: credentials.privateKeyPem, signatureSecret: credentials.signatureSecret },
  });
  const notRunning = () => fail<never>('EMULATOR_NOT_RUNNING', 'The built-in emulator is not running.', 'See the log for why it could not start; restart the app.');

  return {
    url: () => url,
    secretForApiKey: (apiKey) => (apiKey === credentials.apiKey ? credentials.signatureSecret : undefined),
    readCredentials: (profiles) => async (name: string): Promise<Result<ProfileCredentials>> => {
      if (name === builtInEmulatorProfile) return ok(asEmulator(builtInView));
      const found = await profiles.readCredentials(name);
      return found.ok && found.value.profile.target.kind === 'emulator' ? ok(asEmulator(found.value.profile)) : found;
    },
    handlers: {
      'emulator.status': () =>
        ok({
          running: url !== null,
          url,
          apiKey: credentials.apiKey,
          applicationId: credentials.applicationId,
          statusUrl: options.receiver?.statusUrl ?? null,
          inboundUrl: options.receiver?.inboundUrl ?? null,
        }),
      'emulator.scenarios': () => ok({ rules: emulator.scenarios() }),
      'emulator.setScenarios': ({ rules }) => {
        const replaced = emulator.setScenarios(rules);
        return replaced.ok ? ok({ rules: replaced.value }) : replaced;
      },
      'emulator.simulateInbound': (simulation) => (url === null ? notRunning() : emulator.simulateInbound(simulation)),
    },
    close: () => emulator.close(),
  };
}
