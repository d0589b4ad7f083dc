import { useEffect, useState } from 'react';
import type { JwtInspection } from '../../../src-shared/jwt-inspection';
import { formatDuration, liveExpiry } from './expiry-countdown';

const stateLabels = {
  valid: 'Valid',
  expired: 'Expired',
  'not-yet-valid': 'Not valid yet',
  'no-expiry': 'No expiry',
} as const;

/** Re-renders every second while a deadline is on screen. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}

export function JwtExpiry({ expiry }: { expiry: JwtInspection['expiry'] }) {
  const now = useNow(expiry.expiresAt !== null || expiry.notBefore !== null);
  const live = liveExpiry(expiry, now);
  return (
    <section aria-labelledby="jwt-expiry-title">
      <h3 id="jwt-expiry-title">Expiry</h3>
      <p className={`jwt-state jwt-expiry-${live.state}`} data-testid="jwt-expiry-state" data-state={live.state}>
        {stateLabels[live.state]}
        {live.secondsLeft !== null && (
          <span className="jwt-countdown" data-testid="jwt-expiry-countdown" aria-live="off">
            {live.secondsLeft > 0
              ? ` · ${formatDuration(live.secondsLeft)} left`
              : ` · ${formatDuration(live.secondsLeft)} ago`}
          </span>
        )}
      </p>
      <dl className="facts">
        <dt>Issued at (iat)</dt>
        <dd data-testid="jwt-issued-at">{expiry.issuedAt ?? '—'}</dd>
        <dt>Not before (nbf)</dt>
        <dd>{expiry.notBefore ?? '—'}</dd>
        <dt>Expires at (exp)</dt>
        <dd data-testid="jwt-expires-at">{expiry.expiresAt ?? '—'}</dd>
      </dl>
    </section>
  );
}
