import { useShallow } from 'zustand/react/shallow';
import { useTimelineStore } from '../../stores/timeline-store';

/** Follow shows arrivals at once; pause holds them (none dropped) and counts them until resumed. */
export function FollowToggle() {
  const { following, arrivedWhilePaused, pauseFollowing, resumeFollowing } = useTimelineStore(
    useShallow((store) => ({
      following: store.following,
      arrivedWhilePaused: store.arrivedWhilePaused,
      pauseFollowing: store.pauseFollowing,
      resumeFollowing: store.resumeFollowing,
    })),
  );
  if (following) {
    return (
      <button
        type="button"
        className="secondary"
        onClick={pauseFollowing}
        data-testid="timeline-pause"
        title="Hold new events back while you read"
      >
        Pause
      </button>
    );
  }
  return (
    <button type="button" onClick={resumeFollowing} data-testid="timeline-resume">
      Resume{' '}
      <span className="pill" data-testid="timeline-paused-count" aria-label={`${arrivedWhilePaused} new events`}>
        {arrivedWhilePaused}
      </span>
    </button>
  );
}
