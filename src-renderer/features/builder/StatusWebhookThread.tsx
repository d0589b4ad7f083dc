import { useEffect } from 'react';
import { useMessageThreadStore } from '../../stores/message-thread-store';
import { verdictLabels } from '../timeline/event-labels';

function sinceSend(receivedAt: string, sentAtMs: number | null): string {
  if (sentAtMs === null) return new Date(receivedAt).toLocaleTimeString();
  const ms = Date.parse(receivedAt) - sentAtMs;
  return ms < 1000 ? `+${ms} ms` : `+${(ms / 1000).toFixed(1)} s`;
}

/** A webhook's body as it arrived, indented when it is JSON. */
function prettyBody(bodyText: string): string {
  try {
    return JSON.stringify(JSON.parse(bodyText), null, 2);
  } catch {
    return bodyText;
  }
}

/** The status webhooks (and replies) of one sent message, arriving live under its response; each opens to its raw body. */
export function StatusWebhookThread({ messageUuid }: { messageUuid: string }) {
  const thread = useMessageThreadStore((store) => store.threads[messageUuid]);
  const watch = useMessageThreadStore((store) => store.watch);
  useEffect(() => {
    void watch(messageUuid);
  }, [messageUuid, watch]);

  return (
    <section
      className="webhook-thread"
      aria-label="Status webhooks"
      data-testid="builder-webhook-thread"
      data-message-uuid={messageUuid}
    >
      <h3>Status webhooks</h3>
      {thread?.error ? (
        <p className="error" role="alert">
          {thread.error.message} {thread.error.hint}
        </p>
      ) : !thread || thread.events.length === 0 ? (
        <p className="muted" data-testid="builder-webhook-thread-waiting">
          Waiting for webhooks about <code>{messageUuid}</code>…
        </p>
      ) : (
        <ol className="webhook-thread-list">
          {thread.events.map((event) => (
            <li
              key={event.id}
              data-testid="builder-webhook-thread-entry"
              data-status={event.status ?? event.kind}
              data-verdict={event.verdict}
            >
              <details>
                <summary data-testid="builder-webhook-thread-open">
                  <span className={`status-chip status-${event.status ?? event.kind}`}>
                    {event.status ?? `${event.kind} ${event.messageType ?? ''}`}
                  </span>
                  <span className="muted">{sinceSend(event.receivedAt, thread.sentAtMs)}</span>
                  <span className={`verdict verdict-${event.verdict}`}>{verdictLabels[event.verdict]}</span>
                </summary>
                <pre className="code-block" data-testid="builder-webhook-thread-body">
                  {prettyBody(event.bodyText)}
                </pre>
              </details>
              {event.errorCode ? (
                <a href={`#/explain/${encodeURIComponent(event.errorCode)}`}>error {event.errorCode}</a>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
