import { useEffect, useState, type ChangeEvent } from 'react';
import type { TimelineFilter } from '../../../src-shared/settings';

/** Recent windows people ask for most; "Between…" opens two date-time fields for any other. */
const presets = [
  { id: '15m', label: 'Last 15 minutes', spanMs: 15 * 60_000 },
  { id: '1h', label: 'Last hour', spanMs: 60 * 60_000 },
  { id: '24h', label: 'Last 24 hours', spanMs: 24 * 60 * 60_000 },
  { id: '7d', label: 'Last 7 days', spanMs: 7 * 24 * 60 * 60_000 },
] as const;

type Choice = 'any' | 'between' | (typeof presets)[number]['id'];

/** `datetime-local` values are local time without a zone, which Date.parse reads as local time. */
function toLocalInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

interface ReceivedTimeFilterProps {
  sinceMs: number | undefined;
  untilMs: number | undefined;
  choose(patch: Pick<TimelineFilter, 'sinceMs' | 'untilMs'>): void;
}

/** When events were received: any time, a recent window, or between two moments. */
export function ReceivedTimeFilter({ sinceMs, untilMs, choose }: ReceivedTimeFilterProps) {
  const [choice, setChoice] = useState<Choice>(sinceMs === undefined && untilMs === undefined ? 'any' : 'between');
  // A saved filter or Clear sets the times from outside: show what they are.
  useEffect(() => {
    if (sinceMs === undefined && untilMs === undefined) setChoice('any');
    else setChoice((current) => (current === 'any' ? 'between' : current));
  }, [sinceMs, untilMs]);

  const pick = (changed: ChangeEvent<HTMLSelectElement>) => {
    const next = changed.target.value as Choice;
    setChoice(next);
    const preset = presets.find((each) => each.id === next);
    if (preset) choose({ sinceMs: Date.now() - preset.spanMs, untilMs: undefined });
    else if (next === 'any') choose({ sinceMs: undefined, untilMs: undefined });
  };
  const moment = (field: 'sinceMs' | 'untilMs') => ({
    value: toLocalInput(field === 'sinceMs' ? sinceMs : untilMs),
    onChange: (changed: ChangeEvent<HTMLInputElement>) =>
      choose({ [field]: changed.target.value ? Date.parse(changed.target.value) : undefined }),
  });

  return (
    <>
      <select aria-label="Received" data-testid="timeline-filter-received" value={choice} onChange={pick}>
        <option value="any">Any time</option>
        {presets.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.label}
          </option>
        ))}
        <option value="between">Between…</option>
      </select>
      {choice === 'between' ? (
        <span className="timeline-filter-range">
          <input
            type="datetime-local"
            aria-label="Received from"
            data-testid="timeline-filter-since"
            {...moment('sinceMs')}
          />
          <span className="toolbar-label" aria-hidden="true">
            to
          </span>
          <input
            type="datetime-local"
            aria-label="Received before"
            data-testid="timeline-filter-until"
            {...moment('untilMs')}
          />
        </span>
      ) : null}
    </>
  );
}
