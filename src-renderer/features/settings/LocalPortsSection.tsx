import { useEffect, useState } from 'react';
import { defaultLocalPorts } from '../../../src-shared/settings';
import type { AppError } from '../../../src-shared/result';
import { api } from '../../api';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { SettingsTextField } from '../../components/SettingsTextField';

type PortField = 'webhooks' | 'emulator';
const labels: Record<PortField, string> = { webhooks: 'Webhook receiver port', emulator: 'Built-in emulator port' };

/** A port as typed: a whole number from 0 to 65535, or a message naming what is wrong. */
function readPort(text: string): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return 'a whole number from 0 to 65535';
  const port = Number(trimmed);
  return port <= 65535 ? port : 'at most 65535';
}

/**
 * The fixed ports of the receiver and the built-in emulator, so the URLs the
 * user pastes into a dashboard or an `.env` stay true from one start to the next.
 */
export function LocalPortsSection() {
  const [text, setText] = useState<Record<PortField, string>>({ webhooks: '', emulator: '' });
  const [error, setError] = useState<AppError>();
  const [savedAt, setSavedAt] = useState<string>();
  useEffect(() => {
    void api.call('settings.get', {}).then((result) => {
      if (!result.ok) return setError(result.error);
      setText({ webhooks: String(result.value.ports.webhooks), emulator: String(result.value.ports.emulator) });
    });
  }, []);

  const parsed = { webhooks: readPort(text.webhooks), emulator: readPort(text.emulator) };
  const problems = (Object.keys(parsed) as PortField[]).filter((field) => typeof parsed[field] === 'string');
  const save = async () => {
    if (problems.length > 0 || typeof parsed.webhooks !== 'number' || typeof parsed.emulator !== 'number') return;
    const result = await api.call('settings.update', {
      ports: { webhooks: parsed.webhooks, emulator: parsed.emulator },
    });
    setError(result.ok ? undefined : result.error);
    if (result.ok) setSavedAt(new Date().toLocaleTimeString());
  };

  return (
    <section aria-labelledby="settings-ports-title" data-testid="settings-ports">
      <h3 id="settings-ports-title">Local ports</h3>
      <p className="muted">
        The receiver listens on {defaultLocalPorts.webhooks} and the emulator on {defaultLocalPorts.emulator} unless you
        choose others; 0 picks a free port at each start (URLs then change). A change takes effect at the next start.
        When a port is taken, the app uses a free one for that run and says so in the status bar.
      </p>
      {(Object.keys(labels) as PortField[]).map((field) => (
        <SettingsTextField
          key={field}
          id={`settings-port-${field}`}
          label={labels[field]}
          value={text[field]}
          inputMode="numeric"
          onChange={(value) => {
            setText((current) => ({ ...current, [field]: value }));
            setSavedAt(undefined);
          }}
          {...(typeof parsed[field] === 'string' && text[field] !== ''
            ? { error: `${labels[field]}: ${parsed[field]}` }
            : {})}
          testId={`settings-port-${field}`}
        />
      ))}
      <button
        type="button"
        onClick={() => void save()}
        disabled={problems.length > 0}
        data-testid="settings-ports-save"
      >
        Save ports
      </button>
      {savedAt && (
        <p role="status" data-testid="settings-ports-saved">
          Saved at {savedAt}; restart the app to listen on them.
        </p>
      )}
      {error && <SettingsErrorBanner error={error} testId="settings-ports-error" />}
    </section>
  );
}
