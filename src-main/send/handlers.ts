/** Sends and their history as contract handlers. */
import type { Handlers } from '../../src-shared/contract';
import { fail, ok } from '../../src-shared/result';
import type { ProfileSender } from './profile-sender';
import type { SendHistory } from './send-history';

export function createSendHandlers(sender: ProfileSender, history: SendHistory): Pick<Handlers, 'send.message' | 'send.history' | 'send.get'> {
  return {
    'send.message': ({ profile, operation, auth, baseUrl, override, timeoutMs }) =>
      profile
        ? sender.send({ profile, operation, auth, override, ...(baseUrl ? { baseUrl } : {}), ...(timeoutMs ? { timeoutMs } : {}) })
        : fail('EMULATOR_NOT_RUNNING', 'The built-in emulator is not running, so a send without a profile has nowhere to go.', 'Pick a profile, or start the emulator.'),
    'send.history': (filter) => ok(history.list(filter)),
    'send.get': ({ id }) => {
      const exchange = history.get(id);
      return exchange ? ok(exchange) : fail('SEND_NOT_FOUND', `No send with id ${id} is in the history.`, 'List the history and pick an id from it.', '/id');
    },
  };
}
