import { useEffect } from 'react';
import { messagesApiModelVersion } from '../../../src-shared/messages';
import { useDiagnosticsStore } from '../../stores/diagnostics-store';

/** The core's identity (app.info). */
export function AboutSection() {
  const { info, infoError, loadInfo } = useDiagnosticsStore();
  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  return (
    <section aria-labelledby="settings-about-title">
      <h3 id="settings-about-title">About this workbench</h3>
      {infoError ? (
        <p className="error" role="alert">
          {infoError.message} {infoError.hint}
        </p>
      ) : !info ? (
        <p className="muted">Loading…</p>
      ) : (
        <dl className="facts" data-testid="settings-app-info">
          <dt>Version</dt>
          <dd data-testid="settings-app-version">{info.version}</dd>
          <dt>Messages API</dt>
          <dd data-testid="settings-messages-api-version">{messagesApiModelVersion}</dd>
          <dt>Host</dt>
          <dd data-testid="settings-app-host">{info.hostKind}</dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
          <dt>Data folder</dt>
          <dd>
            <code data-testid="settings-app-data-dir">{info.dataDir}</code>
          </dd>
        </dl>
      )}
    </section>
  );
}
