import type { ApiVersion } from './channels';
import { makeIssue, type ValidationReport } from './issue';
import { validateV01 } from './validate-v01';
import { validateV1 } from './validate-v1';
import { v1UpdateSchemas } from './v1-request';
import { mapZodIssues } from './zod-issues';

export interface ValidateOptions {
  /** Which send endpoint the payload is for: POST /v1/messages or /v0.1/messages. */
  api: ApiVersion;
}

/**
 * Judges a send request field by field and returns every problem at once:
 * errors (Vonage would refuse it) and warnings (it would go, but likely
 * fail later). Never throws; any JSON value is a valid input.
 */
export function validateRequest(payload: unknown, options: ValidateOptions): ValidationReport {
  switch (options.api) {
    case 'v1':
      return validateV1(payload);
    case 'v0.1':
      return validateV01(payload);
    default:
      return assertNever(options.api);
  }
}

/**
 * Judges a PATCH /v1/messages/{message_uuid} body for the channel of the
 * message: WhatsApp takes {"status":"read"}, RCS {"status":"revoked"}.
 */
export function validateUpdate(payload: unknown, channel: string): ValidationReport {
  if (channel !== 'whatsapp' && channel !== 'rcs') {
    return {
      errors: [makeIssue([], 'UNKNOWN_CHANNEL', `Messages on ${channel} cannot be updated`,
        'Only WhatsApp inbound messages (read) and RCS outbound messages (revoked) can be; Vonage answers 422 otherwise.')],
      warnings: [],
    };
  }
  const parsed = v1UpdateSchemas[channel].safeParse(payload);
  if (parsed.success) return { errors: [], warnings: [] };
  const label = channel === 'whatsapp' ? 'A WhatsApp update' : 'An RCS update';
  return mapZodIssues(parsed.error.issues, { input: payload, label, prefix: [] });
}

function assertNever(value: never): never {
  throw new Error(`Unknown API version: ${String(value)}`);
}
