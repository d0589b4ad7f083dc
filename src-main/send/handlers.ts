/** Sends and their history as contract handlers. */
import type { Handlers } from '../../src-shared/contract';
import { fail, ok } from '../../src-shared/result';
import { builtInEmulatorProfile } from '../emulator/emulator-service';
import type { ProfileSender } from './profile-sender';
import type { SendHistory } from './send-history';

export function createSendHandlers(
  sender: ProfileSender,
  history: SendHistory,
): Pick<Handlers, 'send.message' | 'send.history' | 'send.get'> {
  return {
    'send.message': ({ profile = builtInEmulatorProfile, operation, auth, baseUrl, override, timeoutMs }) =>
      sender.send({
        profile,
        operation,
        auth,
        override,
        ...(baseUrl ? { baseUrl } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      }),
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
