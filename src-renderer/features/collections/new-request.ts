/** The request a "New request" starts from: the v1 SMS text template, expecting a 2xx. */
import { requestFileFormat, type RequestFile } from '../../../src-shared/collections';
import { catalog } from '../../../src-shared/messages';

export function newRequestFile(name: string): RequestFile {
  const template = catalog('v1').find((entry) => entry.channel === 'sms' && entry.messageType === 'text');
  return {
    format: requestFileFormat,
    version: 2,
    name,
    auth: 'auto',
    request: { kind: 'send', api: 'v1', payload: template?.minimal ?? {} },
    assertions: [{ kind: 'httpStatus', equals: 202 }],
    captures: [{ variable: 'message_uuid', jsonPath: '$.message_uuid' }],
  };
}
