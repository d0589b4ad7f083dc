import { useTunnelStore } from '../../stores/tunnel-store';
import { WebhookUrlList } from './WebhookUrlList';

/** Where the local webhook receiver listens, for apps and emulators on this machine. */
export function ReceiverUrls() {
  const receiver = useTunnelStore((store) => store.receiver);
  const receiverError = useTunnelStore((store) => store.receiverError);
  if (receiverError)
    return (
      <p className="error">
        {receiverError.message} {receiverError.hint}
      </p>
    );
  if (!receiver) return null;
  return <WebhookUrlList inboundUrl={receiver.inboundUrl} statusUrl={receiver.statusUrl} testIdPrefix="tunnel-local" />;
}
