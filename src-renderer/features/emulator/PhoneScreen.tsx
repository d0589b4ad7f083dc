import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { channelLabels, v1Channels, type V1Channel } from '../../../src-shared/messages';
import { layOutConversation } from '../../../src-shared/phone/conversation-view';
import { SettingsErrorBanner } from '../../components/SettingsErrorBanner';
import { navigate, useRoute } from '../../routes';
import { usePhoneStore } from '../../stores/phone-store';
import { MessageBubble } from './MessageBubble';
import './phone.css';

const channelFrom = (value: string | undefined): V1Channel | undefined =>
  v1Channels.find((channel) => channel === value);

/** True until the replying indicator's time is up; re-renders when it ends. */
function useUntil(until: string | undefined): boolean {
  const [, setTick] = useState(0);
  const left = until === undefined ? 0 : Date.parse(until) - Date.now();
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => setTick((tick) => tick + 1), left);
    return () => window.clearTimeout(timer);
  }, [left]);
  return left > 0;
}

/** The recipient's phone: the conversation the emulator keeps for one recipient and channel, tappable. */
export function PhoneScreen() {
  const route = useRoute();
  const [section, routeChannel, routeRecipient] = route.rest;
  const { loaded, loadError, answering, answerError, lastAnswer, show, answer, watch } = usePhoneStore(
    useShallow((store) => ({
      loaded: store.loaded,
      loadError: store.loadError,
      answering: store.answering,
      answerError: store.answerError,
      lastAnswer: store.lastAnswer,
      show: store.show,
      answer: store.answer,
      watch: store.watch,
    })),
  );
  const [draft, setDraft] = useState('');
  useEffect(() => watch(), [watch]);
  const channel = section === 'phone' ? channelFrom(routeChannel) : undefined;
  const recipient = section === 'phone' ? routeRecipient : undefined;
  useEffect(() => {
    void show(channel, recipient);
  }, [show, channel, recipient]);
  useEffect(() => {
    if (section === 'phone') document.getElementById('emulator-chat-title')?.scrollIntoView({ block: 'start' });
  }, [section]);

  const conversation = loaded?.conversation ?? null;
  const laidOut = useMemo(() => layOutConversation(conversation?.entries ?? []), [conversation]);
  const replying = useUntil(conversation?.replyingUntil);
  const lastOutbound = [...laidOut].reverse().find((item) => item.entry.direction === 'outbound');
  const current = conversation ? `${conversation.channel} ${conversation.recipient}` : '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!lastOutbound || draft.trim() === '') return;
    void answer(lastOutbound.entry.messageUuid, { kind: 'text', text: draft });
    setDraft('');
  }

  return (
    <section className="phone-screen" aria-labelledby="emulator-chat-title" data-testid="emulator-chat">
      <h3 id="emulator-chat-title">On the phone</h3>
      <p className="muted">
        What each recipient sees of the messages the emulator accepted. Taps and answers go back as signed inbound
        webhooks.
      </p>
      <label className="settings-field">
        Conversation
        <select
          value={current}
          onChange={(event) => {
            const [nextChannel = '', ...rest] = event.target.value.split(' ');
            navigate('emulator', 'phone', nextChannel, rest.join(' '));
          }}
          data-testid="emulator-chat-picker"
        >
          {conversation === null ? <option value="">No messages yet</option> : null}
          {loaded?.conversations.map((summary) => (
            <option key={`${summary.channel} ${summary.recipient}`} value={`${summary.channel} ${summary.recipient}`}>
              {channelLabels[summary.channel]} · {summary.recipient} ({summary.messages})
            </option>
          ))}
        </select>
      </label>
      {loadError ? <SettingsErrorBanner error={loadError} testId="emulator-chat-load-error" /> : null}
      {conversation ? (
        <div className="phone-frame" data-channel={conversation.channel} data-testid="emulator-chat-frame">
          <p className="phone-header">
            <strong>{conversation.business}</strong> <span className="muted">to {conversation.recipient}</span>
          </p>
          {conversation.dropped > 0 ? (
            <p className="phone-meta" data-testid="emulator-chat-dropped">
              {conversation.dropped} older messages no longer kept
            </p>
          ) : null}
          <ol className="phone-messages" aria-label={`Messages with ${conversation.recipient}`}>
            {laidOut.map((item) => (
              <MessageBubble
                key={item.entry.messageUuid}
                item={item}
                // Taps while one is posted are ignored rather than disabled, so the keyboard focus stays on the chip.
                onTap={(target) => {
                  if (answering === undefined) void answer(item.entry.messageUuid, target);
                }}
              />
            ))}
          </ol>
          {replying ? (
            <p className="phone-replying" role="status" data-testid="emulator-chat-replying">
              {conversation.business} is typing…
            </p>
          ) : null}
          {conversation.channel === 'email' ? null : (
            <form className="phone-compose" onSubmit={submit}>
              <input
                aria-label="Answer as the recipient"
                placeholder={lastOutbound ? 'Answer…' : 'Nothing to answer yet'}
                value={draft}
                disabled={!lastOutbound}
                onChange={(event) => setDraft(event.target.value)}
                data-testid="emulator-chat-input"
              />
              <button type="submit" disabled={!lastOutbound || draft.trim() === ''} data-testid="emulator-chat-send">
                Send
              </button>
            </form>
          )}
        </div>
      ) : null}
      {lastAnswer ? (
        <p role="status" className="muted" data-testid="emulator-chat-answered" data-delivered={lastAnswer.delivered}>
          Posted an inbound {lastAnswer.messageType} <code>{lastAnswer.messageUuid}</code>
          {lastAnswer.delivered ? '; the receiver accepted it.' : '; the receiver did not accept it.'}
        </p>
      ) : null}
      {answerError ? <SettingsErrorBanner error={answerError} testId="emulator-chat-answer-error" /> : null}
    </section>
  );
}
