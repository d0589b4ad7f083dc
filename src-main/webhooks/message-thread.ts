/**
 * Correlation: everything the receiver saw about one sent message. Status
 * webhooks are tied to the send by message_uuid; replies are inbound webhooks
 * from the recipient on the same channel after the send. The send itself (the
 * request and its 202) lives in send history; the core joins the two.
 */
import type { EventStore } from './event-store-interface';
import type { WebhookEvent } from './event-types';

export interface ThreadQuery {
  messageUuid: string;
  /** When the message was sent (ms since epoch). Without it, times are not given and replies count from the first status. */
  sentAtMs?: number;
  /** Who the message went to; default: the `to` of its status webhooks. */
  recipient?: string;
  /** The message's channel; default: the `channel` of its status webhooks. */
  channel?: string;
}

export interface ThreadEntry {
  event: WebhookEvent;
  /** Milliseconds from the send to this webhook; null when the send time is unknown. */
  sinceSendMs: number | null;
}

export interface MessageThread {
  messageUuid: string;
  recipient: string | null;
  channel: string | null;
  /** Status webhooks for this message, in the order they arrived. */
  statuses: ThreadEntry[];
  /** Inbound webhooks from the recipient on the same channel since the send, in order. */
  replies: ThreadEntry[];
}

export async function buildMessageThread(
  store: Pick<EventStore, 'eventsForMessage' | 'inboundFrom'>,
  query: ThreadQuery,
): Promise<MessageThread> {
  const related = await store.eventsForMessage(query.messageUuid);
  const statuses = related.filter((event) => event.kind === 'status');
  const recipient = query.recipient ?? statuses.find((event) => event.to !== null)?.to ?? null;
  const channel = query.channel ?? statuses.find((event) => event.channel !== null)?.channel ?? null;
  const firstStatusMs = statuses[0] ? Date.parse(statuses[0].receivedAt) : undefined;
  const repliesSinceMs = query.sentAtMs ?? firstStatusMs;

  const entry = (event: WebhookEvent): ThreadEntry => ({
    event,
    sinceSendMs: query.sentAtMs === undefined ? null : Date.parse(event.receivedAt) - query.sentAtMs,
  });
  const replies =
    recipient !== null && channel !== null && repliesSinceMs !== undefined
      ? await store.inboundFrom(channel, recipient, repliesSinceMs)
      : [];
  return {
    messageUuid: query.messageUuid,
    recipient,
    channel,
    statuses: statuses.map(entry),
    replies: replies.map(entry),
  };
}
