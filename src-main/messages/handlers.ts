/** The message model and the error catalogue as contract handlers: pure functions, answered in place. */
import type { Handlers } from '../../src-shared/contract';
import { explainError } from '../../src-shared/errors';
import {
  catalog,
  convertRequest,
  convertWebhook,
  requestJsonSchema,
  smsInfo,
  validateRequest,
} from '../../src-shared/messages';
import { ok } from '../../src-shared/result';

type MessageHandlers = Pick<
  Handlers,
  'messages.validate' | 'messages.convert' | 'messages.catalog' | 'sms.info' | 'errors.explain'
>;

export function createMessageHandlers(): MessageHandlers {
  return {
    'messages.validate': ({ payload, api }) => ok(validateRequest(payload, { api })),
    'messages.convert': ({ payload, to, kind }) =>
      kind === 'request' ? convertRequest(payload, to) : convertWebhook(payload, to),
    'messages.catalog': ({ api, jsonSchema }) =>
      ok(
        catalog(api).map((entry) =>
          jsonSchema ? { ...entry, schema: requestJsonSchema(entry.api, entry.channel, entry.messageType) } : entry,
        ),
      ),
    'sms.info': ({ text, encodingType }) => ok(smsInfo(text, encodingType)),
    'errors.explain': ({ query }) => ok(explainError(query)),
  };
}
