import { Tabs } from 'radix-ui';
import { useShallow } from 'zustand/react/shallow';
import { eventKey, sourceOf, type WebhookEvent } from '../../../src-shared/webhook-events';
import { CopyButton } from '../../components/CopyButton';
import { ErrorExplanation } from '../../components/ErrorExplanation';
import { navigate } from '../../routes';
import { useTimelineStore } from '../../stores/timeline-store';
import { useTunnelStore } from '../../stores/tunnel-store';
import { eventAsCurl } from './event-curl';
import { verdictLabels } from './event-labels';
import { errorEntryOf, formatBytes, isFailedApiCall, verdictTone } from './event-format';
import { EventBodyView } from './EventBodyView';
import { EventFacts } from './EventFacts';
import { MessageThreadView } from './MessageThreadView';
import { ReplayForm } from './ReplayForm';
import { SourceLabel } from './TimelineRow';

function HeaderTable({ event }: { event: WebhookEvent }) {
  return (
    <table className="header-table" data-testid="timeline-detail-headers">
      <tbody>
        <tr>
          <th scope="row">request</th>
          <td>
            <code>
              {event.method} {event.path}
              {event.query ? `?${event.query}` : ''}
            </code>
          </td>
        </tr>
        {Object.entries(event.headers).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Everything about the selected event: verdict, parse problems, forward answer, body, headers, thread, actions. */
export function EventDetailPanel() {
  const { event, closeDetail } = useTimelineStore(
    useShallow((store) => ({ event: store.selectedEvent, closeDetail: store.closeDetail })),
  );
  const receiverUrl = useTunnelStore((store) => store.receiver?.url);
  if (!event) return null;
  // A team event's forward went to the teammate it belongs to, which need not be this user's app.
  const replayTarget = event.source === 'team' ? '' : (event.forward?.url ?? '');
  const failedCall = isFailedApiCall(event);

  return (
    <aside
      className="event-detail"
      aria-label={`Event ${event.id}`}
      data-testid="timeline-detail"
      data-event-id={event.id}
      data-source={sourceOf(event)}
    >
      <header className="event-detail-header">
        <h3>
          {event.kind} {event.status ?? event.messageType ?? ''} <span className="muted">#{event.id}</span>
        </h3>
        <SourceLabel event={event} />
        <span
          className={`tone tone-${verdictTone(event.verdict)}`}
          data-testid="timeline-detail-verdict"
          data-verdict={event.verdict}
        >
          {verdictLabels[event.verdict]}
        </span>
        <button
          type="button"
          className="secondary"
          onClick={closeDetail}
          aria-label="Close detail (Escape)"
          data-testid="timeline-detail-close"
        >
          Close
        </button>
      </header>
      {failedCall ? (
        <ErrorExplanation
          feature="timeline"
          errorKey={event.errorCode ?? String(event.answerStatus)}
          title={`${event.answerStatus} ${errorEntryOf(event)?.title ?? 'Refused'}`}
          httpStatus={event.answerStatus}
        />
      ) : null}
      <EventFacts event={event} />
      <div className="event-actions">
        {receiverUrl ? (
          <CopyButton
            text={eventAsCurl(event, receiverUrl)}
            label="as cURL"
            caption="Copy as cURL"
            testId="timeline-copy-curl"
          />
        ) : null}
        {event.errorCode && !failedCall ? (
          <button
            type="button"
            className="secondary"
            onClick={() => navigate('explain', event.errorCode!)}
            data-testid="timeline-explain-error"
          >
            Explain error {event.errorCode}
          </button>
        ) : null}
      </div>
      <ReplayForm key={eventKey(event)} event={event} defaultUrl={replayTarget} />
      <Tabs.Root className="event-tabs" defaultValue={event.bodyJson === undefined ? 'raw' : 'pretty'}>
        <Tabs.List aria-label="Event views">
          <Tabs.Trigger value="pretty" data-testid="timeline-tab-pretty">
            Pretty
          </Tabs.Trigger>
          <Tabs.Trigger value="raw" data-testid="timeline-tab-raw">
            Raw ({formatBytes(event.bodySize)})
          </Tabs.Trigger>
          <Tabs.Trigger value="headers" data-testid="timeline-tab-headers">
            Headers
          </Tabs.Trigger>
          {event.messageUuid ? (
            <Tabs.Trigger value="thread" data-testid="timeline-tab-thread">
              Thread
            </Tabs.Trigger>
          ) : null}
        </Tabs.List>
        <Tabs.Content value="pretty">
          <EventBodyView key={eventKey(event)} event={event} mode="pretty" />
        </Tabs.Content>
        <Tabs.Content value="raw">
          <EventBodyView key={eventKey(event)} event={event} mode="raw" />
        </Tabs.Content>
        <Tabs.Content value="headers">
          <HeaderTable event={event} />
        </Tabs.Content>
        {event.messageUuid ? (
          <Tabs.Content value="thread">
            <MessageThreadView messageUuid={event.messageUuid} />
          </Tabs.Content>
        ) : null}
      </Tabs.Root>
    </aside>
  );
}
