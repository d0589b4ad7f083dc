import { memo, type ReactNode } from 'react';
import { eventKey, sourceOf, type WebhookEvent } from '../../../src-shared/webhook-events';
import { verdictLabels } from './event-labels';
import { CopyButton } from '../../components/CopyButton';
import { navigate } from '../../routes';
import type { TimelineColumnId } from '../../stores/timeline-columns';
import {
  errorLabel,
  formatClockTime,
  httpTone,
  isFailedApiCall,
  shortUuid,
  statusTone,
  verdictTone,
} from './event-format';

interface TimelineRowProps {
  event: WebhookEvent;
  columns: TimelineColumnId[];
  selected: boolean;
  /** Offset from the top of the list, in pixels. */
  top: number;
  height: number;
  /** The CSS grid columns, e.g. "110px 80px". */
  gridTemplate: string;
  /** One click selects the event (by `eventKey`) and opens its detail, as in every request inspector. */
  onOpen(key: string): void;
}

function cell(column: TimelineColumnId, event: WebhookEvent): ReactNode {
  switch (column) {
    case 'source':
      return <SourceLabel event={event} />;
    case 'time':
      return <time dateTime={event.receivedAt}>{formatClockTime(event.receivedAt)}</time>;
    case 'kind':
      return event.kind;
    case 'channel':
      return event.channel ?? '—';
    case 'messageType':
      return event.messageType ?? '—';
    case 'httpStatus':
      return (
        <span
          className={`tone tone-${httpTone(event.answerStatus)}`}
          title={event.kind === 'api-call' ? 'What the API answered' : 'What the receiver answered'}
        >
          {event.answerStatus}
        </span>
      );
    case 'status':
      return event.status ? <span className={`tone tone-${statusTone(event.status)}`}>{event.status}</span> : '—';
    case 'verdict':
      return (
        <span className={`tone tone-${verdictTone(event.verdict)}`} data-verdict={event.verdict}>
          {verdictLabels[event.verdict]}
        </span>
      );
    case 'messageUuid':
      return event.messageUuid ? (
        <>
          <code title={event.messageUuid}>{shortUuid(event.messageUuid)}</code>
          <CopyButton text={event.messageUuid} label="message_uuid" />
        </>
      ) : (
        '—'
      );
    case 'errorCode':
      return event.errorCode ? <ErrorCodeChip code={event.errorCode} label={errorLabel(event)} /> : '';
    case 'from':
      return event.from ?? '—';
    case 'to':
      return event.to ?? '—';
    default: {
      const unreachable: never = column;
      return unreachable;
    }
  }
}

/** Which store the event is in: this app's own, or the team inbox. */
export function SourceLabel({ event }: { event: WebhookEvent }) {
  const source = sourceOf(event);
  return (
    <span
      className={`event-source event-source-${source}`}
      title={source === 'team' ? 'Stored in the team inbox' : "Stored in this app's own event store"}
      data-testid="timeline-source"
    >
      {source}
    </span>
  );
}

function ErrorCodeChip({ code, label }: { code: string; label: string }) {
  return (
    <button
      type="button"
      className="error-chip"
      title={`Explain error ${code}`}
      onClick={(clicked) => {
        clicked.stopPropagation();
        navigate('explain', code);
      }}
    >
      {label}
    </button>
  );
}

/** One event as a row of the virtualised list; memoised because live traffic re-renders the list often. */
export const TimelineRow = memo(function TimelineRow({
  event,
  columns,
  selected,
  top,
  height,
  gridTemplate,
  onOpen,
}: TimelineRowProps) {
  return (
    <div
      role="row"
      className={isFailedApiCall(event) ? 'timeline-row timeline-row-failed' : 'timeline-row'}
      // Plain props in, style built here: a row whose props did not change is not rendered again while scrolling.
      style={{ transform: `translateY(${top}px)`, height, gridTemplateColumns: gridTemplate }}
      aria-selected={selected}
      data-testid="timeline-row"
      data-event-id={event.id}
      data-source={sourceOf(event)}
      data-kind={event.kind}
      data-failed={isFailedApiCall(event) || undefined}
      onClick={() => onOpen(eventKey(event))}
    >
      {columns.map((column) => (
        <div role="gridcell" key={column} className={`timeline-cell timeline-cell-${column}`} data-column={column}>
          {cell(column, event)}
        </div>
      ))}
    </div>
  );
});
