/**
 * Routing in a team inbox: each webhook belongs to the teammate it concerns,
 * and the receiver forwards it to that teammate's own app or tunnel, so each
 * developer's code receives only its own traffic.
 *
 * - A status webhook belongs to whoever sent the message: matched by its
 *   message_uuid, else by its client_ref (the newest send that used it).
 * - An inbound message belongs to whoever last wrote to the number it comes from.
 *
 * Sends are recorded by each teammate's app when Vonage (or the emulator)
 * accepts them (`recordTeamSend`); the receiver only reads them.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type pg from 'pg';
import type { SendExchange } from '../../src-shared/send-exchange';
import type { WebhookEvent } from '../webhooks/event-types';
import { createWebhookForwarder } from '../webhooks/forwarder';
import type { WebhookFeedItem, WebhookReceiver } from '../webhooks/receiver';
import type { PostgresEventStore } from './postgres-event-store';
import { storableText } from './postgres-event-rows';

type Queryable = Pick<pg.Pool, 'query'>;

/** What routing needs from a send, read from its request body (Vonage's own field names). */
export function sendRouting(
  exchange: SendExchange,
): { messageUuid: string; clientRef: string | null; to: string | null; channel: string | null } | undefined {
  if (!exchange.succeeded || exchange.messageUuid === null) return undefined;
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(exchange.request.body);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // A body that is not JSON still has its message_uuid to route by.
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  // v0.1 bodies name the recipient as { type, number }.
  const to = typeof body.to === 'object' && body.to !== null ? (body.to as Record<string, unknown>).number : body.to;
  return {
    messageUuid: exchange.messageUuid,
    clientRef: text(body.client_ref),
    to: text(to),
    channel: text(body.channel),
  };
}

/** Files a send under the connected PostgreSQL role. */
export async function recordTeamSend(db: Queryable, exchange: SendExchange, sentAtMs: number): Promise<boolean> {
  const routing = sendRouting(exchange);
  if (!routing) return false;
  await db.query(
    'INSERT INTO workbench.sends (sent_at, message_uuid, client_ref, channel, to_addr) VALUES ($1, $2, $3, $4, $5)',
    [
      sentAtMs,
      storableText(routing.messageUuid),
      storableText(routing.clientRef),
      storableText(routing.channel),
      storableText(routing.to),
    ],
  );
  return true;
}

/** The teammate an event belongs to, or undefined when no recorded send explains it. */
export async function teammateFor(db: Queryable, event: WebhookEvent): Promise<string | undefined> {
  if (event.kind === 'status') {
    const { rows } = await db.query<{ teammate: string }>(
      `SELECT teammate FROM workbench.sends
       WHERE message_uuid = $1 OR (message_uuid IS DISTINCT FROM $1 AND client_ref = $2)
       ORDER BY (message_uuid = $1) DESC NULLS LAST, sent_at DESC LIMIT 1`,
      [event.messageUuid, event.clientRef],
    );
    return rows[0]?.teammate;
  }
  if (event.kind === 'inbound' && event.from !== null) {
    const { rows } = await db.query<{ teammate: string }>(
      'SELECT teammate FROM workbench.sends WHERE to_addr = $1 ORDER BY sent_at DESC LIMIT 1',
      [event.from],
    );
    return rows[0]?.teammate;
  }
  return undefined;
}

export interface TeamRouterOptions {
  store: PostgresEventStore;
  receiver: WebhookReceiver;
  /** Teammate (PostgreSQL role) → the URL of that teammate's app or tunnel; the webhook's path is appended. */
  routes: ReadonlyMap<string, string>;
  timeoutMs?: number;
  /**
   * A status webhook can arrive before the sender's app has filed its send (Vonage answers 202 and may
   * send the first status at once): an unmatched one is looked up once more after this long. Default 1 s.
   */
  unmatchedRetryMs?: number;
  /** Told about each forward once its result is stored next to the event. */
  onForwarded?: (event: WebhookEvent, teammate: string) => void;
  onError: (message: string, error: unknown) => void;
}

/** Forwards each received webhook to its teammate's route; events nobody owns stay in the inbox only. */
export function startTeamRouter(options: TeamRouterOptions): { close(): Promise<void> } {
  const closing = new AbortController();
  const teammateOf = new Map<number, string>();
  const forwarder = createWebhookForwarder({
    store: options.store,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxAnswerBytes: 64 * 1024,
    signal: closing.signal,
    onForwarded: (event) => {
      const teammate = teammateOf.get(event.id);
      teammateOf.delete(event.id);
      if (teammate !== undefined) options.onForwarded?.(event, teammate);
    },
    onError: options.onError,
  });
  const inFlight = new Set<Promise<void>>();

  async function route(event: WebhookEvent): Promise<void> {
    let teammate = await teammateFor(options.store.pool, event);
    if (teammate === undefined && event.kind === 'status') {
      await delay(options.unmatchedRetryMs ?? 1000, undefined, { signal: closing.signal }).catch(() => undefined);
      if (closing.signal.aborted) return;
      teammate = await teammateFor(options.store.pool, event);
    }
    const url = teammate === undefined ? undefined : options.routes.get(teammate);
    if (teammate === undefined || url === undefined) return;
    const body = await options.store.getRawBody(event.id);
    if (!body) return;
    teammateOf.set(event.id, teammate);
    await forwarder.forward(event, body, url);
  }

  const unsubscribe = options.receiver.subscribe(({ items }) => {
    for (const item of items as WebhookFeedItem[]) {
      if (item.change !== 'received') continue;
      const routing = route(item.event).catch((error: unknown) =>
        options.onError('A webhook could not be routed.', error),
      );
      inFlight.add(routing);
      void routing.finally(() => inFlight.delete(routing));
    }
  });

  return {
    async close() {
      unsubscribe();
      // Routes under way finish (an unmatched status's second look included) before forwards are cut.
      await Promise.allSettled([...inFlight]);
      closing.abort();
      await forwarder.close();
      teammateOf.clear();
    },
  };
}
