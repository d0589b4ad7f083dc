import { parsePointer } from '../../src-shared/json-pointer';
import type { Issue, ValidationReport } from '../../src-shared/messages';
import { problems, problemTypes, type InvalidParameter, type ProblemAnswer } from './problems';

/**
 * Turns the message model's verdict on a v1 send into the 422 Vonage would
 * give. Vonage reports one problem type per answer, checked in this order
 * (channel, message type, sender, recipient, channel options, other params,
 * client_ref); we pick the type of the first error in that order and still
 * list every error in `invalid_parameters`, so the developer fixes all at once.
 */

/** A JSON pointer as developers write the field: `/failover/0/image/url` → `failover[0].image.url`. */
export function fieldName(pointer: string): string {
  if (pointer === '') return '(body)';
  return parsePointer(pointer)
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

// email (spec 1.20.0) is a channel options object too: a missing email.subject is a channel parameter problem.
const channelOptionKeys = new Set(['sms', 'mms', 'rcs', 'whatsapp', 'messenger', 'viber_service', 'email']);

interface Kind {
  rank: number;
  type: string;
  title: string;
}

const kinds = {
  channel: { rank: 0, type: problemTypes.channel, title: 'Unsupported channel' },
  messageType: { rank: 1, type: problemTypes.messageType, title: 'Invalid message type' },
  sender: { rank: 2, type: problemTypes.sender, title: 'Invalid sender' },
  recipient: { rank: 3, type: problemTypes.recipient, title: 'Invalid recipient' },
  channelParams: { rank: 4, type: problemTypes.channelParams, title: 'Invalid channel parameters' },
  params: { rank: 5, type: problemTypes.params, title: 'Invalid params' },
  clientReference: { rank: 6, type: problemTypes.clientReference, title: 'Invalid client reference' },
} satisfies Record<string, Kind>;

function kindOf(issue: Issue): Kind {
  // Inside a failover item the same rules apply to the item's own fields.
  const parts = issue.path.split('/').slice(1);
  const local = parts[0] === 'failover' && parts.length > 2 ? parts.slice(2) : parts;
  const head = local[0] ?? '';
  if (head === 'channel' || issue.code === 'WRONG_API_VERSION') return kinds.channel;
  if (head === 'message_type') return kinds.messageType;
  if (head === 'from') return kinds.sender;
  if (head === 'to') return kinds.recipient;
  if (head === 'client_ref') return kinds.clientReference;
  if (channelOptionKeys.has(head)) return kinds.channelParams;
  return kinds.params;
}

/** The 422 answer for a v1 report with errors. */
export function v1ValidationProblem(report: ValidationReport): ProblemAnswer {
  const invalid: InvalidParameter[] = report.errors.map((issue) => ({
    name: fieldName(issue.path),
    reason: issue.message,
  }));
  const first = report.errors
    .map(kindOf)
    .reduce((best, kind) => (kind.rank < best.rank ? kind : best), kinds.clientReference);
  const names = [...new Set(invalid.map((parameter) => parameter.name))].join(', ');
  const detail = `The request failed due to validation errors: ${names}`;
  return problems.validation(422, first.type, first.title, detail, invalid);
}
