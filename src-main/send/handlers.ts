/** Sends and their history as contract handlers. */
import type { Handlers } from '../../src-shared/contract';
import { fail, ok } from '../../src-shared/result';
import { credentialReader } from '../collections/run-senders';
import { resolveSendVariables } from '../collections/send-variables';
import { environmentProfileName } from '../credentials/environment-credentials';
import type { ProfileService } from '../credentials/profiles';
import { builtInEmulatorProfile } from '../emulator/emulator-service';
import { createEnvironmentSender, type EnvironmentSenderOptions } from './environment-sender';
import type { ProfileSender } from './profile-sender';
import type { SendHistory } from './send-history';

export interface SendHandlerOptions extends Omit<EnvironmentSenderOptions, 'baseUrl'> {
  profileSender: ProfileSender;
  history: SendHistory;
  /** The credentials profile sends use, for `{ fromCredentials }` variables. */
  credentials: Pick<ProfileService, 'readCredentials'>;
}

export function createSendHandlers(
  options: SendHandlerOptions,
): Pick<Handlers, 'send.message' | 'send.history' | 'send.get'> {
  const { profileSender, history } = options;
  return {
    'send.message': async ({ profile, fromEnvironment, variables, operation, auth, baseUrl, override, timeoutMs }) => {
      if (fromEnvironment && profile !== undefined)
        return fail(
          'INPUT_INVALID',
          'send.message: a profile and fromEnvironment name two sources of credentials.',
          'Name a profile, or send from the environment, not both.',
          '/fromEnvironment',
        );
      const environmentSender = fromEnvironment
        ? createEnvironmentSender({ ...options, ...(baseUrl ? { baseUrl } : {}) })
        : null;
      try {
        let resolved = operation;
        if (variables) {
          const credentials = environmentSender?.credentials ?? options.credentials;
          const profileName = environmentSender ? environmentProfileName : (profile ?? builtInEmulatorProfile);
          const filled = await resolveSendVariables(
            variables,
            operation,
            credentialReader(() => credentials.readCredentials(profileName)),
          );
          if (!filled.ok) return filled;
          resolved = filled.value;
        }
        const request = { operation: resolved, auth, override, ...(timeoutMs ? { timeoutMs } : {}) };
        if (environmentSender) return await environmentSender.send(request);
        return await profileSender.send({
          ...request,
          profile: profile ?? builtInEmulatorProfile,
          ...(baseUrl ? { baseUrl } : {}),
        });
      } finally {
        environmentSender?.close();
      }
    },
    'send.history': (filter) => ok(history.list(filter)),
    'send.get': ({ id }) => {
      const exchange = history.get(id);
      return exchange
        ? ok(exchange)
        : fail(
            'SEND_NOT_FOUND',
            `No send with id ${id} is in the history.`,
            'List the history and pick an id from it.',
            '/id',
          );
    },
  };
}
