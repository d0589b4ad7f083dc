import { CopyableCode } from '../../components/CopyableCode';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useEmulatorStore } from '../../stores/emulator-store';
import { EmulatorConnectionDetails } from './EmulatorConnectionDetails';
import { nodeSdkSnippet } from './sdk-snippet';
import { UrlText } from '../../components/UrlText';

/** Whether the built-in emulator runs, what it accepts and where its webhooks go; never a secret. */
export function EmulatorStatusPanel() {
  const statusState = useEmulatorStore((store) => store.statusState);
  const status = useEmulatorStore((store) => store.status);
  const statusError = useEmulatorStore((store) => store.statusError);

  if (statusState === 'loading') {
    return (
      <p className="muted" data-testid="emulator-status-loading">
        Asking the core about the emulator…
      </p>
    );
  }
  if (!status) return statusError ? <SettingsErrorBanner error={statusError} testId="emulator-status-error" /> : null;

  const snippet = status.url ? nodeSdkSnippet(status.url, status.apiKey, status.applicationId) : '';
  return (
    <section
      className="emulator-status"
      aria-labelledby="emulator-status-title"
      data-testid="emulator-status"
      data-running={status.running}
    >
      <h3 id="emulator-status-title">
        Status{' '}
        <span
          className={status.running ? 'status-badge status-ok' : 'status-badge status-failed'}
          data-testid="emulator-running"
        >
          {status.running ? 'running' : 'not running'}
        </span>
      </h3>
      {!status.running && (
        <p className="error" role="alert">
          The built-in emulator did not start; sends without a profile will fail. The app's log says why; restart the
          app.
        </p>
      )}
      <dl className="facts">
        <dt>Base URL</dt>
        <dd>
          <code data-testid="emulator-url">{status.url ? <UrlText url={status.url} /> : '—'}</code>
        </dd>
        <dt>API key it accepts</dt>
        <dd>
          <code data-testid="emulator-api-key">{status.apiKey}</code>
        </dd>
        <dt>Application id it accepts</dt>
        <dd>
          <code data-testid="emulator-application-id">{status.applicationId}</code>
        </dd>
        <dt>Status webhooks go to</dt>
        <dd>
          <code data-testid="emulator-status-url">
            {status.statusUrl ? <UrlText url={status.statusUrl} /> : 'nowhere (the receiver is not listening)'}
          </code>
        </dd>
        <dt>Inbound webhooks go to</dt>
        <dd>
          <code data-testid="emulator-inbound-url">
            {status.inboundUrl ? <UrlText url={status.inboundUrl} /> : 'nowhere (the receiver is not listening)'}
          </code>
        </dd>
      </dl>
      <EmulatorConnectionDetails />
      <p className="muted">
        To point your own code at it, give the Vonage Node SDK its URL as <code>apiHost</code> and the credentials of
        the .env above; for credentials of your own, run <code>workbench emulator</code> with your VONAGE_* variables
        and use the URL it prints.
      </p>
      {snippet && (
        <CopyableCode
          text={snippet}
          testId="emulator-sdk-snippet"
          copyTestId="emulator-sdk-copy"
          copyLabel="Copy snippet"
        />
      )}
    </section>
  );
}
