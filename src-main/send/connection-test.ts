/**
 * "Test connection" for a profile: one POST of an empty body to /v1/messages
 * with the profile's credentials. The API checks auth before the body, so
 * 401/403 says the credentials were refused and 400/422 (the empty body
 * refused) says they were accepted, without sending any message.
 */
import type { Handlers, MethodOutput } from '../../src-shared/contract';
import { ok, type Result } from '../../src-shared/result';
import type { SendExchange } from '../../src-shared/send-exchange';
import { createProfileSender, type ProfileSenderOptions } from './profile-sender';
import { createSendService } from './send-service';
import { validateForSend } from './validate-for-send';

export type ConnectionTest = MethodOutput<'profiles.testConnection'>;

export type ConnectionTestOptions = Pick<ProfileSenderOptions, 'profiles' | 'emulatorUrl'> & {
  /** Longest wait for the answer, in ms (default 10 000). */
  timeoutMs?: number;
};

function authOf(exchange: SendExchange): ConnectionTest['auth'] {
  const authorization = exchange.request.headers.authorization ?? '';
  if (authorization.startsWith('Bearer ')) return 'jwt';
  if (authorization.startsWith('Basic ')) return 'basic';
  return 'none';
}

/** What the answer (or its absence) says about the credentials. */
function judgeConnection(exchange: SendExchange): ConnectionTest {
  const common = { auth: authOf(exchange), url: exchange.request.url, totalMs: exchange.timings.totalMs };
  const status = exchange.response?.status ?? null;
  if (status === null) {
    const reason = exchange.error ? `${exchange.error.message} ${exchange.error.hint}` : 'No answer came.';
    return { ...common, verdict: 'unreachable', status, detail: reason };
  }
  if (status === 401 || status === 403) {
    const why =
      common.auth === 'none' ? 'The profile has no credentials to send.' : 'The API refused these credentials.';
    return { ...common, verdict: 'refused', status, detail: `${status}: ${why}` };
  }
  if (status === 400 || status === 422) {
    return {
      ...common,
      verdict: 'accepted',
      status,
      detail: `${status}: the credentials were accepted (the empty test message was refused, as intended).`,
    };
  }
  return {
    ...common,
    verdict: 'unexpected',
    status,
    detail: `${status}: not an answer the Messages API gives to an empty message; check the base URL.`,
  };
}

export function createConnectionTestHandlers(
  options: ConnectionTestOptions,
): Pick<Handlers, 'profiles.testConnection'> {
  return {
    async 'profiles.testConnection'({ profile }): Promise<Result<ConnectionTest>> {
      // A service of its own, without history: a credentials check is not a send the user wants to see listed.
      const service = createSendService({ validatePayload: validateForSend });
      const sender = createProfileSender({
        profiles: options.profiles,
        sender: service,
        emulatorUrl: options.emulatorUrl,
      });
      try {
        const sent = await sender.send({
          profile,
          operation: { kind: 'send', api: 'v1', payload: {} },
          override: true,
          timeoutMs: options.timeoutMs ?? 10_000,
        });
        return sent.ok ? ok(judgeConnection(sent.value)) : sent;
      } finally {
        sender.close();
        await service.close();
      }
    },
  };
}
