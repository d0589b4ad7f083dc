/** The answer to the last send: status, timing, body and headers, any problem explained, then its status webhooks. */
import { Tabs } from 'radix-ui';
import { useEffect, useRef } from 'react';
import type { SendExchange } from '../../../src-shared/send-exchange';
import { useBuilderStore } from '../../stores/builder-store';
import { ErrorExplanation } from '../../components/ErrorExplanation';
import { addresseeOf, OpenOnPhoneLink } from '../emulator/OpenOnPhoneLink';
import { StatusWebhookThread } from './StatusWebhookThread';
import { TimingWaterfall } from './TimingWaterfall';
import { UrlText } from '../../components/UrlText';

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

export function ResponsePane() {
  const sendStatus = useBuilderStore((store) => store.sendStatus);
  const exchange = useBuilderStore((store) => store.exchange);
  const sendError = useBuilderStore((store) => store.sendError);
  const pane = useRef<HTMLElement>(null);
  const previousStatus = useRef(sendStatus);
  useEffect(() => {
    const answered = previousStatus.current === 'sending' && sendStatus !== 'sending';
    previousStatus.current = sendStatus;
    const box = pane.current?.getBoundingClientRect();
    // Below the request on a laptop screen: a send the user just made brings its answer into view.
    if (answered && box && (box.top < 0 || box.top > window.innerHeight / 2))
      pane.current?.scrollIntoView({ block: 'start' });
  }, [sendStatus]);
  return (
    <section
      ref={pane}
      className="response-pane"
      aria-label="Response"
      aria-busy={sendStatus === 'sending'}
      data-testid="builder-response"
      data-status={sendStatus}
    >
      <h2 className="pane-title">Response</h2>
      {sendStatus === 'sending' ? (
        <p className="muted" role="status">
          Sending…
        </p>
      ) : null}
      {sendStatus === 'idle' ? (
        <p className="muted" data-testid="builder-response-empty">
          Nothing sent yet. Press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac) to send; the
          answer and its timing appear here.
        </p>
      ) : null}
      {sendError && sendStatus !== 'sending' ? (
        <ErrorExplanation feature="builder" errorKey={sendError.code} title={sendError.message} hint={sendError.hint} />
      ) : null}
      {exchange && sendStatus !== 'sending' ? <ExchangeView exchange={exchange} /> : null}
    </section>
  );
}
