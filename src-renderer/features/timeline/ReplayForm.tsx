import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { useTimelineStore } from '../../stores/timeline-store';

/** Sends the event again (from the store it is in) to any URL, as received or re-signed with a profile's signature secret. */
export function ReplayForm({ event, defaultUrl }: { event: WebhookEvent; defaultUrl: string }) {
  const { replay, replayEvent } = useTimelineStore(
    useShallow((store) => ({ replay: store.replay, replayEvent: store.replayEvent })),
  );
  const [url, setUrl] = useState(defaultUrl);
  const [profile, setProfile] = useState('');
  return (
    <form
      className="replay-form"
      aria-label="Replay this webhook"
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void replayEvent(event, url.trim(), profile.trim() || undefined);
      }}
    >
      <input
        type="url"
        required
        value={url}
        onChange={(changed) => setUrl(changed.target.value)}
        placeholder="http://localhost:3000/webhooks/status"
        aria-label="Replay to URL"
        data-testid="timeline-replay-url"
      />
      <input
        value={profile}
        onChange={(changed) => setProfile(changed.target.value)}
        placeholder="re-sign with profile (optional)"
        aria-label="Re-sign with profile"
        data-testid="timeline-replay-profile"
        size={22}
      />
      <button type="submit" disabled={replay.status === 'loading'} data-testid="timeline-replay">
        {replay.status === 'loading' ? 'Replaying…' : 'Replay'}
      </button>
      <output data-testid="timeline-replay-result">
        {replay.status === 'ready' ? (
          replay.value.status === null ? (
            <span className="error">No answer: {replay.value.error}</span>
          ) : (
            <span
              className={replay.value.status < 300 ? 'tone tone-ok' : 'tone tone-error'}
              data-status={replay.value.status}
            >
              {replay.value.status} in {Math.round(replay.value.durationMs)} ms
            </span>
          )
        ) : replay.status === 'failed' ? (
          <span className="error">
            {replay.error.message} {replay.error.hint}
          </span>
        ) : null}
      </output>
    </form>
  );
}
