import type { ReceiverAddress } from '../../stores/tunnel-store';

/** The receiver's inbound and status URLs moved onto the tunnel's public origin, as the dashboard needs them. */
export function publicWebhookUrls(
  receiver: ReceiverAddress,
  publicUrl: string,
): { inboundUrl: string; statusUrl: string } {
  const origin = publicUrl.replace(/\/$/, '');
  return {
    inboundUrl: origin + new URL(receiver.inboundUrl).pathname,
    statusUrl: origin + new URL(receiver.statusUrl).pathname,
  };
}
