import { useShallow } from 'zustand/react/shallow';
import { useEffect } from 'react';
import { useTeamInboxStore } from '../../stores/team-inbox-store';
import { formatClockTime } from '../timeline/event-format';
import './team-inbox.css';

/** The newest events of the team inbox, under the timeline, each labelled as shared; shown once one is set up. */
export function SharedEventsPanel() {
  const { state, events, load } = useTeamInboxStore(
    useShallow((store) => ({ state: store.state, events: store.events, load: store.load })),
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (!state?.url) return null;
  return (
    <section className="team-inbox-panel" aria-labelledby="team-inbox-panel-title" data-testid="team-inbox-panel">
      <h3 id="team-inbox-panel-title">
        Team inbox{' '}
        <span className="team-inbox-status muted" data-phase={state.phase}>
          ({state.phase})
        </span>
      </h3>
      {events.length === 0 ? (
        <p className="muted">No shared webhooks yet.</p>
      ) : (
        <ol>
          {events.map((event) => (
            <li key={event.id} data-testid="team-inbox-row">
              <span className="team-inbox-source" title="Stored in the team inbox">
                team
              </span>
              <time dateTime={event.receivedAt}>{formatClockTime(event.receivedAt)}</time>
              <span>{event.kind}</span>
              <span>{event.channel ?? ''}</span>
              <span>{event.status ?? event.messageType ?? ''}</span>
              <span>{event.clientRef ?? event.from ?? ''}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
