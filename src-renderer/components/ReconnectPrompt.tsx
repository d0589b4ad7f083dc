/**
 * Shown when `workbench serve` restarted with a new access token: the open page
 * cannot learn it by itself (that is what the token is for), so the user pastes
 * the address serve printed, and the page reloads there on the same screen.
 * Drafts and events live in the core, so nothing on screen is lost.
 */
import { useState, type FormEvent } from 'react';
import { useConnectionStore } from '../stores/connection-store';

/** The address to reload at, from a pasted URL or a bare token; null when it is neither. */
export function reconnectAddress(pasted: string, current: Location): string | null {
  const text = pasted.trim();
  if (/^[A-Za-z0-9_-]{22,512}$/.test(text)) return `${current.origin}/?token=${text}${current.hash}`;
  try {
    const url = new URL(text);
    const token = url.searchParams.get('token');
    if (!/^https?:$/.test(url.protocol) || !token) return null;
    return `${url.origin}/?token=${encodeURIComponent(token)}${current.hash}`;
  } catch {
    return null;
  }
}

export function ReconnectPrompt() {
  const tokenRefused = useConnectionStore((store) => store.tokenRefused);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!tokenRefused) return null;

  const onSubmit = (submitted: FormEvent) => {
    submitted.preventDefault();
    const address = reconnectAddress(pasted, window.location);
    if (address) window.location.assign(address);
    else setProblem('Paste the whole address `workbench serve` printed, such as http://127.0.0.1:PORT/?token=…');
  };

  return (
    <form className="notice notice-warning reconnect-prompt" onSubmit={onSubmit} data-testid="reconnect-prompt">
      <p role="alert">
        <strong>The workbench restarted with a new access token.</strong> Paste the address it printed to reconnect;
        your draft and events are kept.
      </p>
      <div className="settings-row">
        <label className="visually-hidden" htmlFor="reconnect-address">
          Address printed by workbench serve
        </label>
        <input
          id="reconnect-address"
          className="reconnect-address"
          value={pasted}
          onChange={(changed) => setPasted(changed.target.value)}
          placeholder="http://127.0.0.1:PORT/?token=…"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'reconnect-problem' : undefined}
          data-testid="reconnect-address"
        />
        <button type="submit" data-testid="reconnect-submit">
          Reconnect
        </button>
      </div>
      {problem ? (
        <p id="reconnect-problem" className="settings-field-error" data-testid="reconnect-problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
