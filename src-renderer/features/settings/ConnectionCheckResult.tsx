import type { ConnectionCheck } from '../../stores/profiles-store';

const verdictLabels = {
  accepted: 'Credentials accepted',
  refused: 'Credentials refused',
  unreachable: 'Unreachable',
  unexpected: 'Unexpected answer',
} as const;

const authLabels = { jwt: 'JWT', basic: 'Basic auth', none: 'no credentials' } as const;

/** The outcome of the last "test connection", announced when it arrives. */
export function ConnectionCheckResult({ check }: { check: ConnectionCheck }) {
  return (
    <div
      className="settings-connection"
      role="status"
      data-testid="settings-connection-result"
      data-status={check.status}
      data-verdict={check.status === 'tested' ? check.result.verdict : undefined}
    >
      {check.status === 'testing' && <p>Testing {check.profileName}…</p>}
      {check.status === 'tested' && (
        <>
          <p className={`settings-verdict settings-verdict-${check.result.verdict}`}>
            {check.profileName}: {verdictLabels[check.result.verdict]}
          </p>
          <p className="muted" data-testid="settings-connection-detail">
            {check.result.detail} With {authLabels[check.result.auth]}, POST <code>{check.result.url}</code> in{' '}
            {Math.round(check.result.totalMs)} ms.
          </p>
        </>
      )}
      {check.status === 'failed' && (
        <>
          <p className="settings-verdict settings-verdict-refused">{check.profileName}: could not test</p>
          <p className="muted" data-testid="settings-connection-detail">
            {check.error.message} {check.error.hint}
          </p>
        </>
      )}
    </div>
  );
}
