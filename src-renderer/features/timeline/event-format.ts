/** How event fields read in the timeline: short times, short ids, colour classes. */
import { explainError, lookupStatus, type ErrorEntry } from '../../../src-shared/errors';
import type { SignatureVerdict, WebhookEvent } from '../../../src-shared/webhook-events';

export function formatClockTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** The first block of a UUID is enough to tell messages apart on screen; the whole one is copied. */
export function shortUuid(uuid: string): string {
  return uuid.split('-')[0] ?? uuid;
}

/** Vonage statuses grouped by what they mean for the sender. */
export function statusTone(status: string | null): 'ok' | 'warn' | 'error' | 'neutral' {
  switch (status) {
    case 'delivered':
    case 'read':
      return 'ok';
    case 'submitted':
    case 'accepted':
    case 'buffered':
      return 'neutral';
    case 'rejected':
    case 'undeliverable':
    case 'failed':
    case 'expired':
    case 'unknown':
      return 'error';
    default:
      return status ? 'warn' : 'neutral';
  }
}

export function verdictTone(verdict: SignatureVerdict): 'ok' | 'warn' | 'error' | 'neutral' {
  switch (verdict) {
    case 'verified':
      return 'ok';
    case 'unsigned':
    case 'not-a-webhook':
      return 'neutral';
    // Signed but unchecked: it may be forged, so it does not read as calm as an unsigned one.
    case 'no-secret-configured':
    case 'stale':
    case 'not-yet-valid':
      return 'warn';
    case 'bad-signature':
    case 'malformed-token':
    case 'malformed-claim':
    case 'payload-mismatch':
      return 'error';
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An HTTP answer's colour: refused and failed answers read as errors. */
export function httpTone(status: number): 'ok' | 'neutral' | 'error' {
  if (status >= 400) return 'error';
  return status >= 300 ? 'neutral' : 'ok';
}

/** A call to the API that was refused, as opposed to a webhook the receiver answered. */
export function isFailedApiCall(event: WebhookEvent): boolean {
  return event.kind === 'api-call' && event.answerStatus >= 400;
}

/**
 * What the catalogue says about an event's error: its code or problem type,
 * read with the HTTP status a problem type came with (429 and 500 share one).
 */
export function errorEntryOf(event: Pick<WebhookEvent, 'errorCode' | 'answerStatus'>): ErrorEntry | undefined {
  if (event.errorCode === null) return lookupStatus(event.answerStatus);
  const entries = explainError(event.errorCode);
  return entries.find((entry) => entry.httpStatus === event.answerStatus) ?? entries[0];
}

/** A short name for an error in a narrow cell: a code as it is, a problem type URL by its title. */
export function errorLabel(event: Pick<WebhookEvent, 'errorCode' | 'answerStatus'>): string {
  if (event.errorCode === null || !/^https?:\/\//i.test(event.errorCode)) return event.errorCode ?? '';
  return errorEntryOf(event)?.title ?? event.errorCode;
}
