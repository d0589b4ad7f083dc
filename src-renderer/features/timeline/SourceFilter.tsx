import { useEffect } from 'react';
import { eventSources, type EventSource } from '../../../src-shared/webhook-events';
import { useTeamInboxStore } from '../../stores/team-inbox-store';

/** All / local / team: shown once the app watches a team inbox (or while a saved filter asks for one store). */
export function SourceFilter({ value, onChoose }: { value?: EventSource; onChoose(source?: EventSource): void }) {
  const watching = useTeamInboxStore((store) => Boolean(store.state?.url));
  const load = useTeamInboxStore((store) => store.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (!watching && value === undefined) return null;
  return (
    <select
      aria-label="Source"
      data-testid="timeline-filter-source"
      value={value ?? ''}
      onChange={(changed) => onChoose((changed.target.value || undefined) as EventSource | undefined)}
    >
      <option value="">all sources</option>
      {eventSources.map((source) => (
        <option key={source}>{source}</option>
      ))}
    </select>
  );
}
