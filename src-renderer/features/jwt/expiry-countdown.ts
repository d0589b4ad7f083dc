/** The token's validity at a given instant, so the inspector can count down without asking the core again. */
import type { ExpiryState, JwtInspection } from '../../../src-shared/jwt-inspection';

export interface LiveExpiry {
  state: ExpiryState;
  /** Whole seconds until `exp` (negative once past); null without `exp`. */
  secondsLeft: number | null;
}

/** Judged the way the core judges it: not-before first, then expiry. */
export function liveExpiry(expiry: JwtInspection['expiry'], nowMs: number): LiveExpiry {
  const nowSeconds = Math.floor(nowMs / 1000);
  const toSeconds = (iso: string | null) => (iso === null ? null : Math.floor(Date.parse(iso) / 1000));
  const notBefore = toSeconds(expiry.notBefore);
  const expiresAt = toSeconds(expiry.expiresAt);
  const secondsLeft = expiresAt === null ? null : expiresAt - nowSeconds;
  if (notBefore !== null && notBefore > nowSeconds) return { state: 'not-yet-valid', secondsLeft };
  if (secondsLeft === null) return { state: 'no-expiry', secondsLeft };
  return { state: secondsLeft <= 0 ? 'expired' : 'valid', secondsLeft };
}

/** `3d 02h`, `1h 04m 09s`, `4m 09s`, `9s`. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.abs(totalSeconds);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  // Past a day, seconds only distract from a token that will not expire during this session.
  if (days > 0) return `${days.toLocaleString()}d ${pad(hours)}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m ${pad(rest)}s`;
  if (minutes > 0) return `${minutes}m ${pad(rest)}s`;
  return `${rest}s`;
}
