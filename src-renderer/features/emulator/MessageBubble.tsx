import { lookupCode } from '../../../src-shared/errors';
import type { ConversationEntry, ConversationStatus } from '../../../src-shared/emulator-conversations';
import type { LaidOutEntry } from '../../../src-shared/phone/conversation-view';
import { PhonePartView, SuggestionChips, type OnTap } from './PhonePartView';

const ticks: Record<ConversationStatus['status'], string> = {
  submitted: '✓',
  delivered: '✓✓',
  read: '✓✓',
  rejected: '✕',
  undeliverable: '✕',
};

/** The latest status as ticks, and a failure with its explained error code. */
function StatusLine({ entry }: { entry: ConversationEntry }) {
  const last = entry.statuses.at(-1);
  if (entry.revoked)
    return (
      <p className="phone-status" data-status="revoked" data-testid="emulator-chat-status">
        revoked by the business
      </p>
    );
  if (!last)
    return (
      <p className="phone-status" data-status="accepted" data-testid="emulator-chat-status">
        accepted
      </p>
    );
  return (
    <p className="phone-status" data-status={last.status} data-testid="emulator-chat-status">
      <span aria-hidden="true" className="phone-ticks">
        {ticks[last.status]}
      </span>{' '}
      {last.status}
      {last.errorCode === undefined ? null : (
        <>
          {': '}
          <a href={`#/explain/${last.errorCode}`} data-testid="emulator-chat-error">
            {last.errorCode} {lookupCode(last.errorCode)?.title ?? ''}
          </a>
        </>
      )}
    </p>
  );
}

/** What the simulated user sent: its text, or what it tapped, or the kind of content. */
function inboundText(body: Record<string, unknown>): string {
  const type = String(body.message_type ?? 'text');
  const content = (body[type] ?? {}) as Record<string, unknown>;
  if (type === 'text') return String(body.text ?? '');
  if (type === 'reply') return String(content.title ?? content.id ?? '');
  if (type === 'button') return String(content.text ?? '');
  return `[${type}]`;
}

export function MessageBubble({ item, onTap }: { item: LaidOutEntry; onTap?: OnTap }) {
  const { entry, view, reaction } = item;
  const tap = onTap ? { onTap } : {};
  if (entry.direction === 'inbound') {
    return (
      <li
        className="phone-bubble phone-bubble-mine"
        data-testid="emulator-chat-inbound"
        data-message-uuid={entry.messageUuid}
      >
        <p className="phone-text">{inboundText(entry.body)}</p>
        {reaction ? (
          <span className="phone-reaction" data-testid="emulator-chat-reaction">
            {reaction}
          </span>
        ) : null}
        <p className="phone-status">{entry.readByBusiness ? 'read by the business' : 'sent'}</p>
      </li>
    );
  }
  const parts = view?.parts ?? [];
  return (
    <li
      className={`phone-bubble phone-bubble-theirs${entry.revoked ? ' phone-bubble-revoked' : ''}`}
      data-testid="emulator-chat-outbound"
      data-message-uuid={entry.messageUuid}
      data-type={`${view?.channel ?? ''}/${view?.messageType ?? ''}`}
    >
      {view?.contextUuid ? <p className="phone-meta">in reply to {view.contextUuid}</p> : null}
      {parts.map((part, index) => (
        <PhonePartView key={index} part={part} {...tap} />
      ))}
      <SuggestionChips chips={view?.suggestions ?? []} {...tap} />
      {reaction ? (
        <span className="phone-reaction" data-testid="emulator-chat-reaction">
          {reaction}
        </span>
      ) : null}
      <StatusLine entry={entry} />
    </li>
  );
}
