import { useEffect, useState, type ChangeEvent } from 'react';
import { v1Channels } from '../../../src-shared/messages/channels';
import { messageStatuses } from '../../../src-shared/messages/webhooks-v1';
import type { TimelineFilter } from '../../../src-shared/settings';
import { signatureVerdicts, webhookKinds } from '../../../src-shared/webhook-events';
import { cleanFilter } from '../../stores/timeline-list-slice';
import { useTimelineStore } from '../../stores/timeline-store';
import { kindLabels, verdictLabels } from './event-labels';
import { ReceivedTimeFilter } from './ReceivedTimeFilter';
import { SourceFilter } from './SourceFilter';

/** Typing settles for this long before the store is asked again. */
const typingDelayMs = 250;

type TextField = 'channel' | 'status' | 'errorCode' | 'text' | 'messageUuid';

/** The store's trigram index needs 3 characters; shorter words alone are found by reading every event. */
function onlyShortWords(text: string | undefined): boolean {
  const words = text?.split(/\s+/).filter((word) => word !== '') ?? [];
  return words.length > 0 && words.every((word) => [...word].length < 3);
}

export function TimelineFilterBar() {
  const applied = useTimelineStore((store) => store.filter);
  const applyFilter = useTimelineStore((store) => store.applyFilter);
  const [draft, setDraft] = useState<TimelineFilter>(applied);

  // A saved filter, or a thread link, replaces the filter from outside this form.
  useEffect(() => setDraft(applied), [applied]);

  useEffect(() => {
    if (JSON.stringify(draft) === JSON.stringify(applied)) return;
    const timer = setTimeout(() => void applyFilter(draft), typingDelayMs);
    return () => clearTimeout(timer);
  }, [draft, applied, applyFilter]);

  const update = (patch: TimelineFilter) => setDraft((current) => cleanFilter({ ...current, ...patch }));
  /** A choice from a list is deliberate and complete, so it applies at once instead of after the typing delay. */
  const choose = (patch: TimelineFilter) => {
    const next = cleanFilter({ ...draft, ...patch });
    setDraft(next);
    void applyFilter(next);
  };
  const text = (field: TextField) => ({
    value: draft[field] ?? '',
    onChange: (changed: ChangeEvent<HTMLInputElement>) => update({ [field]: changed.target.value || undefined }),
  });
  return (
    <form
      className="timeline-filters"
      role="search"
      aria-label="Filter events"
      onSubmit={(submitted) => submitted.preventDefault()}
    >
      <input
        type="search"
        id="timeline-filter-text"
        placeholder="Search bodies, any part of a word  ( / )"
        aria-label="Search in bodies"
        data-testid="timeline-filter-text"
        aria-describedby={onlyShortWords(draft.text) ? 'timeline-filter-text-note' : undefined}
        {...text('text')}
      />
      {onlyShortWords(draft.text) ? (
        <span id="timeline-filter-text-note" className="toolbar-label" data-testid="timeline-filter-text-note">
          Under 3 characters: every event is read, slower on a big store
        </span>
      ) : null}
      <SourceFilter value={draft.source} onChoose={(source) => choose({ source })} />
      <select
        aria-label="Kind"
        data-testid="timeline-filter-kind"
        value={draft.kind ?? ''}
        onChange={(changed) => choose({ kind: (changed.target.value || undefined) as TimelineFilter['kind'] })}
      >
        <option value="">Any kind</option>
        {webhookKinds.map((kind) => (
          <option key={kind} value={kind}>
            {kindLabels[kind]}
          </option>
        ))}
      </select>
      <input
        list="timeline-channels"
        placeholder="Channel"
        aria-label="Channel"
        data-testid="timeline-filter-channel"
        size={9}
        {...text('channel')}
      />
      <datalist id="timeline-channels">
        {v1Channels.map((channel) => (
          <option key={channel} value={channel} />
        ))}
      </datalist>
      <input
        list="timeline-statuses"
        placeholder="Status"
        aria-label="Status"
        data-testid="timeline-filter-status"
        size={9}
        {...text('status')}
      />
      <datalist id="timeline-statuses">
        {messageStatuses.map((status) => (
          <option key={status} value={status} />
        ))}
      </datalist>
      <select
        aria-label="Signature verdict"
        data-testid="timeline-filter-verdict"
        value={draft.verdict ?? ''}
        onChange={(changed) => choose({ verdict: (changed.target.value || undefined) as TimelineFilter['verdict'] })}
      >
        <option value="">Any signature</option>
        {signatureVerdicts.map((verdict) => (
          <option key={verdict} value={verdict}>
            {verdictLabels[verdict]}
          </option>
        ))}
      </select>
      <input
        placeholder="Error code"
        aria-label="Error code"
        data-testid="timeline-filter-error-code"
        size={7}
        {...text('errorCode')}
      />
      <input
        placeholder="message_uuid"
        aria-label="message_uuid"
        data-testid="timeline-filter-message-uuid"
        size={12}
        {...text('messageUuid')}
      />
      <ReceivedTimeFilter sinceMs={draft.sinceMs} untilMs={draft.untilMs} choose={choose} />
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setDraft({});
          void applyFilter({});
        }}
        disabled={Object.keys(draft).length === 0}
        data-testid="timeline-filter-clear"
      >
        Clear
      </button>
    </form>
  );
}
