/**
 * Sends with the credentials of the VONAGE_* / NEXMO_* variables instead of a
 * saved profile: how `workbench send` and runs against `--base-url` work in CI.
 * The variables are read at send time, in the core, and nothing is stored.
 */
import type { Result } from '../../src-shared/result';
import type { SendExchange } from '../../src-shared/send-exchange';
import { createEnvironmentCredentials, environmentProfileName } from '../credentials/environment-credentials';
import type { ProfileService } from '../credentials/profiles';
import { createProfileSender, type ProfileSendRequest } from './profile-sender';
import type { SendService } from './send-service';

/** Where environment credentials send when no base URL is named. */
export const vonageBaseUrl = 'https://api.nexmo.com';

export interface EnvironmentSenderOptions {
  /** The variables to read, e.g. process.env. */
  variables: Record<string, string | undefined>;
  sendService: SendService;
  emulatorUrl: () => string | null;
  /** Where to send (default: Vonage); the credentials go only there. */
  baseUrl?: string;
}

export interface EnvironmentSender {
  /** Says where it sends, e.g. for a run report. */
  label: string;
  credentials: Pick<ProfileService, 'readCredentials'>;
  send(request: Omit<ProfileSendRequest, 'profile' | 'baseUrl'>): Promise<Result<SendExchange>>;
  close(): void;
}

export function createEnvironmentSender(options: EnvironmentSenderOptions): EnvironmentSender {
  const baseUrl = options.baseUrl ?? vonageBaseUrl;
  const credentials = createEnvironmentCredentials({
    variables: options.variables,
    // A key path in the variables is read relative to where the command was started.
    baseDirectory: process.cwd(),
    target: { kind: 'custom', baseUrl },
  });
  const sender = createProfileSender({
    profiles: credentials,
    sender: options.sendService,
    emulatorUrl: options.emulatorUrl,
  });
  return {
    label: `environment (VONAGE_*) at ${baseUrl}`,
    credentials,
    send: (request) => sender.send({ ...request, profile: environmentProfileName }),
    close: () => sender.close(),
  };
}
