import { channelLabels, isV01Channel, v01Channels, v01TypesOf, v1ChannelOf } from './channels';
import { makeIssue, merge, type ValidationReport } from './issue';
import { schemaIssues } from './schema-issues';
import { v01CommonSchema, v01CustomSchemas, v01RequestSchemas, type V01RequestKey } from './v01-request';
import { clientRefWarning, mediaWarning, phoneWarning, smsWarnings, textWarning } from './warnings';
import { mapZodIssues } from './zod-issues';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Judges a v0.1 send request: the channel comes from to.type (from.type must
 * agree), the message type from message.content.type, then one schema.
 */
export function validateV01(payload: unknown): ValidationReport {
  const report: ValidationReport = { errors: [], warnings: [] };
  if (!isObject(payload)) {
    report.errors.push(
      makeIssue(
        [],
        'NOT_AN_OBJECT',
        'A v0.1 message is a JSON object',
        'Start from a template: workbench catalog --api v0.1.',
      ),
    );
    return report;
  }
  if (typeof payload.channel === 'string' || typeof payload.to === 'string') {
    report.errors.push(
      makeIssue(
        [],
        'WRONG_API_VERSION',
        'This looks like a v1 message (channel at the top, to a string)',
        'Validate it with --api v1, or convert it with workbench convert --to v0.1.',
      ),
    );
    return report;
  }
  const channel = isObject(payload.to) ? payload.to.type : undefined;
  if (!isV01Channel(channel)) {
    report.errors.push(
      channel === undefined
        ? makeIssue(
            ['to', 'type'],
            'REQUIRED',
            `A v0.1 message needs to.type, one of ${v01Channels.join(', ')}`,
            'Add to: { "type": "sms", "number": "447700900000" }.',
          )
        : makeIssue(
            ['to', 'type'],
            'UNKNOWN_CHANNEL',
            `${JSON.stringify(channel)} is not a v0.1 channel`,
            channel === 'viber_service'
              ? 'v0.1 calls Viber viber_service_msg.'
              : channel === 'rcs'
                ? 'RCS exists only in v1: send it with --api v1.'
                : `Use one of ${v01Channels.join(', ')}.`,
          ),
    );
    return report;
  }
  const label = channelLabels[channel];
  const content = isObject(payload.message) && isObject(payload.message.content) ? payload.message.content : undefined;
  const type = content?.type;
  const key = `${channel}/${String(type)}`;
  const schema =
    key in v01RequestSchemas
      ? v01RequestSchemas[key as V01RequestKey]
      : key in v01CustomSchemas
        ? v01CustomSchemas[key as keyof typeof v01CustomSchemas]
        : undefined;
  if (schema === undefined) {
    report.errors.push(
      type === undefined
        ? makeIssue(
            ['message', 'content', 'type'],
            'REQUIRED',
            `A ${label} message needs message.content.type, one of ${v01TypesOf(channel).join(', ')}`,
            'Add it, e.g. "text".',
          )
        : makeIssue(
            ['message', 'content', 'type'],
            'UNKNOWN_MESSAGE_TYPE',
            `${label} has no content type ${JSON.stringify(type)} in v0.1; it takes ${v01TypesOf(channel).join(', ')}`,
            'Pick a listed type, or send this type with v1 if it exists there.',
          ),
    );
    const common = v01CommonSchema(channel).safeParse(payload);
    if (!common.success)
      merge(report, mapZodIssues(common.error.issues, { input: payload, label: `A ${label} message`, prefix: [] }));
    return report;
  }
  const issues = schemaIssues(schema, payload);
  if (issues.length > 0) {
    merge(report, mapZodIssues(issues, { input: payload, label: `${label} ${String(type)}`, prefix: [] }));
  }
  if (key in v01CustomSchemas) {
    report.warnings.push(
      makeIssue(
        ['message', 'content', 'type'],
        'NOT_IN_SPEC',
        'custom content is documented for v0.1 but missing from its spec file',
        'Vonage accepts it; v1 is the documented home of custom messages.',
      ),
    );
  }
  const v1Channel = v1ChannelOf(channel);
  const typeName = String(type);
  report.warnings.push(
    ...textWarning(v1Channel, content?.text, ['message', 'content', 'text']),
    ...(channel === 'sms' ? smsWarnings(content?.text, undefined, ['message', 'content', 'text']) : []),
    ...clientRefWarning(payload.client_ref, ['client_ref']),
    ...(isObject(payload.to) ? phoneWarning(payload.to.number, ['to', 'number']) : []),
  );
  const media = content?.[typeName];
  if (isObject(media))
    report.warnings.push(...mediaWarning(v1Channel, typeName, media.url, ['message', 'content', typeName, 'url']));
  return report;
}
