import { channelLabels, isV1Channel, v1Channels, v1TypesOf } from './channels';
import { makeIssue, merge, type Issue, type ValidationReport } from './issue';
import { rcsCardLayoutErrors } from './rcs-rich';
import { schemaIssues } from './schema-issues';
import { v1CommonSchema, v1RequestSchemas, type V1RequestKey } from './v1-request';
import { v1Warnings } from './warnings';
import { mapZodIssues } from './zod-issues';

type Json = Record<string, unknown>;
type Path = (string | number)[];

const list = (values: readonly string[]) => values.join(', ');

/**
 * Judges a v1 send request. It first picks the schema from channel and
 * message_type, so every later error is about that one message and not a
 * wall of "did not match any of 36 schemas".
 */
export function validateV1(payload: unknown, prefix: Path = [], isFailoverItem = false): ValidationReport {
  const report: ValidationReport = { errors: [], warnings: [] };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    report.errors.push(
      makeIssue(
        prefix,
        'NOT_AN_OBJECT',
        'A v1 message is a JSON object',
        'Start from a template: workbench catalog --api v1.',
      ),
    );
    return report;
  }
  const body = payload as Json;
  if (typeof body.to === 'object' && body.to !== null && 'type' in body.to) {
    report.errors.push(
      makeIssue(
        prefix,
        'WRONG_API_VERSION',
        'This looks like a v0.1 message (to is an object with a type)',
        'Validate it with --api v0.1, or convert it with workbench convert --to v1.',
      ),
    );
    return report;
  }
  const { channel, message_type: messageType } = body;
  if (!isV1Channel(channel)) {
    report.errors.push(channelIssue(channel, [...prefix, 'channel']));
    return report;
  }
  const label = channelLabels[channel];
  if (typeof messageType !== 'string' || !v1TypesOf(channel).includes(messageType)) {
    report.errors.push(
      messageType === undefined
        ? makeIssue(
            [...prefix, 'message_type'],
            'REQUIRED',
            `A ${label} message needs message_type, one of ${list(v1TypesOf(channel))}`,
            'Add message_type, e.g. "text".',
          )
        : makeIssue(
            [...prefix, 'message_type'],
            'UNKNOWN_MESSAGE_TYPE',
            `${label} has no message_type ${JSON.stringify(messageType)} in v1; it takes ${list(v1TypesOf(channel))}`,
            'Pick one of the listed types (error 1440 otherwise).',
          ),
    );
    const common = v1CommonSchema(channel).safeParse(body);
    if (!common.success) {
      merge(report, mapZodIssues(common.error.issues, { input: body, label: `A ${label} message`, prefix }));
    }
    return report;
  }
  const key = `${channel}/${messageType}` as V1RequestKey;
  const issues = schemaIssues(v1RequestSchemas[key], body);
  if (issues.length > 0) {
    merge(report, mapZodIssues(issues, { input: body, label: `${label} ${messageType}`, prefix }));
  }
  if (key === 'rcs/card') report.errors.push(...rcsCardLayoutErrors(body, prefix));
  report.warnings.push(...v1Warnings(body, channel, messageType, prefix));
  if (Array.isArray(body.failover)) {
    if (isFailoverItem) {
      report.errors.push(
        makeIssue(
          [...prefix, 'failover'],
          'NOT_ALLOWED_VALUE',
          'A failover item cannot have its own failover',
          'List every fallback message in the top-level failover array, in order.',
        ),
      );
    } else {
      body.failover.forEach((item, index) => merge(report, validateV1(item, [...prefix, 'failover', index], true)));
    }
  }
  return report;
}

function channelIssue(channel: unknown, path: Path): Issue {
  if (channel === undefined) {
    return makeIssue(
      path,
      'REQUIRED',
      `A v1 message needs channel, one of ${list(v1Channels)}`,
      'Add channel, e.g. "sms".',
    );
  }
  const hint =
    channel === 'viber_service_msg'
      ? 'viber_service_msg is the v0.1 name; v1 calls the channel viber_service.'
      : `Use one of ${list(v1Channels)} (error 1400 otherwise).`;
  return makeIssue(path, 'UNKNOWN_CHANNEL', `${JSON.stringify(channel)} is not a v1 channel`, hint);
}
