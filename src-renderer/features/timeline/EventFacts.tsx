import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes, httpTone } from './event-format';

/** What the receiver concluded about the request: signature, parsing, its answer, and the forward target's answer. */
export function EventFacts({ event }: { event: WebhookEvent }) {
  const { forward } = event;
  return (
    <dl className="facts event-facts">
      <dt>Received</dt>
      <dd>
        <time dateTime={event.receivedAt}>{new Date(event.receivedAt).toLocaleString()}</time> from{' '}
        {event.remoteAddress ?? 'unknown'}
      </dd>
      <dt>Signature</dt>
      <dd data-testid="timeline-detail-verdict-reason">{event.verdictReason}</dd>
      {event.messageUuid ? (
        <>
          <dt>message_uuid</dt>
          <dd>
            <code data-testid="timeline-detail-message-uuid">{event.messageUuid}</code>{' '}
            <CopyButton text={event.messageUuid} label="message_uuid" />
          </dd>
        </>
      ) : null}
      {event.parseError ? (
        <>
          <dt>Parse error</dt>
          <dd className="error" data-testid="timeline-detail-parse-error">
            {event.parseError}
          </dd>
        </>
      ) : null}
      {event.truncated ? (
        <>
          <dt>Body</dt>
          <dd className="error">
            cut at {formatBytes(event.bodySize)} of {formatBytes(event.bytesReceived)} received
          </dd>
        </>
      ) : null}
      <dt>Answered</dt>
      <dd className={`tone-${httpTone(event.answerStatus)}`} data-testid="timeline-detail-answer-status">
        HTTP {event.answerStatus}
      </dd>
      {forward ? (
        <>
          <dt>Forwarded</dt>
          <dd data-testid="timeline-detail-forward">
            {forward.url} → {forward.status ?? <span className="error">{forward.error}</span>} in{' '}
            {Math.round(forward.durationMs)} ms
            {forward.body ? <pre className="forward-body">{forward.body}</pre> : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
