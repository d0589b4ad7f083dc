/**
 * A small collection for runner tests: a WhatsApp send whose status and reply
 * are awaited and whose message_uuid is captured, an update that uses it, and
 * a send the emulator rejects (its recipient ends in 1300), so a "delivered"
 * assertion fails.
 */
import { requestFileFormat, type RequestFileInput } from '../../src-shared/collections';
import { saveRequest } from '../../src-main/collections/collection-edits';
import { writeEnvironments } from './collections-fixtures';

export const replyingUser = '447700900123';

const request = (name: string, fields: Omit<RequestFileInput, 'format' | 'version' | 'name'>): RequestFileInput => ({
  format: requestFileFormat,
  version: 2,
  name,
  ...fields,
});

export async function writeRunnerCollection(
  root: string,
  options: { failing: boolean; replyWithinMs?: number },
): Promise<void> {
  await writeEnvironments(root, {
    format: 'messages-workbench/environments',
    version: 1,
    environments: { default: { user: replyingUser, business: '14157386102', apiKey: { fromCredentials: 'apiKey' } } },
  });
  await saveRequest(
    root,
    'onboarding/01 welcome.json',
    request('Welcome on WhatsApp', {
      request: {
        kind: 'send',
        api: 'v1',
        payload: {
          message_type: 'text',
          channel: 'whatsapp',
          to: '{{user}}',
          from: '{{business}}',
          text: 'Welcome! Reply YES to confirm.',
        },
      },
      assertions: [
        { kind: 'httpStatus', equals: 202 },
        { kind: 'jsonPath', path: '$.message_uuid', matches: '^[0-9a-f-]{36}$' },
        { kind: 'webhookStatus', status: 'delivered', withinMs: 10_000 },
        { kind: 'inboundReply', matches: 'yes', flags: 'i', withinMs: options.replyWithinMs ?? 10_000 },
      ],
      captures: [{ variable: 'message_uuid', jsonPath: '$.message_uuid' }],
    }),
  );
  await saveRequest(
    root,
    'onboarding/02 mark read.json',
    request('Mark the welcome read', {
      auth: 'jwt',
      request: { kind: 'update', messageUuid: '{{message_uuid}}', payload: { status: 'read' } },
      // The emulator knows the captured message, and refuses because it is outbound: proof the capture reached the URL.
      assertions: [
        { kind: 'jsonPath', path: '$.invalid_parameters[0].reason', matches: 'inbound WhatsApp' },
        { kind: 'httpStatus', equals: 422 },
      ],
    }),
  );
  if (options.failing) {
    await saveRequest(
      root,
      'rejected/01 not on network.json',
      request('SMS to a number off the network', {
        request: {
          kind: 'send',
          api: 'v1',
          payload: { message_type: 'text', channel: 'sms', to: '447700901300', from: 'Acme', text: 'hi' },
        },
        assertions: [{ kind: 'webhookStatus', status: 'delivered', withinMs: 500 }],
      }),
    );
  }
}
