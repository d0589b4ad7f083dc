import type { EmulatorEvent } from '../../../src-shared/emulator-events';

const timeOf = (at: string) => new Date(at).toLocaleTimeString();

function statusClass(status: number | undefined): string {
  if (status === undefined) return 'status-badge status-failed';
  return status >= 200 && status < 300 ? 'status-badge status-ok' : 'status-badge status-failed';
}

/** One API call the emulator answered, or one webhook attempt it made; the exact bytes open on demand. */
export function ActivityRow({ event, highlighted }: { event: EmulatorEvent; highlighted: boolean }) {
  const common = {
    className: highlighted ? 'emulator-activity-row is-highlighted' : 'emulator-activity-row',
    'data-testid': 'emulator-activity-row',
    'data-message-uuid': event.messageUuid,
    'data-highlighted': highlighted,
  };
  if (event.kind === 'emulator.request') {
    return (
      <li {...common} data-kind="request" data-status={event.status}>
        <details>
          <summary>
            <span className="muted">{timeOf(event.at)}</span>{' '}
            <span className={statusClass(event.status)}>{event.status}</span>{' '}
            <code>
              {event.method} {event.path}
            </code>{' '}
            <span className="muted">
              {event.auth} · {Math.round(event.durationMs)} ms
            </span>
            {event.scenarioRules.length > 0 && (
              <span className="emulator-activity-rules"> rules: {event.scenarioRules.join(', ')}</span>
            )}
            {event.messageUuid && <code className="emulator-activity-uuid"> {event.messageUuid}</code>}
          </summary>
          <p className="muted">Request</p>
          <pre className="code-block">{event.requestBody || '(empty)'}</pre>
          <p className="muted">Answer</p>
          <pre className="code-block">{event.responseBody || '(empty)'}</pre>
        </details>
      </li>
    );
  }
  return (
    <li
      {...common}
      data-kind="webhook"
      data-target={event.target}
      data-label={event.label}
      data-attempt={event.attempt}
      data-status={event.responseStatus ?? 'none'}
    >
      <details>
        <summary>
          <span className="muted">{timeOf(event.at)}</span> <span className="emulator-activity-arrow">↳</span>{' '}
          {event.target} webhook <span className={`status-chip status-${event.label}`}>{event.label}</span>{' '}
          <span className="muted">{event.version}</span> attempt {event.attempt} →{' '}
          <span className={statusClass(event.responseStatus)}>
            {event.responseStatus ?? event.error ?? 'no answer'}
          </span>
          {event.retryInMs !== undefined && <span className="muted"> · retry in {Math.round(event.retryInMs)} ms</span>}
          {event.signatureFault && <span className="error"> · signed badly ({event.signatureFault})</span>}
          <code className="emulator-activity-uuid"> {event.messageUuid}</code>
        </summary>
        <p className="muted">
          To <code>{event.url}</code> in {Math.round(event.durationMs)} ms
        </p>
        <pre className="code-block">{event.body}</pre>
        {event.responseBody && (
          <>
            <p className="muted">Receiver's answer</p>
            <pre className="code-block">{event.responseBody}</pre>
          </>
        )}
      </details>
    </li>
  );
}
