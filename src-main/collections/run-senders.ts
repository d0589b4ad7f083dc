/**
 * Where a collection run sends, and with whose credentials: the built-in
 * emulator, a saved profile, or the VONAGE_* environment of the process (CI).
 * The credentials are read in the core at send time and never leave it.
 */
import type { RunTarget } from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';
import { environmentProfileName } from '../credentials/environment-credentials';
import type { ProfileCredentials, ProfileService } from '../credentials/profiles';
import { builtInEmulatorProfile } from '../emulator/emulator-service';
import { createEnvironmentSender } from '../send/environment-sender';
import type { ProfileSender } from '../send/profile-sender';
import type { SendService } from '../send/send-service';
import type { RunSender } from './collection-runner';

export interface RunSenderOptions {
  /** Profiles and the emulator's own credentials, as the core's sends use them. */
  credentials: Pick<ProfileService, 'readCredentials'>;
  profileSender: ProfileSender;
  sendService: SendService;
  emulatorUrl: () => string | null;
  /** The environment credentials come from (process.env in the app and CLI). */
  variables: Record<string, string | undefined>;
}

/** Reads one credential field for a `{ fromCredentials }` variable, from the credentials a send uses. */
export function credentialReader(read: () => Promise<Result<ProfileCredentials>>): RunSender['credential'] {
  return async (field) => {
    const found = await read();
    if (!found.ok) return found;
    const { apiKey, applicationId, secrets } = found.value;
    const value = { apiKey, applicationId, apiSecret: secrets.apiSecret, signatureSecret: secrets.signatureSecret }[
      field
    ];
    return value
      ? ok(value)
      : fail(
          'CREDENTIALS_MISSING',
          `The run's credentials have no ${field}.`,
          'Add it to the profile, or set the VONAGE_* variable.',
        );
  };
}

/** A sender for one run; `close` releases what an environment target created. */
export function runSenderFor(
  target: RunTarget,
  baseUrl: string | undefined,
  options: RunSenderOptions,
): RunSender & { close(): void } {
  const suffix = baseUrl ? ` at ${baseUrl}` : '';
  switch (target.kind) {
    case 'emulator':
    case 'profile': {
      const profile = target.kind === 'emulator' ? builtInEmulatorProfile : target.profile;
      return {
        label: `${target.kind === 'emulator' ? 'emulator' : `profile ${profile}`}${suffix}`,
        send: (operation, auth) =>
          options.profileSender.send({ profile, operation, auth, ...(baseUrl ? { baseUrl } : {}) }),
        credential: credentialReader(() => options.credentials.readCredentials(profile)),
        close: () => {},
      };
    }
    case 'environment': {
      const sender = createEnvironmentSender({
        variables: options.variables,
        sendService: options.sendService,
        emulatorUrl: options.emulatorUrl,
        ...(baseUrl ? { baseUrl } : {}),
      });
      return {
        label: sender.label,
        send: (operation, auth) => sender.send({ operation, auth }),
        credential: credentialReader(() => sender.credentials.readCredentials(environmentProfileName)),
        close: () => sender.close(),
      };
    }
    default: {
      const unreachable: never = target;
      throw new Error(`unknown run target ${JSON.stringify(unreachable)}`);
    }
  }
}
