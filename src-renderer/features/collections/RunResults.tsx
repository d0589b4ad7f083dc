import type { RequestOutcome } from '../../../src-shared/collections';
import { useCollectionsStore } from '../../stores/collections-store';

function OutcomeItem({ outcome }: { outcome: RequestOutcome }) {
  return (
    <li data-testid="collections-result" data-verdict={outcome.verdict} data-path={outcome.path}>
      <strong
        className={
          outcome.verdict === 'passed' ? 'status-ok' : outcome.verdict === 'failed' ? 'status-failed' : 'muted'
        }
      >
        {outcome.verdict}
      </strong>{' '}
      {outcome.name}{' '}
      <span className="muted">
        {outcome.status ?? '—'} · {Math.round(outcome.durationMs)} ms
      </span>
      {outcome.error && (
        <p className="error" data-testid="collections-result-error">
          {outcome.error.code}: {outcome.error.message} {outcome.error.hint}
        </p>
      )}
      <ul>
        {outcome.assertions.map((assertion, index) => (
          <li key={index} data-testid="collections-assertion" data-passed={assertion.passed}>
            {assertion.passed ? '✓' : '✗'} {assertion.label} <span className="muted">({assertion.detail})</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The run under way (request by request as they finish), then the last run's report and recent runs. */
export function RunResults() {
  const running = useCollectionsStore((store) => store.running);
  const lastRun = useCollectionsStore((store) => store.lastRun);
  const runs = useCollectionsStore((store) => store.runs);
  const outcomes = running?.progress ?? lastRun?.requests ?? [];
  if (!running && !lastRun) return null;
  return (
    <section aria-labelledby="collections-run-title" data-testid="collections-run-results">
      <h3 id="collections-run-title" className="pane-title">
        {running ? `Running ${running.path || 'the collection'}…` : `Run of ${lastRun!.path || 'the collection'}: `}
        {!running && <span data-testid="collections-run-verdict">{lastRun!.passed ? 'passed' : 'failed'}</span>}
      </h3>
      <ul className="collections-results">
        {outcomes.map((outcome) => (
          <OutcomeItem key={outcome.path} outcome={outcome} />
        ))}
        {!running &&
          lastRun!.unreadable.map((file) => (
            <li key={file.path} data-testid="collections-result" data-verdict="unreadable" data-path={file.path}>
              <strong className="status-failed">unreadable</strong> {file.path}{' '}
              <span className="muted">({file.reason}; it did not run)</span>
            </li>
          ))}
      </ul>
      {runs.length > 1 && (
        <details>
          <summary>Earlier runs</summary>
          <ul data-testid="collections-run-history">
            {runs.map((run) => (
              <li key={run.id}>
                {new Date(run.startedAt).toLocaleString()} · {run.path || 'whole collection'} ·{' '}
                {run.passed ? 'passed' : 'failed'} ({run.counts.passed} passed, {run.counts.failed} failed,{' '}
                {run.counts.skipped} skipped) · {run.target}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
