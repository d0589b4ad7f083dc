import { CopyButton } from '../../components/CopyButton';
import { UrlText } from '../../components/UrlText';

interface WebhookUrlListProps {
  inboundUrl: string;
  statusUrl: string;
  /** Test-id prefix, e.g. `tunnel-public` gives `tunnel-public-inbound-url`. */
  testIdPrefix: string;
}

/** The two URLs to paste into the Vonage application's Messages capability, each with a copy button. */
export function WebhookUrlList({ inboundUrl, statusUrl, testIdPrefix }: WebhookUrlListProps) {
  return (
    <dl className="facts webhook-urls">
      <dt>Inbound URL</dt>
      <dd>
        <code data-testid={`${testIdPrefix}-inbound-url`}>
          <UrlText url={inboundUrl} />
        </code>{' '}
        <CopyButton text={inboundUrl} label="inbound URL" testId={`${testIdPrefix}-copy-inbound`} />
      </dd>
      <dt>Status URL</dt>
      <dd>
        <code data-testid={`${testIdPrefix}-status-url`}>
          <UrlText url={statusUrl} />
        </code>{' '}
        <CopyButton text={statusUrl} label="status URL" testId={`${testIdPrefix}-copy-status`} />
      </dd>
    </dl>
  );
}
