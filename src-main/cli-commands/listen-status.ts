/** `workbench listen`'s status lines on stderr, and how the tunnel's changes read there. */
import type { TunnelState } from '../../src-shared/tunnel-state';
import { defaultWebhookPaths } from '../webhooks';

export const listenStatus = (line: string) => process.stderr.write(`workbench: ${line}\n`);

/** Each tunnel change as a status line; a changed public URL as a warning, once per change. */
export function tunnelReporter(): (state: TunnelState) => void {
  let lastWarning: string | undefined;
  return (state) => {
    listenStatus(`tunnel ${state.phase}: ${state.reason}`);
    // Impossible to miss: the URLs pasted into the dashboard no longer work.
    if (state.warning && state.warning !== lastWarning) listenStatus(`WARNING: ${state.warning}`);
    if (state.phase === 'online') lastWarning = state.warning;
    if (state.phase === 'online' && state.url) {
      listenStatus(`public inbound URL ${state.url}${defaultWebhookPaths.inbound}`);
      listenStatus(`public status URL  ${state.url}${defaultWebhookPaths.status}`);
    }
  };
}
