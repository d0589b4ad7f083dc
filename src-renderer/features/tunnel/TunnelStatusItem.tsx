import { Popover } from 'radix-ui';
import { useEffect, useId } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { useConnectionStore } from '../../stores/connection-store';
import { useTunnelStore } from '../../stores/tunnel-store';
import { TunnelPanel } from './TunnelPanel';
import './tunnel.css';

const phaseLabels = {
  off: 'Tunnel off',
  connecting: 'Tunnel connecting…',
  online: 'Tunnel online',
  reconnecting: 'Tunnel reconnecting…',
  failed: 'Tunnel failed',
} as const;

function withoutPath(url: string): string {
  return url.slice(0, url.length - new URL(url).pathname.length);
}

/** The status bar's receiver URL and tunnel state; the tunnel state opens the tunnel panel. */
export function TunnelStatusItem() {
  const receiver = useTunnelStore((store) => store.receiver);
  const tunnel = useTunnelStore((store) => store.tunnel);
  const panelHeadingId = useId();
  const loadReceiverAndTunnel = useTunnelStore((store) => store.loadReceiverAndTunnel);
  const connected = useConnectionStore((store) => store.state === 'connected');
  // Asked again after every reconnect: a restarted core may listen on other ports.
  useEffect(() => {
    if (connected) void loadReceiverAndTunnel();
  }, [connected, loadReceiverAndTunnel]);
  const phase = tunnel?.phase ?? 'off';

  return (
    <>
      {receiver ? (
        <span className="status-item tunnel-receiver-urls" data-testid="tunnel-receiver">
          {/* Whole URLs, as the dashboard wants them pasted; the receiver's base is the part before each path. */}
          <span className="tunnel-receiver-url">
            Inbound{' '}
            <code data-testid="tunnel-receiver-inbound-url">
              <span data-testid="tunnel-receiver-url">{receiver.url}</span>
              <span data-testid="tunnel-receiver-inbound-path">{new URL(receiver.inboundUrl).pathname}</span>
            </code>
            <CopyButton text={receiver.inboundUrl} label="inbound URL" testId="tunnel-copy-inbound" />
          </span>
          <span className="tunnel-receiver-url">
            Status{' '}
            <code data-testid="tunnel-receiver-status-url">
              {withoutPath(receiver.statusUrl)}
              <span data-testid="tunnel-receiver-status-path">{new URL(receiver.statusUrl).pathname}</span>
            </code>
            <CopyButton text={receiver.statusUrl} label="status URL" testId="tunnel-copy-status" />
          </span>
        </span>
      ) : null}
      <Popover.Root>
        <Popover.Trigger asChild>
          <button
            type="button"
            className={`status-item status-button tunnel-phase-${phase}`}
            data-testid="tunnel-status"
            data-phase={phase}
            data-cause={tunnel?.cause}
            title={tunnel?.reason}
          >
            <span className="connection-dot" aria-hidden="true" />
            {phaseLabels[phase]}
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            className="popover tunnel-popover"
            side="top"
            align="start"
            sideOffset={6}
            aria-labelledby={panelHeadingId}
          >
            <TunnelPanel headingId={panelHeadingId} />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {phase === 'online' && tunnel?.url ? (
        <span className="status-item">
          <code data-testid="tunnel-public-url">{tunnel.url}</code>
          <CopyButton text={tunnel.url} label="public URL" testId="tunnel-copy-public" />
        </span>
      ) : null}
      {phase === 'online' && tunnel?.warning ? (
        <span className="status-item tunnel-warning" role="alert" title={tunnel.warning} data-testid="tunnel-warning">
          <span aria-hidden="true">⚠ </span>
          {tunnel.originalUrl ? 'Public URL changed: update the dashboard' : 'Subdomain not granted'}
        </span>
      ) : null}
    </>
  );
}
