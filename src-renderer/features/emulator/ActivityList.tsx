import { useEffect, useRef } from 'react';
import { useEmulatorStore } from '../../stores/emulator-store';
import { ActivityRow } from './ActivityRow';
import { activityLimit } from './activity-log';

/** What the emulator did, newest first: API calls with their status, webhook attempts with their answer and retries. */
export function ActivityList() {
  const activity = useEmulatorStore((store) => store.activity);
  const highlighted = useEmulatorStore((store) => store.highlightedMessageUuid);
  const clearActivity = useEmulatorStore((store) => store.clearActivity);
  const listRef = useRef<HTMLOListElement>(null);

  // "Show in activity" brings the newest row of that message into view.
  useEffect(() => {
    if (!highlighted) return;
    listRef.current?.querySelector<HTMLElement>('[data-highlighted="true"] summary')?.focus();
  }, [highlighted]);

  return (
    <section className="emulator-activity" aria-labelledby="emulator-activity-title" data-testid="emulator-activity">
      <div className="emulator-section-header">
        <h3 id="emulator-activity-title">Activity</h3>
        <button
          type="button"
          className="button-quiet"
          onClick={() => void clearActivity()}
          disabled={activity.length === 0}
          data-testid="emulator-activity-clear"
        >
          Clear
        </button>
      </div>
      {activity.length === 0 ? (
        <p className="muted" data-testid="emulator-activity-empty">
          Nothing yet. Send from the builder without a profile, or from the phone panel; every call and webhook attempt
          shows here.
        </p>
      ) : (
        <>
          <p className="muted">The latest {activityLimit} entries; the timeline keeps everything.</p>
          <ol className="emulator-activity-list" ref={listRef}>
            {activity.map((event) => (
              <ActivityRow
                key={event.id}
                event={event}
                highlighted={highlighted !== undefined && event.messageUuid === highlighted}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
