import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TunnelLossCause } from '../../../src-shared/tunnel-state';
import { useTunnelStore } from '../../stores/tunnel-store';
import { ReceiverUrls } from './ReceiverUrls';
import { TunnelSettingsForm } from './TunnelSettingsForm';
import { publicWebhookUrls } from './webhook-urls';
import { WebhookUrlList } from './WebhookUrlList';

const causeLabels: Record<TunnelLossCause, string> = {
  'client-error': 'the client reported an error',
  'client-exited': 'the client stopped',
  'open-timeout': 'the server gave no tunnel in time',
  'socket-churn': 'the server kept closing its sockets',
  'probe-failed': 'a request did not come back through it',
  'subdomain-held': 'its subdomain is still held; asking for it again',
};

/**
 * Start or stop the tunnel, the exact URLs for the dashboard, and a test webhook through the public URL.
 * `headingId` names the panel's heading, which names the popover around it.
 */
export function TunnelPanel({ headingId }: { headingId: string }) {
  const { receiver, tunnel, tunnelError, testWebhook, startTunnel, stopTunnel, sendTestWebhook } = useTunnelStore(
    useShallow((store) => ({
      receiver: store.receiver,
      tunnel: store.tunnel,
      tunnelError: store.tunnelError,
      testWebhook: store.testWebhook,
      startTunnel: store.startTunnel,
      stopTunnel: store.stopTunnel,
      sendTestWebhook: store.sendTestWebhook,
    })),
  );
  const [editingSettings, setEditingSettings] = useState(false);
  const phase = tunnel?.phase ?? 'off';
  const running = phase !== 'off' && phase !== 'failed';

  return (
    <div className="tunnel-panel" data-testid="tunnel-panel">
      <h3 id={headingId}>Tunnel</h3>
      <p>
        <span className={`tunnel-phase tunnel-phase-${phase}`} data-testid="tunnel-panel-phase" data-phase={phase}>
          {phase}
        </span>{' '}
        {tunnel?.cause && phase !== 'online' ? (
          <span className="tunnel-cause" data-testid="tunnel-panel-cause" data-cause={tunnel.cause}>
            ({causeLabels[tunnel.cause]}){' '}
          </span>
        ) : null}
        <span className="muted">{tunnel?.reason}</span>
      </p>
      {tunnel?.warning ? (
        <p className="tone tone-warn" data-testid="tunnel-panel-warning">
          {tunnel.warning}
        </p>
      ) : null}
      {tunnelError ? (
        <p className="error" role="alert" data-testid="tunnel-error">
          {tunnelError.message} {tunnelError.hint}
        </p>
      ) : null}
      <div className="tunnel-actions">
        {running ? (
          <button type="button" className="secondary" onClick={() => void stopTunnel()} data-testid="tunnel-stop">
            Stop tunnel
          </button>
        ) : (
          <button type="button" onClick={() => void startTunnel()} data-testid="tunnel-start">
            Start tunnel
          </button>
        )}
        <button
          type="button"
          className="link-button"
          onClick={() => setEditingSettings(!editingSettings)}
          aria-expanded={editingSettings}
          data-testid="tunnel-settings"
        >
          Tunnel settings
        </button>
      </div>
      {editingSettings ? <TunnelSettingsForm onSaved={() => setEditingSettings(false)} /> : null}
      {phase === 'online' && tunnel?.url && receiver ? (
        <>
          <h4>Paste into your Vonage application (Messages capability)</h4>
          <WebhookUrlList {...publicWebhookUrls(receiver, tunnel.url)} testIdPrefix="tunnel-public" />
          <button
            type="button"
            onClick={() => void sendTestWebhook()}
            disabled={testWebhook.status === 'sending'}
            data-testid="tunnel-send-test"
          >
            Send a test webhook through the tunnel
          </button>
          <output data-testid="tunnel-test-result">
            {testWebhook.status === 'sent'
              ? `Received with ${testWebhook.httpStatus} in ${Math.round(testWebhook.durationMs)} ms; see the timeline.`
              : null}
            {testWebhook.status === 'failed' ? (
              <span className="error">
                {testWebhook.error.message} {testWebhook.error.hint}
              </span>
            ) : null}
          </output>
        </>
      ) : null}
      <h4>Local receiver</h4>
      <ReceiverUrls />
    </div>
  );
}
