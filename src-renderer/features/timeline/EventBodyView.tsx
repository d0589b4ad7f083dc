import { useState } from 'react';
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { JsonCodeView } from '../../components/JsonCodeView';
import { formatBytes } from './event-format';

/** Above this, the editor is built only when asked: a multi-megabyte document takes long to lay out. */
const largeBodyBytes = 256 * 1024;

/** The body pretty-printed (when JSON) or exactly as received; a body too deep to parse only as received. */
export function EventBodyView({ event, mode }: { event: WebhookEvent; mode: 'pretty' | 'raw' }) {
  const [confirmedLarge, setConfirmedLarge] = useState(false);
  if (event.bodySize > largeBodyBytes && !confirmedLarge) {
    return (
      <div className="large-body-warning" data-testid="timeline-large-body">
        <p>This body is {formatBytes(event.bodySize)}; showing it may take a moment.</p>
        <button type="button" onClick={() => setConfirmedLarge(true)} data-testid="timeline-show-large-body">
          Show it
        </button>
      </div>
    );
  }
  // Such a body was never parsed (the receiver measured its depth): plain text is the one view that cannot overflow.
  if (event.bodyTooDeep) {
    return (
      <div data-testid="timeline-too-deep-body">
        <p className="muted">Body too deep to render; raw bytes below.</p>
        <pre className="code-block" data-testid={mode === 'pretty' ? 'timeline-detail-pretty' : 'timeline-detail-raw'}>
          {event.bodyText}
        </pre>
      </div>
    );
  }
  if (mode === 'pretty') {
    if (event.bodyJson === undefined || event.bodyJson === null)
      return <p className="muted">The body is not JSON; see Raw.</p>;
    return (
      <JsonCodeView
        text={JSON.stringify(event.bodyJson, null, 2)}
        label="Body, pretty-printed"
        testId="timeline-detail-pretty"
      />
    );
  }
  return <JsonCodeView text={event.bodyText} label="Body as received" testId="timeline-detail-raw" />;
}
