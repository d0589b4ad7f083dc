/** Sends and their history as contract handlers. */
import type { Handlers } from '../../src-shared/contract';
import { fail, ok } from '../../src-shared/result';
import { builtInEmulatorProfile } from '../emulator/emulator-service';
import { createEnvironmentSender, type EnvironmentSenderOptions } from './environment-sender';
import type { ProfileSender } from './profile-sender';
import type { SendHistory } from './send-history';

export interface SendHandlerOptions extends Omit<EnvironmentSenderOptions, 'baseUrl'> {
  profileSender: ProfileSender;
  history: SendHistory;
}

export function createSendHandlers(
  options: SendHandlerOptions,
): Pick<Handlers, 'send.message' | 'send.history' | 'send.get'> {
  const { profileSender, history } = options;
  return {
    'send.message': async ({ profile, fromEnvironment, operation, auth, baseUrl, override, timeoutMs }) => {
      const request = { operation, auth, override, ...(timeoutMs ? { timeoutMs } : {}) };
      if (!fromEnvironment)
        return profileSender.send({
          ...request,
          profile: profile ?? builtInEmulatorProfile,
          ...(baseUrl ? { baseUrl } : {}),
        });
      if (profile !== undefined)
        return fail(
          'INPUT_INVALID',
          'send.message: a profile and fromEnvironment name two sources of credentials.',
          'Name a profile, or send from the environment, not both.',
          '/fromEnvironment',
        );
      const sender = createEnvironmentSender({ ...options, ...(baseUrl ? { baseUrl } : {}) });
      try {
        return await sender.send(request);
      } finally {
        sender.close();
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
