import { useEffect, type FormEvent } from 'react';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { useJwtStore } from '../../stores/jwt-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { JwtInspectionView } from './JwtInspectionView';
import './jwt.css';

/** Paste a token: see its header, claims and expiry, and whether a profile's key signed it. */
export function JwtPage() {
  const { token, profileId, status, inspection, error, setToken, chooseProfile, inspectToken, clearToken } =
    useJwtStore();
  const { profiles, loadProfiles } = useProfilesStore();

  useEffect(() => {
    void loadProfiles();
  }, [loadProfiles]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void inspectToken();
  }

  return (
    <section className="page" aria-labelledby="jwt-title">
      <h1 id="jwt-title">JWT inspector</h1>
      <p className="muted">
        Decodes a token and, with a profile, checks its signature against that profile's private key or signature
        secret. The key stays in the core.
      </p>
      <form className="jwt-form" onSubmit={submit}>
        <div className="settings-field">
          <label htmlFor="jwt-token">Token</label>
          <textarea
            id="jwt-token"
            rows={5}
            value={token}
            placeholder="eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9…"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setToken(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl+Enter inspects from inside the text area, where Enter adds a line.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
            }}
            aria-describedby="jwt-token-description"
            data-testid="jwt-token"
          />
          <p id="jwt-token-description" className="settings-field-description">
            A "Bearer " prefix is ignored. Ctrl+Enter inspects.
          </p>
        </div>
        <div className="settings-field">
          <label htmlFor="jwt-profile">Check the signature with</label>
          <select
            id="jwt-profile"
            value={profileId}
            onChange={(event) => chooseProfile(event.target.value)}
            data-testid="jwt-profile"
          >
            <option value="">No profile (decode only)</option>
            {profiles.map((profile) => {
              const hasKey = profile.secrets.privateKey.isSet || profile.secrets.signatureSecret.isSet;
              return (
                <option key={profile.id} value={profile.id} disabled={!hasKey}>
                  {hasKey ? profile.name : `${profile.name} (no key or signature secret)`}
                </option>
              );
            })}
          </select>
        </div>
        <div className="settings-row">
          <button type="submit" disabled={status === 'inspecting'} data-testid="jwt-inspect">
            Inspect
          </button>
          <button type="button" className="button-secondary" onClick={clearToken} data-testid="jwt-clear">
            Clear
          </button>
        </div>
      </form>
      {error && <SettingsErrorBanner error={error} testId="jwt-error" />}
      {inspection && <JwtInspectionView inspection={inspection} />}
    </section>
  );
}
