import { useShallow } from 'zustand/react/shallow';
import { useEffect, useState } from 'react';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { SettingsTextField } from '../../components/SettingsTextField';
import { useTeamInboxStore } from '../../stores/team-inbox-store';
import './team-inbox.css';

const phaseText = {
  off: 'Not watching a team inbox.',
  connecting: 'Connecting…',
  live: 'Live: shared webhooks appear on the timeline as they arrive.',
  reconnecting: 'Connection lost; reconnecting. Events committed meanwhile will follow.',
} as const;

/**
 * Settings → Team inbox: the shared PostgreSQL a team's always-on receiver
 * writes to (`workbench listen --store`). The password goes to the keychain;
 * the field is write-only, and empty keeps the stored one.
 */
export function TeamInboxSection() {
  const { state, error, load, configure, forget } = useTeamInboxStore(
    useShallow((store) => ({
      state: store.state,
      error: store.error,
      load: store.load,
      configure: store.configure,
      forget: store.forget,
    })),
  );
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (state?.url) setUrl(state.url);
  }, [state?.url]);

  const save = async () => {
    setSaving(true);
    if (await configure(url.trim(), password)) setPassword('');
    setSaving(false);
  };

  return (
    <section aria-labelledby="settings-team-inbox-title" data-testid="settings-team-inbox">
      <h3 id="settings-team-inbox-title">Team inbox</h3>
      <p className="muted">
        Watch the webhooks your team&apos;s shared receiver stores in PostgreSQL, live, beside this app&apos;s own. A
        read-only role is enough.
      </p>
      <SettingsTextField
        id="settings-team-inbox-url"
        label="PostgreSQL URL"
        description="postgres://USER@HOST:PORT/DATABASE, without the password"
        placeholder="postgres://teammate@db.internal:5432/workbench"
        value={url}
        onChange={setUrl}
        {...(error?.path === '/url' ? { error: `${error.message} ${error.hint}` } : {})}
        testId="settings-team-inbox-url"
      />
      <SettingsTextField
        id="settings-team-inbox-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        description={
          state?.passwordStored
            ? 'A password is stored in the keychain; leave empty to keep it.'
            : 'Kept in the keychain.'
        }
        value={password}
        onChange={setPassword}
        testId="settings-team-inbox-password"
      />
      <button
        type="button"
        onClick={() => void save()}
        disabled={saving || url.trim() === ''}
        data-testid="settings-team-inbox-save"
      >
        Watch this team inbox
      </button>{' '}
      {state?.url ? (
        <button
          type="button"
          className="secondary"
          onClick={() => void forget()}
          data-testid="settings-team-inbox-forget"
        >
          Stop and forget
        </button>
      ) : null}
      {state ? (
        <p
          role="status"
          className="team-inbox-status"
          data-phase={state.phase}
          data-testid="settings-team-inbox-status"
        >
          {phaseText[state.phase]} {state.reason ?? ''}
        </p>
      ) : null}
      {error && error.path !== '/url' ? <SettingsErrorBanner error={error} testId="settings-team-inbox-error" /> : null}
    </section>
  );
}
