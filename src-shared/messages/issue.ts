import { toPointer } from '../json-pointer';
import { z } from 'zod';

/**
 * One problem with a payload, pinned to a field. `path` is a JSON pointer
 * (RFC 6901) into the payload as sent, so the builder can mark that exact
 * field; `code` is stable and machine-readable; `message` and `hint` are for
 * the developer.
 */
export const issueSchema = z.object({
  path: z.string(),
  message: z.string(),
  hint: z.string(),
  code: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

export const validationReportSchema = z.object({
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
});
export type ValidationReport = z.infer<typeof validationReportSchema>;

/** The stable issue codes validate() can produce, errors and warnings alike. */
export const issueCodes = {
  NOT_AN_OBJECT: 'The payload is not a JSON object.',
  REQUIRED: 'A required field is missing.',
  WRONG_TYPE: 'A field has the wrong JSON type.',
  TOO_LONG: 'A string or list is longer than allowed.',
  TOO_SHORT: 'A string or list is shorter than allowed (often: empty).',
  OUT_OF_RANGE: 'A number is outside its allowed range.',
  NOT_ALLOWED_VALUE: 'A field holds a value outside its list of allowed values.',
  INVALID_FORMAT: 'A field does not have the expected format (URL, phone number).',
  UNKNOWN_CHANNEL: 'The channel is not one of the channels of this API version.',
  UNKNOWN_MESSAGE_TYPE: 'The message type is not available on this channel in this API version.',
  WRONG_API_VERSION: 'The payload has the shape of the other API version.',
  UNKNOWN_FIELD:
    'A field not in the model of this message (the Messages API version it follows); maybe newer, often a typo (warning).',
  TEXT_OVER_LIMIT: 'Text longer than the channel documents (warning).',
  MEDIA_EXTENSION: 'A media URL whose extension the channel does not list (warning).',
  SMS_ENCODING: 'SMS text that will not survive the forced encoding, or too many segments (warning).',
  CLIENT_REF_LONG: 'client_ref longer than v0.1 documents (warning).',
  PHONE_PREFIX: 'A phone number written with + or 00 (warning).',
  MISPLACED_FIELD: 'A field placed where Vonage does not read it (warning).',
  DEPRECATED: 'A field or value Vonage has deprecated (warning).',
  EMPTY_CUSTOM: 'A custom message whose custom object is empty (warning).',
  NOT_IN_SPEC: 'A documented feature missing from the spec file (warning).',
} as const;
export type IssueCode = keyof typeof issueCodes;

/** A path as a developer writes it: `template.parameters[2]`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

export function makeIssue(path: readonly PropertyKey[], code: IssueCode, message: string, hint: string): Issue {
  return { path: toPointer(path), code, message, hint };
}

/** Appends one report's errors and warnings to another's. */
export function merge(into: ValidationReport, from: ValidationReport): void {
  into.errors.push(...from.errors);
  into.warnings.push(...from.warnings);
}
