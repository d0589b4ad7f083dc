import { parsePointer } from '../json-pointer';
import { z } from 'zod';
import type { ApiVersion } from './channels';
import type { Issue, ValidationReport } from './issue';

/**
 * The problem response Vonage would give a payload validate() refused, for
 * the emulator to answer with. Vonage reports one category per response;
 * the order below (channel, message type, sender, recipient, channel
 * options, other params, client_ref) is inferred from its error list and is
 * not documented. Type URLs use the numeric code as anchor
 * (…/api-errors/messages#1400): the spec's own examples use anchors that
 * collide with other codes, and the explainer reads both.
 */

export const vonageProblemSchema = z.object({
  status: z.number(),
  type: z.string(),
  title: z.string(),
  detail: z.string(),
  invalid_parameters: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
});
export type VonageProblem = z.infer<typeof vonageProblemSchema>;

const TYPE = 'https://developer.vonage.com/api-errors/messages#';

interface Category {
  code: number;
  title: string;
  matches: (issue: Issue) => boolean;
  listParameters: boolean;
}

const top = (issue: Issue): string => issue.path.split('/')[1] ?? '';
const channelOptionKeys = new Set(['sms', 'rcs', 'whatsapp', 'messenger', 'viber_service', 'ttl']);

const categories: Category[] = [
  {
    code: 1400,
    title: 'Unsupported channel',
    listParameters: false,
    matches: (i) => top(i) === 'channel' || i.code === 'WRONG_API_VERSION',
  },
  { code: 1440, title: 'Invalid message type', listParameters: false, matches: (i) => top(i) === 'message_type' },
  { code: 1420, title: 'Invalid sender', listParameters: false, matches: (i) => top(i) === 'from' },
  { code: 1430, title: 'Invalid recipient', listParameters: false, matches: (i) => top(i) === 'to' },
  {
    code: 1410,
    title: 'Invalid channel parameters',
    listParameters: true,
    matches: (i) => channelOptionKeys.has(top(i)),
  },
  { code: 1020, title: 'Invalid params', listParameters: true, matches: (i) => top(i) !== 'client_ref' },
  { code: 1450, title: 'Invalid client reference', listParameters: false, matches: (i) => top(i) === 'client_ref' },
];

/** Vonage's field names are dotted (image.url), not JSON pointers. */
const parameterName = (path: string): string => parsePointer(path).join('.');

/**
 * The response Vonage would send for a refused payload, or undefined when
 * the report has no errors (warnings never block a send).
 */
export function vonageProblemFor(report: ValidationReport, api: ApiVersion): VonageProblem | undefined {
  if (report.errors.length === 0) return undefined;
  if (api === 'v0.1') {
    // v0.1 answers every refusal with one 400 that names no field.
    return {
      status: 400,
      type: 'https://www.nexmo.com/messages/Errors#InvalidParams',
      title: 'Invalid Parameters',
      detail: 'Your request parameters did not validate.',
    };
  }
  // Every issue falls in a category (1020 takes all but client_ref), so this always returns.
  for (const category of categories) {
    const issues = report.errors.filter(category.matches);
    const [first] = issues;
    if (first === undefined) continue;
    return {
      status: 422,
      type: `${TYPE}${category.code}`,
      title: category.title,
      detail: first.message,
      ...(category.listParameters
        ? { invalid_parameters: issues.map((issue) => ({ name: parameterName(issue.path), reason: issue.message })) }
        : {}),
    };
  }
  return undefined;
}
