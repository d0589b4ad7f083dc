import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { defaultTunnelServer } from '../../../src-shared/settings';
import { useTunnelStore } from '../../stores/tunnel-store';

/** The tunnel server, the subdomain asked for, and auto-start; saved to settings, used by the next start. */
export function TunnelSettingsForm({ onSaved }: { onSaved(): void }) {
  const { tunnelSettings, tunnelSettingsError, loadTunnelSettings, saveTunnelSettings } = useTunnelStore(
    useShallow((store) => ({
      tunnelSettings: store.tunnelSettings,
      tunnelSettingsError: store.tunnelSettingsError,
      loadTunnelSettings: store.loadTunnelSettings,
      saveTunnelSettings: store.saveTunnelSettings,
    })),
  );
  const [server, setServer] = useState('');
  const [subdomain, setSubdomain] = useState('');
  const [autoStart, setAutoStart] = useState(false);
  useEffect(() => {
    void loadTunnelSettings();
  }, [loadTunnelSettings]);
  useEffect(() => {
    if (!tunnelSettings) return;
    setServer(tunnelSettings.server);
    setSubdomain(tunnelSettings.subdomain ?? '');
    setAutoStart(tunnelSettings.autoStart);
  }, [tunnelSettings]);

  const errorAt = (field: string) =>
    tunnelSettingsError?.path === `/tunnel/${field}` ? tunnelSettingsError : undefined;
  const serverError = errorAt('server');
  const subdomainError = errorAt('subdomain');

  return (
    <form
      className="tunnel-settings"
      aria-label="Tunnel settings"
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void saveTunnelSettings({
          server: server.trim() || defaultTunnelServer,
          subdomain: subdomain.trim() || null,
          autoStart,
        }).then((saved) => saved && onSaved());
      }}
    >
      <label>
        Tunnel server
        <input
          value={server}
          onChange={(changed) => setServer(changed.target.value)}
          placeholder={defaultTunnelServer}
          aria-invalid={serverError ? true : undefined}
          data-testid="tunnel-settings-server"
        />
      </label>
      {serverError ? (
        <span className="error" data-testid="tunnel-settings-server-error">
          {serverError.message}
        </span>
      ) : null}
      <label>
        Subdomain
        <input
          value={subdomain}
          onChange={(changed) => setSubdomain(changed.target.value)}
          placeholder="any"
          aria-invalid={subdomainError ? true : undefined}
          data-testid="tunnel-settings-subdomain"
        />
      </label>
      {subdomainError ? (
        <span className="error" data-testid="tunnel-settings-subdomain-error">
          {subdomainError.message}
        </span>
      ) : null}
      <label className="tunnel-settings-check">
        <input
          type="checkbox"
          checked={autoStart}
          onChange={(changed) => setAutoStart(changed.target.checked)}
          data-testid="tunnel-settings-auto-start"
        />
        Start the tunnel with the app
      </label>
      {tunnelSettingsError && !serverError && !subdomainError ? (
        <span className="error">{tunnelSettingsError.message}</span>
      ) : null}
      <button type="submit" data-testid="tunnel-settings-save">
        Save
      </button>
    </form>
  );
}
