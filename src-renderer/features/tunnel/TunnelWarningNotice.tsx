import { useTunnelStore } from '../../stores/tunnel-store';
import { publicWebhookUrls } from './webhook-urls';
import { WebhookUrlList } from './WebhookUrlList';

/**
 * The timeline's loud notice while the tunnel is online at another URL than the
 * one first given (or asked for): webhooks sent to URLs pasted earlier go nowhere.
 */
export function TunnelWarningNotice() {
  const tunnel = useTunnelStore((store) => store.tunnel);
  const receiver = useTunnelStore((store) => store.receiver);
  if (tunnel?.phase !== 'online' || !tunnel.warning || !tunnel.url) return null;
  return (
    <section
      className="notice notice-warning tunnel-warning-notice"
      role="alert"
      aria-label="Tunnel warning"
      data-testid="tunnel-warning-notice"
    >
      <strong>
        {tunnel.originalUrl ? 'The public URL changed' : 'The tunnel did not get the subdomain asked for'}
      </strong>
      <p>{tunnel.warning}</p>
      {receiver ? <WebhookUrlList {...publicWebhookUrls(receiver, tunnel.url)} testIdPrefix="tunnel-warning" /> : null}
    </section>
  );
}
