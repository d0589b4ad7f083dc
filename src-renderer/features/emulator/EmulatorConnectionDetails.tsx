import { useState } from 'react';
import type { AppError } from '../../../src-shared/result';
import { api } from '../../api';
import { CopyableCode } from '../../components/CopyableCode';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useEmulatorStore } from '../../stores/emulator-store';

/**
 * A `.env` for the user's own app, fetched only when asked for: the emulator's
 * credentials open this local emulator and nothing else, and they stay the
 * same across restarts until the user chooses new ones here.
 */
export function EmulatorConnectionDetails() {
  const status = useEmulatorStore((store) => store.status);
  const replaceStatus = useEmulatorStore((store) => store.replaceStatus);
  const [env, setEnv] = useState<string>();
  const [error, setError] = useState<AppError>();
  const [confirmingRenewal, setConfirmingRenewal] = useState(false);
  const [renewedAt, setRenewedAt] = useState<string>();
  if (!status?.running) return null;

  const showEnv = async () => {
    const result = await api.call('emulator.connectionDetails', {});
    if (result.ok) setEnv(result.value.env);
    setError(result.ok ? undefined : result.error);
  };
  const renew = async () => {
    setConfirmingRenewal(false);
    const result = await api.call('emulator.renewCredentials', {});
    setError(result.ok ? undefined : result.error);
    if (!result.ok) return;
    replaceStatus(result.value);
    setRenewedAt(new Date().toLocaleTimeString());
    if (env !== undefined) await showEnv();
  };

  return (
    <section aria-labelledby="emulator-connection-title" data-testid="emulator-connection">
      <h3 id="emulator-connection-title">Use it from your own app</h3>
      <p className="muted">
        {status.credentialsPersistent
          ? 'Its URL and credentials stay the same when the app restarts, so a .env written once keeps working. They open this local emulator only; Vonage never accepts them.'
          : status.credentialsNotice}
      </p>
      <div className="tunnel-actions">
        {env === undefined && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => void showEnv()}
            data-testid="emulator-env-show"
          >
            Show .env
          </button>
        )}
        {confirmingRenewal ? (
          <>
            <span>Code using the current credentials will be refused.</span>
            <button
              type="button"
              className="button-danger"
              onClick={() => void renew()}
              data-testid="emulator-renew-confirm"
            >
              Make new credentials
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirmingRenewal(false)}>
              Keep these
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setConfirmingRenewal(true)}
            data-testid="emulator-renew"
          >
            New credentials…
          </button>
        )}
      </div>
      {renewedAt && (
        <p role="status" data-testid="emulator-renewed">
          New credentials since {renewedAt}; update the .env of your app.
        </p>
      )}
      {error && <SettingsErrorBanner error={error} testId="emulator-connection-error" />}
      {env !== undefined && (
        <CopyableCode text={env} testId="emulator-env" copyTestId="emulator-env-copy" copyLabel="Copy .env" />
      )}
    </section>
  );
}
