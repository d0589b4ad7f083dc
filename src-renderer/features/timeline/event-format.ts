/** How event fields read in the timeline: short times, short ids, colour classes. */
import type { SignatureVerdict } from '../../../src-shared/webhook-events';

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
    case 'no-secret-configured':
    case 'not-a-webhook':
      return 'neutral';
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
