/**
 * Awaits a webhook that satisfies a check, from the store and the live feed:
 * it subscribes first, then looks in the store for one that arrived already,
 * then takes the first matching one from the feed until the deadline. No
 * polling: a timer only bounds the wait.
 */
import type { Result } from '../../src-shared/result';
import type { EventListQuery, EventPage, WebhookEvent } from '../../src-shared/webhook-events';

export interface WebhookSource {
  list(query: EventListQuery): Promise<Result<EventPage>> | Result<EventPage>;
  /** Calls the listener with each batch of newly received events; returns the unsubscribe function. */
  subscribe(listener: (events: WebhookEvent[]) => void): () => void;
}

export interface WebhookWait {
  /** Narrows the store lookup (e.g. by messageUuid); the predicate decides. */
  query: EventListQuery;
  matches(event: WebhookEvent): boolean;
  /** Epoch ms; events received earlier do not count. */
  sinceMs: number;
  /** Epoch ms; the wait ends with null then. */
  deadlineMs: number;
}

export async function awaitWebhook(source: WebhookSource, wait: WebhookWait): Promise<WebhookEvent | null> {
  const counts = (event: WebhookEvent) => Date.parse(event.receivedAt) >= wait.sinceMs - 1 && wait.matches(event);
  let settle: (event: WebhookEvent | null) => void = () => {};
  const settled = new Promise<WebhookEvent | null>((resolve) => (settle = resolve));
  const unsubscribe = source.subscribe((events) => {
    const found = events.find(counts);
    if (found) settle(found);
  });
  const timer = setTimeout(() => settle(null), Math.max(0, wait.deadlineMs - Date.now()));
  try {
    const stored = await source.list({ ...wait.query, sinceMs: wait.sinceMs - 1, limit: 1000 });
    const found = stored.ok ? stored.value.events.find(counts) : undefined;
    if (found) settle(found);
    return await settled;
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
}

/** The text a user wrote in an inbound webhook, v1 (`text`) or v0.1 (`message.content.text`). */
export function inboundText(event: WebhookEvent): string {
  const body = event.bodyJson as { text?: unknown; message?: { content?: { text?: unknown } } } | null;
  const text = body?.text ?? body?.message?.content?.text;
  return typeof text === 'string' ? text : event.bodyText;
}
