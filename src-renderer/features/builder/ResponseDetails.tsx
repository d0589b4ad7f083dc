/**
 * What came back from a send: status, timing, body and headers, any problem
 * explained, then its status webhooks. Its own chunk, fetched once a send starts.
 */
import { Tabs } from 'radix-ui';
import type { AppError } from '../../../src-shared/result';
import type { SendExchange } from '../../../src-shared/send-exchange';
import { ErrorExplanation } from '../../components/ErrorExplanation';
import { UrlText } from '../../components/UrlText';
import { addresseeOf, OpenOnPhoneLink } from '../emulator/OpenOnPhoneLink';
import { StatusWebhookThread } from './StatusWebhookThread';
import { TimingWaterfall } from './TimingWaterfall';

function prettyBody(exchange: SendExchange): string {
  const { response } = exchange;
  if (!response) return '';
  return response.json === undefined || response.json === null ? response.body : JSON.stringify(response.json, null, 2);
}

function ExchangeView({ exchange }: { exchange: SendExchange }) {
  const { response, problem, error } = exchange;
  return (
    <>
      <p className="response-status-line">
        {response ? (
          <span
            className={response.status < 300 ? 'status-badge status-ok' : 'status-badge status-failed'}
            data-testid="builder-response-status"
          >
            {response.status}
          </span>
        ) : (
          <span className="status-badge status-failed" data-testid="builder-response-status">
            no answer
          </span>
        )}{' '}
        <code>{exchange.request.method}</code>{' '}
        <code className="response-url">
          <UrlText url={exchange.request.url} />
        </code>
        {exchange.profileName ? <span className="muted"> · {exchange.profileName}</span> : null}
      </p>
      {problem ? (
        <ErrorExplanation
          feature="builder"
          errorKey={problem.type}
          title={problem.title}
          detail={problem.detail}
          httpStatus={response?.status}
        />
      ) : null}
      {problem && problem.invalidParameters.length > 0 ? (
        <ul className="issue-list issue-list-error">
          {problem.invalidParameters.map((parameter) => (
            <li key={parameter.name}>
              <code>{parameter.name}</code>: {parameter.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <ErrorExplanation feature="builder" errorKey={error.code} title={error.message} hint={error.hint} />
      ) : null}
      {exchange.warnings.map((warning) => (
        <ErrorExplanation
          key={warning.code}
          feature="builder"
          errorKey={warning.code}
          title={warning.message}
          hint={warning.hint}
        />
      ))}
      <TimingWaterfall timings={exchange.timings} />
      <Tabs.Root defaultValue="body" className="response-tabs">
        <Tabs.List aria-label="Response details" className="tabs-list">
          <Tabs.Trigger value="body" className="tabs-trigger">
            Body
          </Tabs.Trigger>
          <Tabs.Trigger value="headers" className="tabs-trigger">
            Headers
          </Tabs.Trigger>
          <Tabs.Trigger value="request" className="tabs-trigger">
            Request sent
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="body">
          <pre className="code-block" data-testid="builder-response-body">
            {prettyBody(exchange) || '(empty body)'}
          </pre>
        </Tabs.Content>
        <Tabs.Content value="headers">
          <dl className="facts" data-testid="builder-response-headers">
            {Object.entries(response?.headers ?? {}).map(([name, value]) => (
              <div key={name} className="facts-row">
                <dt>{name}</dt>
                <dd>{Array.isArray(value) ? value.join(', ') : value}</dd>
              </div>
            ))}
          </dl>
        </Tabs.Content>
        <Tabs.Content value="request">
          <pre className="code-block">
            {exchange.request.method} {exchange.request.url}
            {'\n'}
            {Object.entries(exchange.request.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n')}
            {'\n\n'}
            {exchange.request.body}
          </pre>
        </Tabs.Content>
      </Tabs.Root>
      {exchange.messageUuid ? (
        <OpenOnPhoneLink
          messageUuid={exchange.messageUuid}
          {...addresseeOf(exchange.request.body)}
          testId="builder-open-on-phone"
        />
      ) : null}
      {exchange.messageUuid ? <StatusWebhookThread messageUuid={exchange.messageUuid} /> : null}
    </>
  );
}

export function ResponseDetails({
  sendError,
  exchange,
}: {
  sendError: AppError | null;
  exchange: SendExchange | null;
}) {
  return (
    <>
      {sendError ? (
        <ErrorExplanation feature="builder" errorKey={sendError.code} title={sendError.message} hint={sendError.hint} />
      ) : null}
      {exchange ? <ExchangeView exchange={exchange} /> : null}
    </>
  );
}
