import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { eventKey, type ThreadEntry } from '../../../src-shared/webhook-events';
import { useTimelineStore } from '../../stores/timeline-store';
import { OpenOnPhoneLink } from '../emulator/OpenOnPhoneLink';
import { formatClockTime } from './event-format';

function sinceSend(ms: number | null): string {
  if (ms === null) return 'send time unknown';
  return ms < 1000 ? `+${Math.round(ms)} ms` : `+${(ms / 1000).toFixed(2)} s`;
}

function ThreadLine({ entry, testId, onOpen }: { entry: ThreadEntry; testId: string; onOpen(key: string): void }) {
  const { event } = entry;
  return (
    <li className="thread-line" data-testid={testId} data-event-id={event.id}>
      <span className="thread-since">{sinceSend(entry.sinceSendMs)}</span>
      <button type="button" className="link-button" onClick={() => onOpen(eventKey(event))}>
        {event.kind === 'status'
          ? (event.status ?? 'status')
          : `${event.messageType ?? 'message'} from ${event.from ?? '?'}`}
      </button>
      <span className="muted">{formatClockTime(event.receivedAt)}</span>
      {event.errorCode ? <span className="error-chip">{event.errorCode}</span> : null}
    </li>
  );
}

/** Everything about one message: the send and its answer, each status with the time since the send, and replies. */
export function MessageThreadView({ messageUuid }: { messageUuid: string }) {
  const { thread, loadThread, selectEvent, threadRevision } = useTimelineStore(
    useShallow((store) => ({
      thread: store.thread,
      loadThread: store.loadThread,
      selectEvent: store.selectEvent,
      threadRevision: store.threadRevision,
    })),
  );
  // A late status or a reply for this message reloads the thread, which is small.
  useEffect(() => {
    void loadThread(messageUuid);
  }, [messageUuid, loadThread, threadRevision]);

  if (thread.status === 'failed')
    return (
      <p className="error">
        {thread.error.message} {thread.error.hint}
      </p>
    );
  if (thread.status !== 'ready') return <p className="muted">Loading the thread…</p>;
  const { send, statuses, replies } = thread.value;
  return (
    <div className="message-thread" data-testid="timeline-thread">
      <OpenOnPhoneLink
        messageUuid={thread.value.messageUuid}
        channel={thread.value.channel}
        recipient={thread.value.recipient}
        testId="timeline-thread-open-on-phone"
      />
      <h4>Send</h4>
      {send ? (
        <p data-testid="timeline-thread-send">
          {send.request.method} {send.request.url} →{' '}
          <strong data-testid="timeline-thread-send-status">
            {send.response?.status ?? send.error?.code ?? 'no answer'}
          </strong>{' '}
          <span className="muted">at {formatClockTime(send.timings.startedAt)}</span>
        </p>
      ) : (
        <p className="muted">No send with this message_uuid in this workbench’s history.</p>
      )}
      <h4>Statuses</h4>
      {statuses.length === 0 ? <p className="muted">None yet.</p> : null}
      <ol className="thread-lines">
        {statuses.map((entry) => (
          <ThreadLine key={eventKey(entry.event)} entry={entry} testId="timeline-thread-status" onOpen={selectEvent} />
        ))}
      </ol>
      <h4>Replies</h4>
      {replies.length === 0 ? <p className="muted">None.</p> : null}
      <ol className="thread-lines">
        {replies.map((entry) => (
          <ThreadLine key={eventKey(entry.event)} entry={entry} testId="timeline-thread-reply" onOpen={selectEvent} />
        ))}
      </ol>
    </div>
  );
}
