import { Tooltip } from 'radix-ui';
import { TunnelStatusItem } from '../features/tunnel/TunnelStatusItem';
import { useConnectionStore } from '../stores/connection-store';
import { StartupNotices } from './StartupNotices';

const stateLabels = { connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…' } as const;
const hostLabels = { electron: 'Desktop app', browser: 'Browser host', headless: 'Headless' } as const;

export function StatusBar() {
  const { hostKind, state, tokenRefused } = useConnectionStore();
  return (
    <footer className="status-bar" role="status">
      <Tooltip.Provider delayDuration={300}>
        <Tooltip.Root>
          <Tooltip.Trigger asChild>
            <span className="status-item" tabIndex={0} data-testid="statusbar-host">
              {hostLabels[hostKind]}
            </span>
          </Tooltip.Trigger>
          <Tooltip.Portal>
            <Tooltip.Content className="tooltip" side="top">
              {hostKind === 'browser' ? (
                <>
                  Served by <code>workbench serve</code> over a local WebSocket
                </>
              ) : (
                'Running in the desktop window'
              )}
            </Tooltip.Content>
          </Tooltip.Portal>
        </Tooltip.Root>
      </Tooltip.Provider>
      <span
        className={`status-item connection connection-${state}`}
        data-testid="statusbar-connection"
        data-state={state}
      >
        <span className="connection-dot" aria-hidden="true" />
        {tokenRefused ? 'Access token changed' : stateLabels[state]}
      </span>
      <TunnelStatusItem />
      <StartupNotices />
    </footer>
  );
}
