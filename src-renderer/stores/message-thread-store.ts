/**
 * The webhooks of messages the user is looking at, by message_uuid: loaded once
 * from the store (webhooks.thread), then kept current from the live feed.
 */
import { create } from 'zustand';
import type { AppError } from '../../src-shared/result';
import { eventKey, sourceOf, type WebhookEvent } from '../../src-shared/webhook-events';
import { api } from '../api';

export interface MessageThread {
  /** When the message was sent (ms), when the send is in history. */
  sentAtMs: number | null;
  /** Status webhooks and replies, in the order they arrived. */
  events: WebhookEvent[];
  loading: boolean;
  error?: AppError;
}

interface MessageThreadStore {
  threads: Record<string, MessageThread>;
  watch(messageUuid: string): Promise<void>;
}

function upsert(events: WebhookEvent[], event: WebhookEvent): WebhookEvent[] {
  const index = events.findIndex((known) => eventKey(known) === eventKey(event));
  if (index === -1) return [...events, event].sort((a, b) => a.id - b.id);
  return events.map((known, position) => (position === index ? event : known));
}

export const useMessageThreadStore = create<MessageThreadStore>()((set, get) => ({
  threads: {},
  async watch(messageUuid) {
    if (get().threads[messageUuid]) return;
    set((store) => ({ threads: { ...store.threads, [messageUuid]: { sentAtMs: null, events: [], loading: true } } }));
    const result = await api.call('webhooks.thread', { messageUuid });
    set((store) => {
      const current = store.threads[messageUuid] ?? { sentAtMs: null, events: [], loading: true };
      if (!result.ok)
        return { threads: { ...store.threads, [messageUuid]: { ...current, loading: false, error: result.error } } };
      const stored = [...result.value.statuses, ...result.value.replies].map((entry) => entry.event);
      const events = stored.reduce(upsert, current.events);
      const sentAtMs = result.value.send ? Date.parse(result.value.send.timings.startedAt) : null;
      return { threads: { ...store.threads, [messageUuid]: { sentAtMs, events, loading: false } } };
    });
  },
}));

api.on('webhooks.received', (batches) => {
  const watched = useMessageThreadStore.getState().threads;
  // The thread under a response holds what came back to this app (statuses, replies), not the call itself;
  // like webhooks.thread it reads the app's own store, so team inbox copies stay in the timeline.
  const arrived = batches
    .flatMap((batch) => batch.items.map((item) => item.event))
    .filter(
      (event) =>
        sourceOf(event) === 'local' && event.kind !== 'api-call' && event.messageUuid && watched[event.messageUuid],
    );
  if (arrived.length === 0) return;
  useMessageThreadStore.setState((store) => {
    const threads = { ...store.threads };
    for (const event of arrived) {
      const thread = threads[event.messageUuid!]!;
      threads[event.messageUuid!] = { ...thread, events: upsert(thread.events, event) };
    }
    return { threads };
  });
});
