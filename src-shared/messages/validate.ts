import type { ApiVersion } from './channels';
import type { ValidationReport } from './issue';
import { validateV01 } from './validate-v01';
import { validateV1 } from './validate-v1';

/** PATCH bodies are judged in their own module; re-exported so callers find both judges here. */
export { validateUpdate } from './patch-v1';

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

function assertNever(value: never): never {
  throw new Error(`Unknown API version: ${String(value)}`);
}
